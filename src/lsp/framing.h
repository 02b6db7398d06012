// LSP base protocol: JSON-RPC messages framed by a Content-Length header
// over a byte stream (stdin/stdout for `amends lsp`).
//
//   Content-Length: 52\r\n
//   \r\n
//   {"jsonrpc":"2.0","id":1,"method":"initialize",...}
//
// Not thread-safe: one reader per stream.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace amends::lsp {

// Reads up to `size` bytes into `buffer`; returns how many, 0 at the end of
// the stream, or -1 on an error.
using ReadFunction = std::function<long(char* buffer, size_t size)>;

class MessageReader {
 public:
  // Bodies longer than `max_body` bytes are skipped (kTooLarge): a client
  // cannot make the server hold more than that for one message.
  MessageReader(ReadFunction read, size_t max_body) : read_(std::move(read)), max_body_(max_body) {}

  enum class Result {
    kMessage,    // *body is one message's content
    kEnd,        // the stream ended between messages
    kTooLarge,   // a message over max_body was read past and dropped
    kBadHeader,  // no usable Content-Length, or the stream ended inside a message:
                 // the stream cannot be followed any further
  };
  Result Next(std::string* body);

  // Whether a whole further message is already read into the buffer (the
  // client has sent more than what was returned), without reading.
  bool HasBufferedMessage() const;

 private:
  // Reads more into buffer_; false at the end or on an error.
  bool Fill();
  // The header block at the front of buffer_: its length and the body's,
  // or false while incomplete; *bad when it can never be one.
  bool ParseHeader(size_t* header_length, size_t* body_length, bool* bad) const;

  ReadFunction read_;
  size_t max_body_;
  std::string buffer_;
};

// `body` with its header, ready to write.
std::string FrameMessage(std::string_view body);

}  // namespace amends::lsp
