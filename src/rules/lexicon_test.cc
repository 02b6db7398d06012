#include <catch2/catch.hpp>
#include <cstdio>

#include "analyzer/analyzer.h"

using namespace amends;

namespace {

const char* kChecks = R"(check demo
  title: Demo
  why: Because.
  status: fix
  logic: flag hedge
  message: Hedged.
)";

// Loads checks.def plus one rule file; returns the error ("" on success).
std::string LoadError(const std::string& rules) {
  std::string error;
  auto a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", rules}}, &error);
  if (a) return "";
  REQUIRE_FALSE(error.empty());
  return error;
}

}  // namespace

TEST_CASE("a good rule file loads", "[lexicon]") {
  CHECK(LoadError(R"(# comment
define any = (any|all)
rule hedge.any
  tag: hedge
  match: sorry for @any inconvenience
  fire: Sorry for any inconvenience.
  pass: Sorry for the delay.
)") == "");
}

TEST_CASE("an unknown tag is reported with file, line, column and a suggestion", "[lexicon]") {
  std::string e = LoadError(R"(rule hedge.any
  tag: hegde
  match: sorry for any
  fire: sorry for any
  pass: sorry
)");
  CHECK(e.find("lexicons/en/demo.rules:2:8: unknown tag 'hegde'; did you mean 'hedge'?") == 0);
  CHECK(e.find("\n    tag: hegde\n         ^") != std::string::npos);
}

TEST_CASE("a bad regex fails at load", "[lexicon]") {
  std::string e = LoadError(R"(rule hedge.re
  tag: hedge
  kind: regex
  match: sorry (for
  fire: sorry for
  pass: fine
)");
  CHECK(e.find("lexicons/en/demo.rules:4:10: bad regex: missing )") == 0);
}

TEST_CASE("a bad phrase points into the pattern", "[lexicon]") {
  std::string e = LoadError(R"(rule hedge.p
  tag: hedge
  match: sorry (for any
  fire: sorry for any
  pass: fine
)");
  CHECK(e.find("lexicons/en/demo.rules:3:24: missing ')'") == 0);
}

TEST_CASE("duplicate ids, missing examples and unknown fields are errors", "[lexicon]") {
  std::string e = LoadError(R"(rule hedge.a
  tag: hedge
  match: sorry for any
  fire: sorry for any
  pass: fine
rule hedge.a
  tag: hedge
  match: sorry if
  fire: sorry if
  pass: fine
rule hedge.b
  tag: hedge
  match: sorry if
  fire: sorry if
rule hedge.c
  tag: hedge
  mach: sorry if
  match: sorry if
  fire: sorry if
  pass: fine
)");
  CHECK(e.find("demo.rules:6:6: duplicate rule id 'hedge.a' (first defined at "
               "lexicons/en/demo.rules:1)") != std::string::npos);
  CHECK(e.find("demo.rules:11:1: rule 'hedge.b' needs at least one 'fire' and one 'pass' "
               "example") != std::string::npos);
  CHECK(e.find("demo.rules:17:3: unknown field 'mach'; did you mean 'match'?") !=
        std::string::npos);
}

TEST_CASE("structural errors in the block syntax", "[lexicon]") {
  CHECK(LoadError("  tag: hedge\n")
            .find("lexicons/en/demo.rules:1:1: indented field outside a block") == 0);
  CHECK(LoadError("rule x\n  no colon here\n")
            .find("lexicons/en/demo.rules:2:3: expected 'key: value'") == 0);
  CHECK(LoadError("rul x\n").find("unknown block 'rul'; did you mean 'rule'?") !=
        std::string::npos);
}

TEST_CASE("checks.def errors name the line", "[lexicon]") {
  std::string error;
  auto a = Analyzer::Load({{"checks.def",
                            "check x\n  title: X\n  why: W\n  message: M\n"
                            "  status: fixx\n  logic: flagg t\n"}},
                          &error);
  CHECK_FALSE(a);
  CHECK(error.find("checks.def:5:11: status must be 'fix' or 'consider'") != std::string::npos);
  CHECK(error.find("checks.def:6:10: unknown logic 'flagg'; did you mean 'flag'?") !=
        std::string::npos);
}

TEST_CASE("a group's required word may lie inside an alternative", "[lexicon]") {
  // The narrowest requirement of "(see|view) (a|the) link" is "link", two
  // words into the group: matching must look for it there, not at the
  // group's first word.
  std::string error;
  auto a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", R"(rule hedge.link
  tag: hedge
  match: please ((see|view) (a|the) link|here)
  fire: Please see the link.
  pass: Please see.
)"}},
                          &error);
  REQUIRE(a);
  for (const char* text : {"Please see the link.", "Oh. Please see a link now", "please here"}) {
    INFO(text);
    CHECK(a->Hits(text, RuleScope::kDraft).size() == 1);
  }
  CHECK(a->Hits("Please see the page with the link.", RuleScope::kDraft).empty());
}

TEST_CASE("a folder's macro file is shared by its rule files, and only theirs", "[lexicon]") {
  const char* rule = R"(rule hedge.%s
  tag: hedge
  match: sorry for @any inconvenience
  fire: Sorry for all inconvenience.
  pass: Sorry for the delay.
)";
  auto rules = [&](const char* id) {
    char buf[256];
    std::snprintf(buf, sizeof buf, rule, id);
    return std::string(buf);
  };
  std::string error;
  // The macro file sorts after the rule file: macro files load first.
  auto a = Analyzer::Load({{"checks.def", kChecks},
                           {"en/a.rules", rules("a")},
                           {"en/b.rules", "define local = (x|y)\n" + rules("b")},
                           {"en/zz.macros", "define any =\n  - any\n  - all\n"}},
                          &error);
  INFO(error);
  REQUIRE(a);
  CHECK(a->Hits("Sorry for all inconvenience.", RuleScope::kDraft).size() == 2);

  // A rule file's own define does not reach the next file.
  CHECK(LoadError("define any = (any|all)\n" + rules("a") +
                  "rule hedge.b\n  tag: hedge\n  match: @any\n  fire: any\n  pass: no\n") == "");
  a = Analyzer::Load({{"checks.def", kChecks},
                      {"en/a.rules", "define any = (any|all)\n" + rules("a")},
                      {"en/b.rules", rules("b")}},
                     &error);
  CHECK_FALSE(a);
  INFO(error);
  CHECK(error.find("en/b.rules:3:20: unknown macro '@any'") == 0);

  // Another folder does not see it.
  a = Analyzer::Load({{"checks.def", kChecks},
                      {"en/zz.macros", "define any = (any|all)\n"},
                      {"team/c.rules", rules("c")}},
                     &error);
  CHECK_FALSE(a);
  INFO(error);
  CHECK(error.find("team/c.rules:3:20: unknown macro '@any'") == 0);
}

TEST_CASE("a macro file holds only defines", "[lexicon]") {
  std::string error;
  auto a = Analyzer::Load(
      {{"checks.def", kChecks}, {"en/x.macros", "rule hedge.a\n  tag: hedge\n"}}, &error);
  CHECK_FALSE(a);
  CHECK(error.find("en/x.macros:1:1: a macro file holds only 'define' blocks") == 0);
}

TEST_CASE("long patterns continue on deeper lines and errors point at their line", "[lexicon]") {
  CHECK(LoadError(R"(define any =
  - any
  - all
rule hedge.any
  tag: hedge
  match: sorry for
         @any
         inconvenience
  fire: Sorry for any inconvenience.
  pass: Sorry for the delay.
)") == "");
  std::string e = LoadError(R"(define any =
  - any
  - (all
rule hedge.any
  tag: hedge
  match: sorry for @any
  fire: Sorry for any.
  pass: Sorry.
)");
  INFO(e);
  CHECK(e.find("lexicons/en/demo.rules:3:10: missing ')'") == 0);
  e = LoadError(R"(rule hedge.any
  tag: hedge
  match: sorry for
         (any|all
         |every inconvenience
  fire: Sorry for any.
  pass: Sorry.
)");
  CHECK(e.find("lexicons/en/demo.rules:5:30: missing ')'") == 0);
  e = LoadError("define any =\nrule hedge.any\n  tag: hedge\n");
  CHECK(e.find("lexicons/en/demo.rules:1:13: 'define any' needs a pattern or a list") == 0);
}

TEST_CASE("a list is only for patterns", "[lexicon]") {
  std::string e = LoadError(R"(rule hedge.any
  tag: hedge
  match: sorry for any
  fire:
    - Sorry for any.
  pass: Sorry.
)");
  CHECK(e.find("lexicons/en/demo.rules:4:1: a '- item' list is only for patterns") == 0);
}

TEST_CASE("antipatterns cancel the same hits in long sentences as in short ones", "[lexicon]") {
  // Over 64 words a sentence takes another path (the antipatterns' reach
  // worked out once, not per hit); both must agree.
  std::string error;
  auto a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", R"(rule hedge.sorry
  tag: hedge
  match: sorry
  unless: sorry (to hear|to see) _{0,2} (news|that)
  unless: (not|never) _{0,1} sorry
  fire: sorry
  pass: sorry to hear that
)"}},
                          &error);
  REQUIRE(a);
  const std::string unit = "sorry to hear the news and sorry for the delay not really sorry ";
  for (int repeats : {1, 3, 5, 40}) {
    std::string text;
    for (int i = 0; i < repeats; ++i) text += unit;
    auto hits = a->Hits(text, RuleScope::kDraft);
    INFO(repeats << " repeats");
    REQUIRE(hits.size() == static_cast<size_t>(repeats));
    for (int i = 0; i < repeats; ++i)
      CHECK(hits[i].span.start == i * unit.size() + unit.find("sorry for"));
  }
}

TEST_CASE("'case: upper' keeps only matches written in capitals", "[lexicon]") {
  std::string error;
  auto a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", R"(rule hedge.caps
  tag: hedge
  case: upper
  match: (not|don't) (reply|do)?
  fire: Please DO NOT reply.
  pass: Please do not reply.
)"}},
                          &error);
  INFO(error);
  REQUIRE(a);
  const std::string text = "Please DO NOT reply. I DON'T know. Not now. NOT REPLY. NoT";
  auto hits = a->Hits(text, RuleScope::kDraft);
  REQUIRE(hits.size() == 3);
  // "NOT" alone: "reply" is not in capitals.
  CHECK(hits[0].span.start == text.find("NOT"));
  CHECK(hits[0].span.end == text.find("NOT") + 3);
  CHECK(hits[1].span.start == text.find("DON'T"));
  CHECK(hits[2].span.start == text.find("NOT REPLY"));
  CHECK(hits[2].span.end == text.find("NOT REPLY") + 9);
  CHECK(
      LoadError("rule hedge.x\n  tag: hedge\n  kind: regex\n  case: upper\n  match: x\n  fire: x\n"
                "  pass: y\n")
          .find("demo.rules:4:1: 'case' applies to phrase rules only") != std::string::npos);
  CHECK(LoadError("rule hedge.x\n  tag: hedge\n  case: lower\n  match: x\n  fire: x\n  pass: y\n")
            .find("demo.rules:3:9: case must be 'any' or 'upper'") != std::string::npos);
}

TEST_CASE("'with' needs its pattern somewhere in the same sentence, before or after", "[lexicon]") {
  std::string error;
  auto a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", R"(rule hedge.courier
  tag: hedge
  match: the (courier|carrier)
  with:
    - lost | delayed | damaged
    - (contact|call) them
  with: (parcel|package)
  unless: the courier (was|is) (great|lovely)
  fire: The courier lost your parcel.
  fire: Your parcel was delayed by the carrier.
  pass: The courier lost it.
  pass: The courier has your parcel.
  pass: Your parcel is here. The courier lost nothing.
)"}},
                          &error);
  INFO(error);
  REQUIRE(a);
  const std::string text =
      "Your package? Please contact them, the carrier has it. The courier was great, it delayed "
      "the parcel.";
  auto hits = a->Hits(text, RuleScope::kDraft);
  // The first sentence has a package but no carrier; the second a carrier,
  // its second companion before it and no parcel; the third a courier
  // praised (the antipattern overlaps the match) though its companions are
  // there.
  CHECK(hits.empty());
  const std::string second = "Please contact them about the parcel, the carrier has it.";
  hits = a->Hits(second, RuleScope::kDraft);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].span.start == second.find("the carrier"));  // the match, not its companions
  CHECK(hits[0].span.end == second.find("the carrier") + 11);
  CHECK(LoadError("rule hedge.x\n  tag: hedge\n  kind: regex\n  with: x\n  match: x\n  fire: x\n"
                  "  pass: y\n")
            .find("demo.rules:4:1: 'with' applies to phrase rules only") != std::string::npos);
  CHECK(LoadError("rule hedge.x\n  tag: hedge\n  with:\n  match: x\n  fire: x\n  pass: y\n")
            .find("demo.rules:3:") != std::string::npos);
  CHECK(LoadError("rule hedge.x\n  tag: hedge\n  with: (a|\n  match: x\n  fire: x\n  pass: y\n")
            .find("demo.rules:3:") != std::string::npos);
}

