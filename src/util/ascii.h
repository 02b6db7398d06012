// ASCII-only case mapping, for protocol text (header names, charset labels,
// column names) where Unicode case folding would be wrong.
#pragma once

#include <string>
#include <string_view>

namespace amends {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

}  // namespace amends
