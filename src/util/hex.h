// Hex digits as the escapes in JSON ("\u00e9"), URLs and form bodies
// ("%C3%A9") write them.
#pragma once

#include <string_view>

namespace amends {

// The value of one hex digit (either case), or -1.
inline int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of the four hex digits at `at` of `s` (a JSON "\uXXXX"
// escape's UTF-16 unit), or -1 when there are not four there.
inline int FourHexDigits(std::string_view s, size_t at) {
  if (at > s.size() || s.size() - at < 4) return -1;
  int value = 0;
  for (size_t k = at; k < at + 4; ++k) {
    int d = HexDigitValue(s[k]);
    if (d < 0) return -1;
    value = value * 16 + d;
  }
  return value;
}

}  // namespace amends
