// Email stage: bytes in a MIME charset to UTF-8, through ICU converters.
#pragma once

#include <string>
#include <string_view>

namespace amends::email {

struct Converted {
  std::string utf8;
  std::string charset;           // the converter ICU used ("UTF-8" when none was named)
  size_t replaced = 0;           // bytes ICU could not map (each became U+FFFD)
  bool unknown_charset = false;  // `charset` was not known to ICU: read as windows-1252
};

// Converts `bytes` labelled `charset` (a MIME charset parameter; "" means
// US-ASCII, read as UTF-8 so stray 8-bit UTF-8 survives) to UTF-8. Never
// fails: unmappable bytes become U+FFFD and are counted. An unknown label is
// read as windows-1252 (the de-facto default of mislabelled mail).
Converted ToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace amends::email
