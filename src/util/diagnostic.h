// Errors that point at a spot in a text file, ninja-style:
//   lexicons/en/apology.rules:12:8: unknown tag 'apolgy'; did you mean 'apology'?
//     tag: apolgy
//          ^
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace amends {

// `line` and `column` are 1-based; column counts bytes of `line_text`.
std::string FormatDiagnostic(std::string_view file, int line, int column, std::string_view message,
                             std::string_view line_text);

// Levenshtein distance in bytes.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` by edit distance, if it is close enough to
// be a plausible typo; "" otherwise.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace amends
