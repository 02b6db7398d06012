// Input stage: bytes from a file or stdin, checked before anything reads them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace amends {

// A draft as the user gave it. `bytes` is kept exactly as read, so every
// offset reported later points into what the user wrote; `begin` skips a
// UTF-8 byte-order mark when there is one.
struct Source {
  std::string name;    // file name, or "<stdin>"
  std::string bytes;   // the input as given
  uint32_t begin = 0;  // 3 after a BOM, else 0
};

struct InputLimits {
  // Inputs larger than this are refused with an error rather than read
  // into memory. 64 MiB by default.
  size_t max_bytes = 64u << 20;
};

// Reads `path` ("-" means stdin) into `out->bytes`. On failure returns false
// and sets `*error` to "NAME: reason". Does not validate the encoding.
bool ReadSource(const std::string& path, const InputLimits& limits, Source* out,
                std::string* error);

// Checks that `source->bytes` is well-formed UTF-8 and sets `begin` past a
// BOM. On failure returns false and sets `*error` to
// "NAME:LINE:COLUMN: invalid UTF-8 (byte 0xNN at offset N)".
bool ValidateSource(Source* source, std::string* error);

// Same check for text that is not a whole file (a JSON field, say): returns
// the error message without the name prefix, or "" when the text is valid.
std::string DescribeInvalidUtf8(std::string_view bytes);

}  // namespace amends
