#include "rules/lint.h"

#include <catch2/catch.hpp>

using namespace amends;

namespace {
BlockFile Parse(const std::string& name, const std::string& text) {
  BlockFile f;
  std::string error;
  INFO(error);
  REQUIRE(ParseBlockFile(name, text, &f, &error));
  return f;
}
}  // namespace

TEST_CASE("duplicate alternatives are found in groups and word sets", "[lint]") {
  auto d =
      FindDuplicateAlternatives("(sorry|sad | sorry) for (the (delay|wait)|the ( delay |wait))");
  REQUIRE(d.size() == 2);
  CHECK(d[0].text == "sorry");
  CHECK(d[0].offset == 13);
  CHECK(d[0].first == 1);
  CHECK(d[1].text == "the (delay|wait)");
  d = FindDuplicateAlternatives("sorry|sad|sorry? for");
  REQUIRE(d.size() == 1);
  CHECK(d[0].offset == 10);
  CHECK(FindDuplicateAlternatives("(we are|we're) (sorry|sad) sorry|sad").empty());
  CHECK(FindDuplicateAlternatives("(a (b|c)|a (c|b))").empty());  // alike, not the same
}

TEST_CASE("canonical patterns ignore spacing", "[lint]") {
  CHECK(CanonicalPattern(" ( we  are | we're )  sorry ? ") == "(we are|we're) sorry?");
}

TEST_CASE("the lint reports duplicates with their place", "[lint]") {
  auto found = LintLexicon({Parse("en/a.rules",
                                  "define x =\n"
                                  "  - sorry\n"
                                  "  - sad\n"
                                  "  - sorry\n"
                                  "rule a.b\n"
                                  "  tag: t\n"
                                  "  match: (a|b\n"
                                  "    |a) c\n")});
  REQUIRE(found.size() == 2);
  CHECK(found[0].find("en/a.rules:4:5: 'sorry' is written twice here (first at 2:5)") == 0);
  CHECK(found[1].find("en/a.rules:8:6: 'a' is written twice here (first at 7:11)") == 0);
}

TEST_CASE("the lint reports macros defined twice, copied or shadowed", "[lint]") {
  auto found = LintLexicon({
      Parse("en/common.macros", "define hear = (to hear|to learn)\n"),
      Parse("en/a.rules",
            "define we = (we|i)\n"
            "define we = (we | i)\n"
            "define hear = (to hear | to learn)\n"
            "define own = (my|our)\n"),
      Parse("en/b.rules",
            "define hear = (to hear|to see)\n"
            "define own = (my | our)\n"
            "define we = (we|our team)\n"),
      Parse("other/c.rules", "define hear = (to hear|to see)\n"),
  });
  REQUIRE(found.size() == 6);
  CHECK(found[0].find("en/a.rules:2:8: @we is defined again in this file (first at en/a.rules:1, "
                      "with the same body)") == 0);
  CHECK(found[1].find("en/a.rules:3:8: @hear repeats the shared macro of en/common.macros:1: "
                      "remove this copy") == 0);
  CHECK(found[2].find("en/b.rules:1:8: @hear shadows the shared macro of en/common.macros:1 "
                      "with another body") == 0);
  CHECK(found[3].find("en/b.rules:2:8: @own is defined the same way at en/a.rules:4: move it "
                      "to a .macros file") == 0);
  // One name with two bodies in two files of a folder.
  CHECK(found[4].find("en/b.rules:3:8: @we is also defined at en/a.rules:1 with another body: "
                      "give one of them a name of its own") == 0);
  // A macro of another folder is not shared with this one; the same body
  // in two folders' rule files is still a copy.
  CHECK(found[5].find("other/c.rules:1:8: @hear is defined the same way at en/b.rules:1") == 0);
}

TEST_CASE("the same macro name in two folders may mean two things", "[lint]") {
  auto found = LintLexicon({
      Parse("en/a.rules", "define staff = (agent|agents)\n"),
      Parse("team/b.rules", "define staff = (crew|pilot)\n"),
      Parse("en/c.rules", "define own = (my|our)\n"),
      Parse("en/d.rules", "define mine = (my|our)\n"),
  });
  CHECK(found.empty());
}

TEST_CASE("regex rules are linted for long counted repeats only", "[lint]") {
  CHECK(LintLexicon({Parse("en/a.rules",
                           "rule a.b\n  tag: t\n  kind: regex\n  match: (a|a) x{2,8} y{3,}\n")})
            .empty());
  auto found = LintLexicon(
      {Parse("en/a.rules", "rule a.b\n  tag: t\n  kind: regex\n  match: [^{]{0,30}x\\{0,99}\n")});
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("en/a.rules:4:14: '{0,30}' repeats up to 30 times") == 0);
  auto r = FindCountedRepeats("a{2}b{1,12}[{9}]c\\{40}d{5,}");
  REQUIRE(r.size() == 3);
  CHECK(r[0].most == 2);
  CHECK(r[1].most == 12);
  CHECK(r[2].most == 5);
}

TEST_CASE("the lint reports a replacement shadowed by a shorter one tried first", "[lint]") {
  auto found = LintLexicon({Parse("en/p.rules",
                                  "rule p.per\n"
                                  "  tag: policy\n"
                                  "  match: per our policy\n"
                                  "  replace: per our policy, =>\n"
                                  "  replace: as per our policy, =>\n"
                                  "  fixes: Per our policy, no. => No.\n"
                                  "  fire: per our policy\n"
                                  "  pass: our policy\n")});
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("en/p.rules:5:") == 0);
  CHECK(found[0].find("put the longer replacement first") != std::string::npos);
}
