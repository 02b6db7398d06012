// Rules stage, part 3: literal replacements (`replace: FROM => TO` in a rule
// file). Where a rule can offer exact text, a finding of it carries the
// text that replaces it; `check --fix`, LSP code actions and the
// LanguageTool API's `replacements` apply or offer it.
//
// FROM is matched literally against the draft as written: letters ASCII
// case-insensitively, a space as one or more spaces or tabs, an apostrophe
// as ' or ’, anything else as itself, at word boundaries, on the line of
// the hit and overlapping it; a FROM that ends in a word ends a clause
// (punctuation or the line end follows it), so "we apologize for any
// inconvenience" is replaced before "." or ",", never before "while…". A TO that is empty drops
// FROM with the spacing it leaves behind, upper-casing the word after it when FROM opened a
// sentence ("Per our policy, refunds…" → "Refunds…"); a TO that starts in
// lower case is capitalised where FROM was. Nothing else is touched: the
// edit's span is FROM's, widened only over that spacing and that letter.
//
// Pure functions over views; no allocation beyond the result.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace amends {

struct Rule;

struct LiteralReplacement {
  std::string from;  // lower case, single spaces
  std::string to;    // may be empty: drop
  int line = 0;
};

struct Edit {
  uint32_t start = 0, end = 0;  // bytes of the text to replace
  std::string text;             // what goes there
};

// Parses "FROM => TO" (TO may be empty). Returns false with `*error` set.
bool ParseReplacement(std::string_view value, LiteralReplacement* out, std::string* error);

// The edit the first of `replacements` that is found at the hit
// [hit_start, hit_end) makes in `text` (bytes, well-formed UTF-8), or
// nullopt.
std::optional<Edit> ReplacementAt(const std::vector<LiteralReplacement>& replacements,
                                  std::string_view text, uint32_t hit_start, uint32_t hit_end);
// The same, given NewlinesOf(text): for a caller that asks about many hits
// of one text (the other form finds the line ends on each call).
std::optional<Edit> ReplacementAt(const std::vector<LiteralReplacement>& replacements,
                                  std::string_view text, std::span<const uint32_t> newlines,
                                  uint32_t hit_start, uint32_t hit_end);

// The offsets of every '\n' in `text`, in order.
std::vector<uint32_t> NewlinesOf(std::string_view text);

// `text` with `edit` applied.
std::string ApplyEdit(std::string_view text, const Edit& edit);

}  // namespace amends
