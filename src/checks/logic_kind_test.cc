// The table of check logic kinds: every kind found by name, named in the
// docs, and a kind made of nothing but its record and hooks works.
#include "checks/logic_kind.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "checks/check_def.h"
#include "checks/evaluate.h"
#include "rules/block_file.h"
#include "run_amends.h"

using namespace amends;

namespace {

std::string ReadDoc(const std::string& name) { return testing::ReadDoc(name); }

// Parses a checks.def with one check whose logic is `logic`; "" or the error.
std::string ParseLogicLine(const std::string& logic, CheckSet* set,
                           std::span<const LogicKind* const> kinds = {}) {
  std::string text =
      "check c\n  title: T\n  why: W\n  status: fix\n  logic: " + logic + "\n  message: M\n";
  BlockFile file;
  std::string error;
  REQUIRE(ParseBlockFile("checks.def", text, &file, &error));
  if (ParseCheckSet(file, set, &error, kinds)) return "";
  return error;
}

}  // namespace

TEST_CASE("every logic kind is found by its name and has its hooks", "[logic]") {
  REQUIRE(LogicKinds().size() >= 7);
  std::set<std::string_view> names;
  for (const LogicKind* kind : LogicKinds()) {
    INFO(kind->name);
    CHECK(names.insert(kind->name).second);  // no name twice
    CHECK(FindLogic(kind->name) == kind);
    CHECK(kind->parse != nullptr);
    CHECK(kind->evaluate != nullptr);
  }
  CHECK(FindLogic("") == nullptr);
  CHECK(FindLogic("Flag") == nullptr);
}

TEST_CASE("every logic kind is in the docs' table of logic kinds", "[logic]") {
  std::string docs = ReadDoc("lexicon-format.md");
  REQUIRE_FALSE(docs.empty());
  for (const LogicKind* kind : LogicKinds()) {
    INFO(kind->name);
    const std::string row = "| `" + std::string(kind->name);
    CHECK((docs.find(row + " ") != std::string::npos || docs.find(row + "`") != std::string::npos));
  }
}

TEST_CASE("the words of one kind do not fit another", "[logic]") {
  auto error = [](const std::string& logic) {
    CheckSet set;
    return ParseLogicLine(logic, &set);
  };
  CHECK(error("flag a unless b") == "");
  CHECK(error("require a if b") == "");
  CHECK(error("late a within 2") == "");
  CHECK(error("count a at-least 3") == "");
  CHECK(error("name") == "");
  CHECK(error("flag a then b").find("'then' does not fit 'flag'") != std::string::npos);
  CHECK(error("late a at-least 2").find("'at-least' does not fit 'late'") != std::string::npos);
  CHECK(error("flag a unless b unless c").find("'unless' does not fit 'flag'") !=
        std::string::npos);
  CHECK(error("sequence a").find("'sequence' needs 'then TAG…'") != std::string::npos);
  CHECK(error("late a").find("'late' needs a number") != std::string::npos);
  CHECK(error("late a within 0").find("expected a positive number after 'within'") !=
        std::string::npos);
  CHECK(error("late a within 2 b").find("unexpected 'b'") != std::string::npos);
  CHECK(error("name x").find("'name' takes no arguments") != std::string::npos);
  CHECK(error("flagg a").find("unknown logic 'flagg'; did you mean 'flag'?") != std::string::npos);
}

TEST_CASE("the name kind reads the generic salutations", "[logic]") {
  CheckSet set;
  REQUIRE(ParseLogicLine("name", &set) == "");
  REQUIRE(set.checks.size() == 1);
  CHECK(set.checks[0].logic == FindLogic("name"));
  REQUIRE(set.checks[0].tags.size() == 1);
  CHECK(set.tags[set.checks[0].tags[0]] == "generic_salutation");
  CHECK(set.generic_salutation_tag == set.checks[0].tags[0]);
}

namespace {

// A kind that is nothing but its record: fires on every draft, with the
// check's message at the start of the text.
void EvaluateAlways(const LogicInput& in, CheckResult* r) {
  r->findings.push_back(Finding{{0, 0}, in.check.message, in.check.suggestion, -1});
  r->status = in.check.severity;
}

const LogicKind kAlways = {
    .name = "always", .parse = &ParseNoArguments, .evaluate = &EvaluateAlways};

}  // namespace

TEST_CASE("a kind added to the table is parsed and evaluated by its hooks", "[logic]") {
  std::vector<const LogicKind*> kinds(LogicKinds().begin(), LogicKinds().end());
  CheckSet without;
  CHECK(ParseLogicLine("always", &without).find("unknown logic 'always'") != std::string::npos);

  kinds.push_back(&kAlways);
  CheckSet set;
  REQUIRE(ParseLogicLine("always", &set, kinds) == "");
  REQUIRE(set.checks.size() == 1);
  CHECK(set.checks[0].logic == &kAlways);
  CHECK(ParseLogicLine("always x", &set, kinds).find("'always' takes no arguments") !=
        std::string::npos);

  Lexicon lexicon;
  Document doc;
  std::vector<Hit> hits;
  std::vector<CheckResult> results;
  CheckSet one;
  REQUIRE(ParseLogicLine("always", &one, kinds) == "");
  EvaluateChecks(one, lexicon, doc, hits, Situation{}, Customer{}, NameLists{}, &results);
  REQUIRE(results.size() == 1);
  CHECK(results[0].status == Status::kFix);
  REQUIRE(results[0].findings.size() == 1);
  CHECK(results[0].findings[0].message == "M");
}
