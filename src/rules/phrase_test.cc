#include "rules/phrase.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace amends;

namespace {

struct Compiled {
  Vocabulary vocabulary;
  PhrasePattern pattern;
  bool anchored() const { return pattern.anchored(); }
  std::vector<std::string> first_words() const {
    std::vector<std::string> out;
    for (uint32_t id : pattern.first_ids()) out.emplace_back(vocabulary.Word(id));
    std::sort(out.begin(), out.end());
    return out;
  }
};

std::shared_ptr<Compiled> Compile(const std::string& text,
                                  std::map<std::string, std::string> macros = {}) {
  auto c = std::make_shared<Compiled>();
  std::string error;
  size_t at = 0;
  bool ok = PhrasePattern::Parse(text, macros, &c->vocabulary, &c->pattern, &error, &at);
  INFO(text << ": " << error);
  REQUIRE(ok);
  return c;
}

// Length in words of the longest match at the first word of `words`, 0 if none.
size_t MatchLength(const std::shared_ptr<Compiled>& c, const std::string& words,
                   size_t start = 0) {
  const Vocabulary& vocabulary = c->vocabulary;
  const PhrasePattern& p = c->pattern;
  std::istringstream in(words);
  std::vector<std::string> store;
  for (std::string w; in >> w;) store.push_back(w);
  std::vector<std::string_view> views(store.begin(), store.end());
  std::vector<uint32_t> ids;
  for (std::string_view w : views) ids.push_back(vocabulary.Find(w));
  return p.LongestMatch(ids.data(), views.data(), views.size(), start) - start;
}

std::string ParseError(const std::string& text, size_t* at) {
  PhrasePattern p;
  Vocabulary vocabulary;
  std::string error;
  REQUIRE_FALSE(PhrasePattern::Parse(text, {}, &vocabulary, &p, &error, at));
  return error;
}

}  // namespace

TEST_CASE("literal words and word alternatives", "[phrase]") {
  auto p = Compile("sorry for any inconvenience|trouble");
  CHECK(MatchLength(p, "sorry for any inconvenience") == 4);
  CHECK(MatchLength(p, "sorry for any trouble caused") == 4);
  CHECK(MatchLength(p, "sorry for the inconvenience") == 0);
  CHECK(p->anchored());
  CHECK(p->first_words() == std::vector<std::string>{"sorry"});
}

TEST_CASE("groups hold sequences, optional groups and words", "[phrase]") {
  auto p = Compile("(we're|we are) (so|very|truly)? sorry");
  CHECK(MatchLength(p, "we're sorry") == 2);
  CHECK(MatchLength(p, "we are truly sorry") == 4);
  CHECK(MatchLength(p, "we are not sorry") == 0);
  CHECK(p->first_words() == std::vector<std::string>{"we", "we're"});
  auto q = Compile("i'm really? sorry");
  CHECK(MatchLength(q, "i'm sorry") == 2);
  CHECK(MatchLength(q, "i'm really sorry") == 3);
}

TEST_CASE("prefixes and gaps", "[phrase]") {
  auto p = Compile("apologi* for _{0,2} delay");
  CHECK(MatchLength(p, "apologies for the delay") == 4);
  CHECK(MatchLength(p, "apologize for the long delay") == 5);
  CHECK(MatchLength(p, "apologize for the very long delay") == 0);
  CHECK(MatchLength(p, "apologi for delay") == 3);  // the stem itself counts
  CHECK(MatchLength(p, "sorry for the delay") == 0);
  auto any = Compile("_ sorry");
  CHECK_FALSE(any->anchored());
  CHECK(MatchLength(any, "so sorry") == 2);
}

TEST_CASE("the longest match wins and matching starts where asked", "[phrase]") {
  auto p = Compile("sorry (for the delay)?");
  CHECK(MatchLength(p, "sorry for the delay") == 4);
  CHECK(MatchLength(p, "sorry for the wait") == 1);
  CHECK(MatchLength(p, "so sorry", 1) == 1);
}

TEST_CASE("macros expand in place", "[phrase]") {
  auto p = Compile("@we sorry", {{"we", "(we're|we are|i'm|i am)"}});
  CHECK(MatchLength(p, "i am sorry") == 3);
  CHECK(MatchLength(p, "they are sorry") == 0);
}

TEST_CASE("pattern errors name the spot", "[phrase]") {
  size_t at = 99;
  CHECK(ParseError("sorry (for", &at) == "missing ')'");
  CHECK(ParseError("sorry)", &at) == "unbalanced ')'");
  CHECK(at == 5);
  CHECK(ParseError("sorry?", &at) == "pattern can match nothing");
  CHECK(ParseError("@nope sorry", &at).find("unknown macro '@nope'") == 0);
  CHECK(ParseError("so*rry", &at) == "'*' is only allowed at the end of a word");
  CHECK(ParseError("_{3,1} x", &at).find("expected a gap") == 0);
  CHECK(ParseError("(a|) b", &at) == "empty alternative in group");
  CHECK(ParseError("we 'd like", &at).find("''d' is not one word") == 0);
  CHECK(at == 3);
  CHECK(ParseError("e-mail", &at).find("'e-mail' is not one word") == 0);
}

TEST_CASE("a defined macro is parsed once and shared, and a redefinition replaces it", "[phrase]") {
  Vocabulary vocabulary;
  PhrasePattern::MacroCache cache;
  std::map<std::string, std::string> macros;
  std::string error;
  size_t at = 0;
  REQUIRE(PhrasePattern::DefineMacro("we", "(we're|we are)", macros, &vocabulary, &cache, &error,
                                     &at));
  macros["we"] = "(we're|we are)";
  PhrasePattern a, b;
  REQUIRE(PhrasePattern::Parse("@we sorry", macros, &vocabulary, &a, &error, &at, &cache));
  auto shared = cache.at("we");
  REQUIRE(PhrasePattern::DefineMacro("we", "(i'm|i am)", macros, &vocabulary, &cache, &error,
                                     &at));
  macros["we"] = "(i'm|i am)";
  REQUIRE(PhrasePattern::Parse("@we sorry", macros, &vocabulary, &b, &error, &at, &cache));
  CHECK(cache.at("we") != shared);
  std::vector<std::string_view> words = {"i", "am", "sorry"};
  std::vector<uint32_t> ids;
  for (auto w : words) ids.push_back(vocabulary.Find(w));
  CHECK(a.LongestMatch(ids.data(), words.data(), 3, 0) == 0);
  CHECK(b.LongestMatch(ids.data(), words.data(), 3, 0) == 3);
  CHECK_FALSE(PhrasePattern::DefineMacro("x", "maybe?", macros, &vocabulary, &cache, &error, &at));
  CHECK(error == "pattern can match nothing");
}
