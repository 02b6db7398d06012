#include "lsp/positions.h"

#include <catch2/catch.hpp>

using namespace amends::lsp;

namespace {
constexpr PositionEncoding k16 = PositionEncoding::kUtf16;
constexpr PositionEncoding k8 = PositionEncoding::kUtf8;
}  // namespace

TEST_CASE("positions: UTF-16 units and UTF-8 bytes of a line", "[lsp][positions]") {
  // "é" is 2 bytes, 1 unit; U+1F600 is 4 bytes, 2 units (a surrogate pair).
  std::string text = "ab\n\xC3\xA9x \xF0\x9F\x98\x80y\nlast";
  LineIndex index(text);
  size_t y = text.find('y');
  CHECK(index.ToPosition(static_cast<uint32_t>(y), k16) == LspPosition{1, 5});
  CHECK(index.ToPosition(static_cast<uint32_t>(y), k8) == LspPosition{1, 8});
  CHECK(index.ToOffset({1, 5}, k16) == y);
  CHECK(index.ToOffset({1, 8}, k8) == y);
  CHECK(index.ToPosition(0, k16) == LspPosition{0, 0});
  CHECK(index.ToPosition(static_cast<uint32_t>(text.size()), k16) == LspPosition{2, 4});
  // Every character start goes there and back, in both encodings.
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    for (PositionEncoding e : {k16, k8}) CHECK(index.ToOffset(index.ToPosition(i, e), e) == i);
  }
}

TEST_CASE("positions: a line ends at LF, CRLF or a lone CR", "[lsp][positions]") {
  std::string text = "a\r\nb\rc\nd";
  LineIndex index(text);
  CHECK(index.ToPosition(3, k16) == LspPosition{1, 0});  // b
  CHECK(index.ToPosition(5, k16) == LspPosition{2, 0});  // c
  CHECK(index.ToPosition(7, k16) == LspPosition{3, 0});  // d
  CHECK(index.ToPosition(2, k16) == LspPosition{0, 1});  // inside "\r\n": the line's end
  CHECK(index.ToOffset({0, 99}, k16) == 1);              // past the end of a line: its end
  CHECK(index.ToOffset({9, 0}, k16) == text.size());     // past the last line
}

TEST_CASE("positions: never inside a character", "[lsp][positions]") {
  std::string text = "\xF0\x9F\x98\x80z";
  LineIndex index(text);
  CHECK(index.ToOffset({0, 1}, k16) == 0);  // between the surrogates: the character's start
  CHECK(index.ToOffset({0, 2}, k16) == 4);
  CHECK(index.ToOffset({0, 2}, k8) == 0);                // inside the bytes
  CHECK(index.ToPosition(2, k16) == LspPosition{0, 0});  // inside: the character's start
}
