#include "input/blank.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace amends {

bool IsBlank(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    // Zero-width space and BOM are not white space to ICU but show nothing.
    if (c == 0x200B || c == 0xFEFF || c == 0x2060) continue;
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
  }
  return true;
}

}  // namespace amends
