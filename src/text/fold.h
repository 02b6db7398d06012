// The folded form that rules match against: case-folded, typographic quotes,
// apostrophes and dashes made ASCII, whitespace runs collapsed to one space.
#pragma once

#include <string>
#include <string_view>

namespace amends {

// Appends the folded form of one code point to `out`. Returns false for
// whitespace, which the caller collapses.
bool FoldCodePoint(char32_t cp, std::string* out);

// Folds a whole string (whitespace collapsed, ends trimmed). Used for
// lexicon words and names, so they compare equal to folded draft text.
std::string FoldText(std::string_view utf8);

}  // namespace amends
