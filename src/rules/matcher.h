// Rules stage, part 2: running a compiled Lexicon over a Document.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/set.h>

#include "rules/lexicon.h"
#include "text/document.h"

namespace amends {

// One place where a rule matched.
struct Hit {
  uint32_t rule;      // index into Lexicon::rules
  int tag;            // the rule's tag
  Span span;          // original bytes
  uint32_t sentence;  // sentence of span.start
};

// Indexes a Lexicon for matching: phrase rules by the words they can begin
// with, regex rules in one RE2::Set per text form. Immutable after
// construction; `lexicon` must outlive the Matcher.
class Matcher {
 public:
  explicit Matcher(const Lexicon& lexicon);
  ~Matcher();

  // Empty when the matcher is usable; otherwise why the regex rules could
  // not be compiled together (each compiles alone, but one RE2::Set per
  // text form holds them all, within a memory budget).
  const std::string& error() const { return error_; }

  // Every hit of the rules of `scope` in `doc`, sorted by start. A rule's
  // overlapping matches are merged to the longest; matches overlapping one
  // of the rule's `unless` patterns are dropped. In a draft, hits that lie
  // in the leading @handles, the sign-off or a quoted passage are dropped
  // too: they are not the agent's own words.
  std::vector<Hit> Match(const Document& doc, RuleScope scope) const;

 private:
  struct PhraseRef {
    uint32_t rule;
    uint32_t pattern;  // in Lexicon::phrases
  };
  struct RegexRef {
    uint32_t rule;
    uint32_t pattern;
  };
  struct ScopeIndex {
    std::vector<std::vector<PhraseRef>> by_first;  // indexed by vocabulary id
    std::vector<PhraseRef> unanchored;
    std::unique_ptr<RE2::Set> folded_set, original_set;
    std::vector<RegexRef> folded_refs, original_refs;
  };

  void MatchPhrases(const Document& doc, const ScopeIndex& index, std::vector<Hit>* raw) const;
  void MatchRegexes(const Document& doc, const RE2::Set* set, const std::vector<RegexRef>& refs,
                    bool original, std::vector<Hit>* raw) const;

  const Lexicon& lexicon_;
  ScopeIndex scopes_[2];
  std::string error_;
};

}  // namespace amends
