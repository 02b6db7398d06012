#include "rules/phrase.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace amends;

namespace {

// One pattern in a set of its own, with `macros` defined first.
struct Compiled {
  PhraseSet set;
  uint32_t pattern = 0;
  bool anchored() const { return set.anchored(pattern); }
  std::vector<std::string> first_words() const {
    std::vector<std::string> out;
    for (uint32_t id : set.first_ids(pattern)) out.emplace_back(set.vocabulary().Word(id));
    std::sort(out.begin(), out.end());
    return out;
  }
};

std::shared_ptr<Compiled> Compile(const std::string& text,
                                  std::vector<std::pair<std::string, std::string>> macros = {}) {
  auto c = std::make_shared<Compiled>();
  std::string error;
  size_t at = 0;
  for (const auto& [name, body] : macros) REQUIRE(c->set.DefineMacro(name, body, &error, &at));
  int64_t p = c->set.Add(text, &error, &at);
  INFO(text << ": " << error);
  REQUIRE(p >= 0);
  c->pattern = static_cast<uint32_t>(p);
  return c;
}

// Length in words of the longest match of `pattern` at `words[start]`, 0 if none.
size_t MatchLength(const PhraseSet& set, uint32_t pattern, const std::string& words,
                   size_t start = 0) {
  std::istringstream in(words);
  std::vector<std::string> store;
  for (std::string w; in >> w;) store.push_back(w);
  std::vector<std::string_view> views(store.begin(), store.end());
  std::vector<uint32_t> ids;
  for (std::string_view w : views) ids.push_back(set.vocabulary().Find(w));
  return set.LongestMatch(pattern, ids.data(), views.data(), views.size(), start) - start;
}

size_t MatchLength(const std::shared_ptr<Compiled>& c, const std::string& words, size_t start = 0) {
  return MatchLength(c->set, c->pattern, words, start);
}

std::string ParseError(const std::string& text, size_t* at) {
  PhraseSet set;
  std::string error;
  REQUIRE(set.Add(text, &error, at) == -1);
  REQUIRE(set.size() == 0);
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

TEST_CASE("a run of gaps reaches every length between the sums of its bounds", "[phrase]") {
  // Against a reference: "x _{a1,b1} _{a2,b2} y" matches x, then n words
  // with a1 + a2 <= n <= b1 + b2, then y; the longest such match. Every
  // sentence of up to 8 words over {x, y, w}, from every start; then gaps
  // that need all three of their elements.
  struct Case {
    const char* text;
    int lo, hi;
  };
  for (const Case& c : {Case{"x _{0,2} _{1,2} y", 1, 4}, Case{"x _{0,1} _{0,1} _{0,1} y", 0, 3},
                        Case{"x _{2,3} y", 2, 3}, Case{"x _{0,8} _{0,8} _{0,8} y", 0, 24},
                        Case{"x _{1,1} (y|w _{0,2} _{0,1} y)", 1, 1}}) {
    auto p = Compile(c.text);
    const bool nested = std::string(c.text).find('(') != std::string::npos;
    const char* alphabet[] = {"x", "y", "w"};
    for (int length = 0; length <= 8; ++length) {
      int total = 1;
      for (int i = 0; i < length; ++i) total *= 3;
      for (int code = 0; code < total; ++code) {
        std::vector<std::string> words;
        for (int i = 0, v = code; i < length; ++i, v /= 3) words.push_back(alphabet[v % 3]);
        std::string sentence;
        for (const std::string& w : words) sentence += w + " ";
        for (int start = 0; start < length; ++start) {
          size_t expected = 0;
          if (words[start] == "x") {
            for (int end = start + 1; end < length; ++end) {
              if (words[end] != "y") continue;
              const int gap = end - start - 1;
              bool fits = gap >= c.lo && gap <= c.hi;
              // the nested alternative: x _ w (0 to 3 words) y
              if (nested && !fits) fits = gap >= 2 && gap <= 5 && words[start + 2] == "w";
              if (fits) expected = static_cast<size_t>(end - start + 1);
            }
          }
          INFO(c.text << " on '" << sentence << "' from " << start);
          CHECK(MatchLength(p, sentence, static_cast<size_t>(start)) == expected);
        }
      }
    }
  }
  auto three = Compile("x _{0,8} _{0,8} _{0,8} y");
  auto sentence = [](int gap) {
    std::string s = "x ";
    for (int i = 0; i < gap; ++i) s += "w ";
    return s + "y";
  };
  CHECK(MatchLength(three, sentence(17)) == 19);
  CHECK(MatchLength(three, sentence(24)) == 26);
  CHECK(MatchLength(three, sentence(25)) == 0);
  CHECK(MatchLength(three, sentence(9) + " w y") == 13);  // the longest of two ends
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

TEST_CASE("a defined macro is shared, and a redefinition applies to later patterns", "[phrase]") {
  PhraseSet set;
  std::string error;
  size_t at = 0;
  REQUIRE(set.DefineMacro("we", "(we're|we are)", &error, &at));
  int64_t a = set.Add("@we sorry", &error, &at);
  REQUIRE(set.DefineMacro("we", "(i'm|i am)", &error, &at));
  int64_t b = set.Add("@we sorry", &error, &at);
  REQUIRE(a >= 0);
  REQUIRE(b >= 0);
  CHECK(MatchLength(set, a, "i am sorry") == 0);
  CHECK(MatchLength(set, a, "we are sorry") == 3);
  CHECK(MatchLength(set, b, "i am sorry") == 3);
  CHECK_FALSE(set.DefineMacro("x", "maybe?", &error, &at));
  CHECK(error == "pattern can match nothing");
  set.SetMacros({});
  CHECK(set.Add("@we sorry", &error, &at) == -1);
  CHECK(error.find("unknown macro '@we'") == 0);
}

TEST_CASE("patterns in one set keep their own matches", "[phrase]") {
  PhraseSet set;
  std::string error;
  size_t at = 0;
  std::vector<int64_t> p;
  for (const char* text : {"sorry (for the delay)?", "(so|very)? sorry", "apologi* _{0,1} delay",
                           "we (are|were) (not|never)? to blame"})
    p.push_back(set.Add(text, &error, &at));
  REQUIRE(set.Add("broken (", &error, &at) == -1);  // leaves the others intact
  for (int64_t x : p) REQUIRE(x >= 0);
  CHECK(MatchLength(set, p[0], "sorry for the delay") == 4);
  CHECK(MatchLength(set, p[1], "very sorry") == 2);
  CHECK(MatchLength(set, p[2], "apologies long delay") == 3);
  CHECK(MatchLength(set, p[3], "we were never to blame") == 5);
  CHECK(MatchLength(set, p[3], "we were to blame") == 4);
  CHECK(set.anchored(p[1]));
  CHECK_FALSE(set.anchored(p[2]));
  CHECK(set.CanStartWith(p[2], Vocabulary::kUnknown, "apologize"));
  CHECK_FALSE(set.CanStartWith(p[2], Vocabulary::kUnknown, "sorry"));
  // we, (are|were), to, blame; not the optional (not|never)
  REQUIRE(set.required_count(p[3]) == 4);
  CHECK(set.required(p[3], 0).size() == 1);
  CHECK(set.required(p[3], 3).size() == 2);
  // A group needs a word only when every alternative does.
  int64_t q = set.Add("(so|very _) (sorry|apologi*)", &error, &at);
  REQUIRE(q >= 0);
  CHECK(set.required_count(q) == 1);  // (so|very _); not (sorry|apologi*)
  CHECK(set.required(q, 0).size() == 2);
}

TEST_CASE("plain alternatives of a group: every one that ends may be followed by the rest",
          "[phrase]") {
  // "the" and "the link" share a start; the rest only matches after the
  // shorter one in the first text, after the longer in the second.
  auto c = Compile("(the|the link|a link) link here");
  CHECK(MatchLength(c, "the link here") == 3);
  CHECK(MatchLength(c, "the link link here") == 4);
  CHECK(MatchLength(c, "a link link here") == 4);
  CHECK(MatchLength(c, "the here") == 0);
  CHECK(MatchLength(c, "link here") == 0);
  // Elements of a few words multiply out; plain and other alternatives mix.
  auto d = Compile("(we|i) ((can|could) (help|assist)|will look*|gladly) now", {{"unused", "x y"}});
  CHECK(MatchLength(d, "we could assist now") == 4);
  CHECK(MatchLength(d, "i can help now") == 4);
  CHECK(MatchLength(d, "we will looking now") == 4);
  CHECK(MatchLength(d, "i gladly now") == 3);
  CHECK(MatchLength(d, "we can now") == 0);
  // A macro of plain phrases, used with an optional tail.
  auto e = Compile("@offer (to you)?", {{"offer", "(happy to help|happy to|glad to help)"}});
  CHECK(MatchLength(e, "happy to help to you") == 5);
  CHECK(MatchLength(e, "happy to to you") == 4);
  CHECK(MatchLength(e, "glad to help") == 3);
  CHECK(MatchLength(e, "glad to") == 0);
  // Too many spellings to multiply out: still matched, outside the trie.
  auto f = Compile("((a|b) (c|d) (e|f) (g|h) (i|j))");
  CHECK(MatchLength(f, "b c f h i") == 5);
  CHECK(MatchLength(f, "b c f h") == 0);
}

TEST_CASE("a required word lies within its offsets in every match", "[phrase]") {
  // The matcher only tries a start where each required set has a word
  // between required_offset and required_max_offset words after it. Here
  // the narrowest requirement sits inside a group, after words of their
  // own, and after optional and repeated elements.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"please ((see|view) (a|the) link|here)", "please view the link"},
      {"please ((see|view) (a|the) link|here)", "please here"},
      {"(oh|ah)? ((see|view) (a|the)? link) now", "oh see link now"},
      {"(oh|ah)? ((see|view) (a|the)? link) now", "view the link now"},
      {"_{0,2} ((x|y) ((p|q) z)) w", "a b y p z w"},
      {"((x|y) _{1,3} z|w)", "x a b c z"},
  };
  for (const auto& [pattern, words] : cases) {
    auto c = Compile(pattern);
    INFO(pattern << " / " << words);
    std::istringstream in(words);
    std::vector<std::string> store;
    for (std::string w; in >> w;) store.push_back(w);
    std::vector<std::string_view> views(store.begin(), store.end());
    std::vector<uint32_t> ids;
    for (std::string_view w : views) ids.push_back(c->set.vocabulary().Find(w));
    size_t end = c->set.LongestMatch(c->pattern, ids.data(), views.data(), views.size(), 0);
    REQUIRE(end == views.size());
    REQUIRE(c->set.required_count(c->pattern) > 0);
    for (size_t r = 0; r < c->set.required_count(c->pattern); ++r) {
      auto required = c->set.required(c->pattern, r);
      size_t lo = c->set.required_offset(c->pattern, r);
      size_t hi = std::min<size_t>(c->set.required_max_offset(c->pattern, r), end - 1);
      bool held = false;
      for (size_t q = lo; q <= hi && !held; ++q)
        held = std::binary_search(required.begin(), required.end(), ids[q]);
      CHECK(held);
    }
  }
}

TEST_CASE("'word~' matches the word's inflected forms", "[phrase]") {
  auto c = Compile("we (have)? (refund~|resend~) (it|the order)");
  for (const char* text : {"we refund it", "we have refunded it", "we refunding the order",
                           "we have resent it", "we resends it"}) {
    INFO(text);
    CHECK(MatchLength(c, text) > 0);
  }
  CHECK(MatchLength(c, "we refundable it") == 0);
  c = Compile("ship~|deliver~ today");
  CHECK(MatchLength(c, "shipped today") == 2);
  CHECK(MatchLength(c, "delivering today") == 2);
  size_t at = 0;
  CHECK(ParseError("re~fund", &at) == "'~' is only allowed at the end of a word");
  CHECK(ParseError("~", &at).find("'~' follows one word") == 0);
}

TEST_CASE("'^' and '$' anchor a pattern, and errors keep their place", "[phrase]") {
  PhraseSet set;
  std::string error;
  size_t at = 0;
  int64_t p = set.Add("^ (relax|calm down)", &error, &at);
  REQUIRE(p >= 0);
  CHECK(set.opens_sentence(static_cast<uint32_t>(p)));
  int64_t q = set.Add("relax", &error, &at);
  REQUIRE(q >= 0);
  CHECK_FALSE(set.opens_sentence(static_cast<uint32_t>(q)));
  CHECK(MatchLength(set, static_cast<uint32_t>(p), "calm down now") == 2);
  CHECK(ParseError("^ sorry (for", &at) == "missing ')'");
  CHECK(at == 12);
  CHECK(ParseError("sorry ^ for", &at).find("'^' only opens a pattern") == 0);
  CHECK(at == 6);
  CHECK(ParseError("sorry $ for", &at).find("'$' only closes a pattern") == 0);
  int64_t r = set.Add("^ sorry no $", &error, &at);
  REQUIRE(r >= 0);
  CHECK(set.opens_sentence(static_cast<uint32_t>(r)));
  CHECK(set.closes_sentence(static_cast<uint32_t>(r)));
  CHECK(MatchLength(set, static_cast<uint32_t>(r), "sorry no") == 2);
}