TEST_CASE("'without' drops every hit of a sentence that holds its pattern, and no other",
          "[lexicon]") {
  std::string error;
  auto a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", R"(rule hedge.busy
  tag: hedge
  match: (busy|short staffed) (week|day)
  without:
    - no excuse
    - (our|my) (mistake|fault)
  fire: It has been a busy week.
  pass: It has been a busy week, but that's no excuse for the wait.
  pass: Our mistake, and a busy day is why.
)"}},
                          &error);
  INFO(error);
  REQUIRE(a);
  // The owning turn is far from the match (an `unless` of the turn alone
  // would not overlap it), and it cancels both matches of its sentence;
  // the next sentence, without one, keeps its hit.
  const std::string text =
      "No excuse on our side, whatever the busy day or the short staffed week we had. "
      "It was a busy day.";
  auto hits = a->Hits(text, RuleScope::kDraft);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].span.start == text.find("busy day."));
  CHECK(LoadError("rule hedge.x\n  tag: hedge\n  kind: regex\n  without: x\n  match: x\n"
                  "  fire: x\n  pass: y\n")
            .find("demo.rules:4:1: 'without' applies to phrase rules only") != std::string::npos);
  CHECK(LoadError("rule hedge.x\n  tag: hedge\n  without:\n  match: x\n  fire: x\n  pass: y\n")
            .find("demo.rules:3:") != std::string::npos);
}

