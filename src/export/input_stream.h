// Export stage: a file or stdin read in large blocks, handed out as lines
// or bytes, counting lines and bytes so every record knows where it began.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace amends::exports {

class InputStream {
 public:
  // Opens `path` ("-" is stdin). Returns null and sets `*error` ("NAME: reason").
  static std::unique_ptr<InputStream> Open(const std::string& path, std::string* error);
  // Reads an already open stream (a pipe, an fmemopen buffer); does not
  // close it. `file` must outlive the InputStream.
  static std::unique_ptr<InputStream> FromFile(FILE* file, std::string name);
  ~InputStream();

  const std::string& name() const { return name_; }
  // Size of a regular file, 0 when unknown (a pipe).
  uint64_t size() const { return size_; }
  uint64_t offset() const { return offset_; }  // bytes handed out so far
  size_t line() const { return line_; }        // lines completed so far
  bool failed() const { return failed_; }      // a read error happened

  // Up to `n` bytes from the current position, without consuming them.
  std::string_view Peek(size_t n);

  // One byte, or -1 at the end.
  int Get() {
    if (pos_ == len_ && !Fill()) return -1;
    unsigned char c = static_cast<unsigned char>(buffer_[pos_++]);
    ++offset_;
    if (c == '\n') ++line_;
    return c;
  }

  // The next line without its '\n' (a '\r' before it stays). Keeps at most
  // `max` bytes; a longer line is consumed to its end and `*too_long` set.
  // Returns false at the end of the input.
  bool GetLine(size_t max, std::string* out, bool* too_long);

 private:
  InputStream() = default;
  bool Fill();  // refills the buffer; false at the end or on error

  std::string name_;
  FILE* file_ = nullptr;
  bool owned_ = false;
  bool failed_ = false;
  uint64_t size_ = 0;
  uint64_t offset_ = 0;
  size_t line_ = 0;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0, pos_ = 0, len_ = 0;
};

}  // namespace amends::exports
