// Email stage: RFC 3676 format=flowed text back to the lines the writer typed.
#pragma once

#include <string>
#include <string_view>

namespace amends::email {

// Joins soft line breaks (a line ending in a space continues on the next
// line of the same quote depth), removes space-stuffing, and with `delsp`
// drops the space before each soft break. "-- " stays a signature separator.
// `text` uses "\n" line ends. Quoted lines come back as ">" * depth + " ".
std::string DecodeFlowed(std::string_view text, bool delsp);

}  // namespace amends::email
