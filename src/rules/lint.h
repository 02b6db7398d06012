// Lints rule and macro files for what compiles but should not be there,
// so a reviewed lexicon stays small and means what it says:
//   - an alternative written twice in one group ("(sorry|sad|sorry)"), or
//     a word twice in one word set ("sorry|sad|sorry");
//   - a macro defined twice in one file, or again in a rule file with the
//     body it already has in its folder's macro file or in another rule
//     file (one shared definition belongs in a .macros file);
//   - a rule file's define that shadows a shared macro with another body
//     (the copies drift: give the local one its own name).
//   - a regex with a counted repeat of more than kMostRepeats
//     ("[^.]{0,30}"): its automaton grows that many times, and the regex
//     set runs over every draft.
// `amends lexicon test` runs it.
#pragma once

#include <string>
#include <vector>

#include "rules/block_file.h"

namespace amends {

// One diagnostic per finding (file:line:column, message, caret), in file
// order. Files are taken as LoadRules takes them (macro files first, by
// folder); files that are not rule or macro files are ignored.
std::vector<std::string> LintLexicon(const std::vector<BlockFile>& files);

// The duplicate alternatives of one phrase pattern: for each, its byte
// offset in `pattern` and the offset of its first occurrence.
struct DuplicateAlternative {
  size_t offset = 0;
  size_t first = 0;
  std::string text;  // the alternative, spaces collapsed
};
std::vector<DuplicateAlternative> FindDuplicateAlternatives(std::string_view pattern);

// Counted repeats ("{2,5}", "{3}", "{2,}") of a regex, outside character
// classes and escapes: where, how long, and the most repeats it counts
// ("{2,}" counts 2: the rest is a '*').
inline constexpr uint32_t kMostRepeats = 8;
struct CountedRepeat {
  size_t offset = 0;
  size_t length = 0;
  uint32_t most = 0;
};
std::vector<CountedRepeat> FindCountedRepeats(std::string_view regex);

// A pattern with its spacing made canonical (runs of spaces collapsed,
// none next to '(', '|' or ')'), to compare two macro bodies.
std::string CanonicalPattern(std::string_view pattern);

}  // namespace amends
