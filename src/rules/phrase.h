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

  // Parses `text` and gives every literal word its id in `vocabulary`
  // (adding the new ones), so the pattern is ready to match. `macros` maps
  // a name (used as @name) to pattern text; `cache`, when given, keeps
  // parsed macros across calls (see DefineMacro). A cache belongs to one
  // vocabulary. On failure returns false, sets `*error` and
  // `*error_offset` (byte offset into `text`); `vocabulary` may then hold
  // words of the failed pattern, which is harmless.
  static bool Parse(std::string_view text, const std::map<std::string, std::string>& macros,
                    Vocabulary* vocabulary, PhrasePattern* out, std::string* error,
                    size_t* error_offset, MacroCache* cache = nullptr);

  // Parses `text` as the body of macro `name` into `cache` (replacing an
  // earlier definition), with the same checks as Parse. Patterns parsed
  // later with this cache share the parsed body.
  static bool DefineMacro(const std::string& name, std::string_view text,
                          const std::map<std::string, std::string>& macros,
                          Vocabulary* vocabulary, MacroCache* cache, std::string* error,
                          size_t* error_offset);

  // The end (exclusive) of the longest match that starts at `words[start]`,
  // or `start` when there is none. `words` are the folded words of one
  // sentence and `ids` their vocabulary ids (Vocabulary::kUnknown for words
  // no pattern names).
  size_t LongestMatch(const uint32_t* ids, const std::string_view* words, size_t count,
                      size_t start) const;

  // The ids of the words that can begin a match, sorted. When
  // `anchored()` is false the pattern can begin with a prefix or a wildcard
  // and must be tried everywhere.
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
    // A word atom when `group` is null: matches a word whose id is in
    // `ids`, a word starting with one of `prefixes`, or any word when `any`.
    std::vector<uint32_t> ids;  // sorted
    std::vector<std::string> prefixes;
    bool any = false;
    // Otherwise one of the group's sequences.
    std::shared_ptr<Group> group;

    bool MatchesWord(uint32_t id, std::string_view w) const;
  };

  // What a sequence (or a group's alternatives) can begin with.
  struct Start {
    std::vector<uint32_t> ids;          // sorted, unique
    std::vector<std::string> prefixes;  // words beginning with these
    bool any = false;                   // any word ('_' comes first)
    bool nullable = false;              // it can match no word at all
  };

  struct Group {
    std::vector<Sequence> alternatives;
    Start start;  // over all alternatives
    // For each alternative, the ids it can begin with when it must begin
    // with a literal word, so matching skips alternatives that cannot start
    // at a word.
    std::vector<std::vector<uint32_t>> first_ids;
    std::vector<bool> anchored;
    // The same, inverted for matching: (first id, alternative) sorted by id,
    // and the alternatives that can begin anywhere.
    std::vector<std::pair<uint32_t, uint32_t>> by_first_id;
    std::vector<uint32_t> unanchored;
  };

 private:
  Sequence sequence_;
  std::vector<uint32_t> first_ids_;
  std::vector<std::vector<uint32_t>> required_ids_;
  bool anchored_ = true;
  // When not anchored: the words and prefixes a match can begin with, or
  // none when it can begin with any word.
  std::vector<uint32_t> prefix_word_ids_;
  std::vector<std::string> first_prefixes_;
};

}  // namespace amends
