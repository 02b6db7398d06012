#include "lsp/framing.h"

#include <catch2/catch.hpp>

using namespace amends::lsp;

namespace {
// A stream that hands out `bytes` `chunk` bytes at a time.
ReadFunction Chunks(std::string bytes, size_t chunk) {
  auto at = std::make_shared<size_t>(0);
  auto data = std::make_shared<std::string>(std::move(bytes));
  return [at, data, chunk](char* buffer, size_t size) -> long {
    size_t n = std::min({size, chunk, data->size() - *at});
    data->copy(buffer, n, *at);
    *at += n;
    return static_cast<long>(n);
  };
}
}  // namespace

TEST_CASE("framing: messages are read whole, however the bytes arrive", "[lsp][framing]") {
  std::string stream = FrameMessage("{\"a\":1}") + FrameMessage("{\"b\":\"é\"}") +
                       "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
                       "content-length: 2\r\n\r\n{}";
  for (size_t chunk : {size_t{1}, size_t{3}, size_t{1000}}) {
    MessageReader reader(Chunks(stream, chunk), 1000);
    std::string body;
    REQUIRE(reader.Next(&body) == MessageReader::Result::kMessage);
    CHECK(body == "{\"a\":1}");
    REQUIRE(reader.Next(&body) == MessageReader::Result::kMessage);
    CHECK(body == "{\"b\":\"é\"}");  // Content-Length counts bytes
    REQUIRE(reader.Next(&body) == MessageReader::Result::kMessage);
    CHECK(body == "{}");
    CHECK(reader.Next(&body) == MessageReader::Result::kEnd);
  }
}

TEST_CASE("framing: the header says the body's length in bytes", "[lsp][framing]") {
  CHECK(FrameMessage("{}") == "Content-Length: 2\r\n\r\n{}");
  CHECK(FrameMessage("\xC3\xA9") == "Content-Length: 2\r\n\r\n\xC3\xA9");
}

TEST_CASE("framing: a message over the limit is dropped, the next one read", "[lsp][framing]") {
  std::string big(5000, 'x');
  MessageReader reader(Chunks(FrameMessage(big) + FrameMessage("{}"), 700), 1000);
  std::string body;
  CHECK(reader.Next(&body) == MessageReader::Result::kTooLarge);
  REQUIRE(reader.Next(&body) == MessageReader::Result::kMessage);
  CHECK(body == "{}");
}

TEST_CASE("framing: a stream that is not LSP is refused, not followed", "[lsp][framing]") {
  std::string body;
  CHECK(MessageReader(Chunks("hello\r\n\r\n{}", 100), 1000).Next(&body) ==
        MessageReader::Result::kBadHeader);
  CHECK(MessageReader(Chunks("Content-Length: x\r\n\r\n{}", 100), 1000).Next(&body) ==
        MessageReader::Result::kBadHeader);
  CHECK(MessageReader(Chunks("Content-Length: 10\r\n\r\n{}", 100), 1000).Next(&body) ==
        MessageReader::Result::kBadHeader);  // cut short
  CHECK(MessageReader(Chunks(std::string(10000, 'a'), 100), 1000).Next(&body) ==
        MessageReader::Result::kBadHeader);  // no header end in sight
  CHECK(MessageReader(Chunks("\r\n", 100), 1000).Next(&body) == MessageReader::Result::kEnd);
}

TEST_CASE("framing: a buffered message is seen without reading", "[lsp][framing]") {
  MessageReader reader(Chunks(FrameMessage("{}") + FrameMessage("[]"), 1000), 1000);
  std::string body;
  REQUIRE(reader.Next(&body) == MessageReader::Result::kMessage);
  CHECK(reader.HasBufferedMessage());
  REQUIRE(reader.Next(&body) == MessageReader::Result::kMessage);
  CHECK_FALSE(reader.HasBufferedMessage());
}
