// Input stage: whether a draft has anything in it to check.
#pragma once

#include <string_view>

namespace amends {

// True when `text` (UTF-8) holds nothing but white space: ASCII and Unicode
// spaces, line breaks, zero-width spaces and byte-order marks. Such a draft
// is "nothing to check" rather than a reply that is ready to send.
bool IsBlank(std::string_view text);

}  // namespace amends
