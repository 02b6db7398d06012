// Phrase patterns: token sequences with alternatives, optional elements,
// prefixes and gaps, matched against the folded words of one sentence.
// The syntax is documented in docs/lexicon-format.md.
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/vocabulary.h"

namespace amends {

class PhrasePattern {
 public:
  struct Element;
  struct Group;
  using Sequence = std::vector<Element>;
  // Parsed macros by name, shared by every pattern that uses them (a macro
  // of 150 words is parsed and interned once, not at each use).
  using MacroCache = std::map<std::string, std::shared_ptr<Group>>;

  // Parses `text`. `macros` maps a name (used as @name) to pattern text;
  // `cache`, when given, keeps parsed macros across calls (drop an entry
  // when its macro is redefined). On failure returns false, sets `*error`
  // and `*error_offset` (byte offset into `text`).
  static bool Parse(std::string_view text, const std::map<std::string, std::string>& macros,
                    PhrasePattern* out, std::string* error, size_t* error_offset,
                    MacroCache* cache = nullptr);

  // Gives every literal word of the pattern its id in `vocabulary`. Call
  // once after Parse and before matching. Copies of a pattern, and patterns
  // parsed with one MacroCache, share macro groups: intern them all into
  // the same vocabulary (a shared group is interned once per vocabulary).
  void Intern(Vocabulary* vocabulary);

  // The end (exclusive) of the longest match that starts at `words[start]`,
  // or `start` when there is none. `words` are the folded words of one
  // sentence and `ids` their vocabulary ids (Vocabulary::kUnknown for words
  // no pattern names).
  size_t LongestMatch(const uint32_t* ids, const std::string_view* words, size_t count,
                      size_t start) const;

  // Words that can begin a match, and their ids once interned. When
  // `anchored()` is false the pattern can begin with a prefix or a wildcard
  // and must be tried everywhere.
  const std::vector<std::string>& first_words() const { return first_words_; }
  const std::vector<uint32_t>& first_ids() const { return first_ids_; }
  bool anchored() const { return anchored_; }
  // For each mandatory plain-word element of the pattern, its ids: a
  // sentence can only match when it holds a word of every one of these
  // sets. A cheap filter before matching; empty when there are none.
  const std::vector<std::vector<uint32_t>>& required_ids() const { return required_ids_; }
  // Whether a match could begin at this word (its id and folded text).
  bool CanStartWith(uint32_t id, std::string_view word) const;

  struct Element {
    int min = 1, max = 1;
    // A word atom when `group` is null: matches a word in `words`, starting
    // with one of `prefixes`, or any word when `any`.
    std::vector<std::string> words;
    std::vector<uint32_t> ids;  // `words` interned, sorted
    std::vector<std::string> prefixes;
    bool any = false;
    // Otherwise one of the group's sequences.
    std::shared_ptr<Group> group;

    bool MatchesWord(uint32_t id, std::string_view w) const;
  };

  struct Group {
    std::vector<Sequence> alternatives;
    // For each alternative, the ids it can begin with when it must begin
    // with a literal word, so matching skips alternatives that cannot start
    // at a word.
    std::vector<std::vector<uint32_t>> first_ids;
    std::vector<bool> anchored;
    // The same, inverted for matching: (first id, alternative) sorted by id,
    // and the alternatives that can begin anywhere.
    std::vector<std::pair<uint32_t, uint32_t>> by_first_id;
    std::vector<uint32_t> unanchored;
    uint64_t interned_with = 0;  // Vocabulary::serial()
  };

 private:
  Sequence sequence_;
  std::vector<std::string> first_words_;
  std::vector<uint32_t> first_ids_;
  std::vector<std::vector<uint32_t>> required_ids_;
  bool anchored_ = true;
  // When not anchored: the words and prefixes a match can begin with, or
  // none when it can begin with any word.
  std::vector<std::string> prefix_words_;
  std::vector<uint32_t> prefix_word_ids_;
  std::vector<std::string> first_prefixes_;
};

}  // namespace amends
