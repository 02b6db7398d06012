#include "rules/needles.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace amends;

namespace {

// The owners a text holds, as a list.
std::vector<uint32_t> Held(const NeedleSet& set, std::string_view text) {
  std::vector<uint8_t> held;
  const uint32_t count = set.Find(text, &held);
  REQUIRE(held.size() == set.owner_count());
  std::vector<uint32_t> owners;
  for (uint32_t o = 0; o < held.size(); ++o)
    if (held[o]) owners.push_back(o);
  REQUIRE(owners.size() == count);
  return owners;
}

using Owners = std::vector<uint32_t>;

}  // namespace

TEST_CASE("a text holds the owners of the needles in it", "[needles]") {
  NeedleSet set;
  set.Add("keep", 0);
  set.Add("kept", 0);
  set.Add("have you", 1);
  set.Add("!!", 2);
  set.Add("??", 2);
  set.Add(">", 3);
  CHECK(set.owner_count() == 4);
  CHECK(Held(set, "") == Owners{});
  CHECK(Held(set, "it kept crashing") == Owners{0});
  CHECK(Held(set, "have you tried?? keep going") == Owners{0, 1, 2});
  CHECK(Held(set, "settings > general") == Owners{3});
  CHECK(Held(set, ">") == Owners{3});              // a one-byte needle as the last byte
  CHECK(Held(set, "wait!!") == Owners{2});          // a needle that ends the text
  CHECK(Held(set, "have yo") == Owners{});          // cut short
  CHECK(Held(set, "kee p, have  you, !?") == Owners{});
  CHECK(Held(set, "KEEP") == Owners{});             // bytes as they are
}

TEST_CASE("needles that share their first bytes are each compared", "[needles]") {
  NeedleSet set;
  set.Add("odd", 0);
  set.Add("ouch", 1);
  set.Add("od", 2);
  set.Add("o", 3);
  CHECK(Held(set, "ouch") == Owners{1, 3});
  CHECK(Held(set, "odd") == Owners{0, 2, 3});
  CHECK(Held(set, "od") == Owners{2, 3});
  CHECK(Held(set, "xo") == Owners{3});
}

TEST_CASE("bytes past ASCII and an empty needle", "[needles]") {
  NeedleSet set;
  set.Add("\xE3\x82\xA8\xE3\x83\xA9\xE3\x83\xBC", 0);  // エラー
  set.Add("&gt;", 1);
  CHECK(Held(set, "plain ascii &gt") == Owners{});
  CHECK(Held(set, "\xE3\x82\xA8\xE3\x83\xA9\xE3\x83\xBC\xE3\x81\x8C &gt;") == Owners{0, 1});
  set.Add("", 2);
  CHECK(Held(set, "") == Owners{2});
  CHECK(Held(set, "&gt;") == Owners{1, 2});
}

namespace {

// Every text over `alphabet` up to `longest` bytes, against `needles`:
// Find agrees with std::string_view::find.
void AgreesWithFind(const std::vector<std::string>& needles, const std::string& alphabet,
                    size_t longest) {
  NeedleSet set;
  for (uint32_t i = 0; i < needles.size(); ++i) set.Add(needles[i], i);
  std::vector<std::string> texts = {""};
  for (size_t from = 0; texts.back().size() < longest;) {
    const size_t to = texts.size();
    for (size_t t = from; t < to; ++t)
      for (char c : alphabet) texts.push_back(texts[t] + c);
    from = to;
  }
  for (const std::string& text : texts) {
    Owners expected;
    for (uint32_t i = 0; i < needles.size(); ++i)
      if (text.find(needles[i]) != std::string::npos) expected.push_back(i);
    INFO("text: '" << text << "'");
    REQUIRE(Held(set, text) == expected);
  }
}

}  // namespace

TEST_CASE("the same as searching for each needle on its own", "[needles]") {
  AgreesWithFind({"a", "ab", "ba", "abc", "cc", "bca", "cab", "b"}, "abc", 5);
  // Needles looked up by a pair past their start: "xe" and "ex" are rarer
  // in English than "e " or " e", so "e ex" is found from its third byte.
  AgreesWithFind({"e ex", "e x", " xe", "ee", "xe e", "e", " e "}, "e x", 6);
}