TEST_CASE("'^' and '$' patterns match at a sentence's start (past @handles) and end", "[lexicon]") {
  std::string error;
  auto a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", R"(rule hedge.relax
  tag: hedge
  match: ^ (just)? relax
  unless: ^ relax and enjoy
  fire: Relax, it's only a delay.
  pass: Sit back and relax.
)"}},
                          &error);
  INFO(error);
  REQUIRE(a);
  CHECK(a->Hits("@someone @other Just relax, please.", RuleScope::kDraft).size() == 1);
  CHECK(a->Hits("Fine. Relax. Sit back and relax.", RuleScope::kDraft).size() == 1);
  CHECK(a->Hits("Relax and enjoy the show.", RuleScope::kDraft).empty());
  CHECK(a->Hits("You can relax now.", RuleScope::kDraft).empty());
  a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", R"(rule hedge.no
  tag: hedge
  match: ^ (sorry)? no (unfortunately)? $
  fire: Sorry, no.
  pass: No, unfortunately it failed.
)"}},
                     &error);
  REQUIRE(a);
  CHECK(a->Hits("@someone Sorry, no. We checked.", RuleScope::kDraft).size() == 1);
  CHECK(a->Hits("No, unfortunately.", RuleScope::kDraft).size() == 1);
  CHECK(a->Hits("No, unfortunately it failed.", RuleScope::kDraft).empty());
  CHECK(a->Hits("We said no.", RuleScope::kDraft).empty());
}

