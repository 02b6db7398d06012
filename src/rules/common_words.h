// The most frequent words of English prose and of support replies, most
// frequent first. Matching looks a pattern up by a rarer word it needs when
// it has one: a sentence holds these almost always, so requiring one of
// them filters little.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace amends {

inline constexpr std::string_view kCommonWords[] = {
    "the",   "to",    "i",      "you",   "a",     "and",   "of",    "we",     "is",     "it",
    "for",   "your",  "in",     "that",  "this",  "be",    "have",  "on",     "with",   "are",
    "will",  "can",   "please", "my",    "me",    "our",   "us",    "as",     "at",     "if",
    "not",   "so",    "do",     "all",   "an",    "or",    "was",   "they",   "but",    "from",
    "there", "any",   "by",     "what",  "about", "get",   "just",  "know",   "let",    "here",
    "out",   "up",    "been",   "has",   "had",   "would", "could", "should", "more",   "no",
    "one",   "help",  "thanks", "thank", "hi",    "hello", "i'm",   "we're",  "you're", "it's",
    "don't", "can't", "we'll",  "i'll",  "am"};

// Whether `word` (folded) is one of kCommonWords.
inline bool IsCommonWord(std::string_view word) {
  return std::find(std::begin(kCommonWords), std::end(kCommonWords), word) !=
         std::end(kCommonWords);
}

// How little requiring one of `ids` filters: a common word weighs 64, any
// other 1. `is_common(id)` tells whether an id's word is one of
// kCommonWords.
template <typename Ids, typename IsCommon>
uint64_t RequirementWeight(const Ids& ids, IsCommon&& is_common) {
  uint64_t weight = 0;
  for (auto id : ids) weight += is_common(id) ? 64 : 1;
  return weight;
}

}  // namespace amends
