// Phrase patterns: token sequences with alternatives, optional elements,
// prefixes and gaps, matched against the folded words of one sentence.
// The syntax is documented in docs/lexicon-format.md.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace amends {

class PhrasePattern {
 public:
  struct Element;
  using Sequence = std::vector<Element>;

  // Parses `text`. `macros` maps a name (used as @name) to pattern text.
  // On failure returns false, sets `*error` and `*error_offset` (byte
  // offset into `text`).
  static bool Parse(std::string_view text, const std::map<std::string, std::string>& macros,
                    PhrasePattern* out, std::string* error, size_t* error_offset);

  // The end (exclusive) of the longest match that starts at `words[start]`,
  // or `start` when there is none. `words` are folded words of one sentence.
  size_t LongestMatch(const std::string_view* words, size_t count, size_t start) const;

  // Words that can begin a match. When `anchored()` is false the pattern can
  // begin with a prefix or a wildcard and must be tried everywhere.
  const std::vector<std::string>& first_words() const { return first_words_; }
  bool anchored() const { return anchored_; }

  struct Element {
    int min = 1, max = 1;
    bool group = false;
    // Word atom (group == false): matches a word in `words`, starting with
    // one of `prefixes`, or any word when `any`.
    std::vector<std::string> words;
    std::vector<std::string> prefixes;
    bool any = false;
    // Group (group == true): one of these sequences.
    std::vector<Sequence> alternatives;

    bool MatchesWord(std::string_view w) const;
  };

 private:
  Sequence sequence_;
  std::vector<std::string> first_words_;
  bool anchored_ = true;
};

}  // namespace amends