TEST_CASE("'needs' strings are found at either end of a text, when they share a byte",
          "[lexicon]") {
  // The regex matches more than the strings allow: a hit says the gate let
  // the text through, none that it held the rule back.
  std::string error;
  auto a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", R"(rule hedge.k
  tag: hedge
  kind: regex
  needs: keep
  needs: kept
  needs: エラー
  match: \bk\w+|エ
  fire: We keep it.
  pass: We kite it.
)"}},
                          &error);
  INFO(error);
  REQUIRE(a);
  CHECK(a->Hits("keep", RuleScope::kDraft).size() == 1);             // the whole text
  CHECK(a->Hits("so we kept", RuleScope::kDraft).size() == 1);       // at its end
  CHECK(a->Hits("kept, and kites", RuleScope::kDraft).size() == 2);  // at its start
  CHECK(a->Hits("kite kee kep", RuleScope::kDraft).empty());         // k, never keep or kept
  CHECK(a->Hits("kee", RuleScope::kDraft).empty());                  // shorter than them
  CHECK(a->Hits("エラー", RuleScope::kDraft).size() == 1);
  CHECK(a->Hits("エ", RuleScope::kDraft).empty());
}

TEST_CASE("a regex rule with 'needs' is tried only on a text that holds the string", "[lexicon]") {
  std::string error;
  auto a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", R"(rule hedge.path
  tag: hedge
  kind: regex
  needs: >
  needs: &gt;
  match: settings ?(?:>|&gt;) ?\w+
  fire: Go to Settings > General.
  pass: Go to Settings.
)"}},
                          &error);
  INFO(error);
  REQUIRE(a);
  CHECK(a->Hits("Open Settings > Privacy, then Settings &gt; Apps.", RuleScope::kDraft).size() ==
        2);
  CHECK(a->Hits("Open Settings and General.", RuleScope::kDraft).empty());
  CHECK(LoadError("rule hedge.x\n  tag: hedge\n  needs: x\n  match: x\n  fire: x\n  pass: y\n")
            .find("demo.rules:3:1: 'needs' applies to regex rules only") != std::string::npos);
}

TEST_CASE("a regex continues on its next line with nothing between, a list is a group",
          "[lexicon]") {
  std::string error;
  auto a = Analyzer::Load({{"checks.def", kChecks}, {"lexicons/en/demo.rules", R"(rule hedge.re
  tag: hedge
  kind: regex
  match: \b(?:restart
         |reset)\b
  match:
    - \bpower off\b
    - \breboot\b
  fire: Please restart it.
  pass: Please stop.
)"}},
                          &error);
  INFO(error);
  REQUIRE(a);
  CHECK(a->Hits("restart", RuleScope::kDraft).size() == 1);
  CHECK(a->Hits("reset", RuleScope::kDraft).size() == 1);
  CHECK(a->Hits("Please restart.", RuleScope::kDraft).size() == 1);  // no space after it
  CHECK(a->Hits("power off or reboot", RuleScope::kDraft).size() == 2);
}
