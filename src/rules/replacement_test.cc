#include "rules/replacement.h"

#include <catch2/catch.hpp>

using namespace amends;

namespace {
std::vector<LiteralReplacement> Parsed(std::initializer_list<const char*> values) {
  std::vector<LiteralReplacement> out;
  for (const char* v : values) {
    LiteralReplacement r;
    std::string error;
    INFO(v);
    REQUIRE(ParseReplacement(v, &r, &error));
    out.push_back(r);
  }
  return out;
}

// The text with the replacement at the first occurrence of `hit` applied,
// or "-" when none applies.
std::string Fixed(const std::vector<LiteralReplacement>& r, const std::string& text,
                  const std::string& hit) {
  size_t at = text.find(hit);
  REQUIRE(at != std::string::npos);
  auto edit =
      ReplacementAt(r, text, static_cast<uint32_t>(at), static_cast<uint32_t>(at + hit.size()));
  return edit ? ApplyEdit(text, *edit) : "-";
}
}  // namespace

TEST_CASE("a replacement is parsed as FROM => TO", "[replacement]") {
  LiteralReplacement r;
  std::string error;
  REQUIRE(ParseReplacement("  we  apologize =>  I'm sorry ", &r, &error));
  CHECK(r.from == "we apologize");
  CHECK(r.to == "I'm sorry");
  REQUIRE(ParseReplacement("calm down, =>", &r, &error));
  CHECK(r.to.empty());
  CHECK_FALSE(ParseReplacement("calm down", &r, &error));
  CHECK_FALSE(ParseReplacement(" => x", &r, &error));
  CHECK_FALSE(ParseReplacement("Calm down => x", &r, &error));
}

TEST_CASE("a replacement keeps the capital and ends a clause", "[replacement]") {
  auto r = Parsed({"we apologize for any inconvenience => I'm sorry"});
  CHECK(Fixed(r, "We apologize for any inconvenience.", "apologize for any") == "I'm sorry.");
  CHECK(Fixed(r, "So, we   APOLOGIZE for any inconvenience!", "APOLOGIZE") == "So, I'm sorry!");
  CHECK(Fixed(r, "We apologize for any inconvenience while we move.", "apologize") == "-");
  CHECK(Fixed(r, "We apologize for any inconveniences.", "apologize") == "-");
  auto lower = Parsed({"sorry for that => my apologies"});
  CHECK(Fixed(lower, "Sorry for that.", "Sorry") == "My apologies.");
  auto apostrophe = Parsed({"we're sorry for any trouble => I'm sorry"});
  CHECK(Fixed(apostrophe, "We\xE2\x80\x99re sorry for any trouble.", "sorry") == "I'm sorry.");
}

TEST_CASE("a drop takes its spacing and gives the next word the capital", "[replacement]") {
  auto r = Parsed({"as per our policy, =>", "per our policy, =>"});
  CHECK(Fixed(r, "Per our policy, refunds take 5 days.", "Per our policy") ==
        "Refunds take 5 days.");
  CHECK(Fixed(r, "Sadly, per our policy, we can't.", "per our policy") == "Sadly, we can't.");
  CHECK(Fixed(r, "OK. As per our policy, no.", "As per our policy") == "OK. No.");
  CHECK(Fixed(r, "This is per our policy.", "per our policy") == "-");
  CHECK(Fixed(r, "Super our policy, no.", "our policy") == "-");  // not at a word start
  auto tail = Parsed({"for any inconvenience this may have caused =>"});
  CHECK(Fixed(tail, "We apologize for any inconvenience this may have caused.", "any") ==
        "We apologize.");
  CHECK(Fixed(tail, "We apologize for any inconvenience this may have caused you.", "any") == "-");
  auto sentence = Parsed({"please calm down. =>"});
  CHECK(Fixed(sentence, "Hi.\nPlease calm down. We will fix it.", "calm") ==
        "Hi.\nWe will fix it.");
  CHECK(Fixed(sentence, "Thanks. Please calm down.\nBye", "calm") == "Thanks.\nBye");
}

TEST_CASE("a replacement never crosses a line or reaches beyond the hit's line", "[replacement]") {
  auto r = Parsed({"per our policy, =>"});
  CHECK(Fixed(r, "per our\npolicy, no", "policy") == "-");
}
