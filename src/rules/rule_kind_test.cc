// The table of rule kinds: every kind found by name, with its hooks, named
// in the docs with its own fields; and a kind made of nothing but its
// record and hooks loads and matches.
#include "rules/rule_kind.h"

#include <catch2/catch.hpp>
#include <set>

#include "rules/block_file.h"
#include "rules/lexicon.h"
#include "rules/matcher.h"
#include "run_amends.h"
#include "text/document.h"

using namespace amends;

namespace {

// A kind a test adds: `kind: literal` matches its pattern as written,
// case-folded, with no syntax at all ("a+b?" is those four characters).
void AddLiteral(const RuleBlockContext& ctx, const BlockField& f, bool is_match, Rule* r) {
  auto re = CompileRuleRegex(RE2::QuoteMeta(f.value));
  if (!re->ok()) {
    ctx.Error(f.line, f.value_column, "bad literal");
    return;
  }
  (is_match ? r->regexes : r->regex_unless).push_back(std::make_unique<RuleRegex>(std::move(re)));
}

void NoFields(const RuleBlockContext&, Rule*) {}

constexpr RuleKindDef::Field kLiteralFields[] = {{"spelling", "literals have no syntax"}};

const RuleKindDef kLiteralKind = {.name = "literal",
                                  .engine = RuleKindDef::Engine::kRegex,
                                  .fields = kLiteralFields,
                                  .read_fields = &NoFields,
                                  .add_pattern = &AddLiteral};

// Loads one rule file with the built-in kinds and the literal one.
bool LoadWithLiteral(const std::string& text, Lexicon* lexicon, std::string* error) {
  const RuleKindDef* kinds[] = {RuleKinds()[0], RuleKinds()[1], &kLiteralKind};
  BlockFile file;
  REQUIRE(ParseBlockFile("lexicons/en/demo.rules", text, &file, error));
  return LoadRules({file}, {"demo"}, lexicon, error, kinds);
}

}  // namespace

TEST_CASE("every rule kind is found by its name and has its hooks", "[rule_kind]") {
  REQUIRE(RuleKinds().size() >= 2);
  CHECK(RuleKinds()[0]->name == "phrase");  // the default, index 0 in the image
  CHECK(RuleKinds()[1]->name == "regex");
  std::set<std::string_view> names, fields;
  for (const RuleKindDef* kind : RuleKinds()) {
    INFO(kind->name);
    CHECK(names.insert(kind->name).second);
    CHECK(FindRuleKind(kind->name) == kind);
    CHECK(kind->read_fields != nullptr);
    CHECK(kind->add_pattern != nullptr);
    for (const RuleKindDef::Field& f : kind->fields) CHECK(fields.insert(f.name).second);
  }
  CHECK(FindRuleKind("Phrase") == nullptr);
  CHECK(FindRuleKind("") == nullptr);
}

TEST_CASE("every rule kind and its own fields are in the docs", "[rule_kind]") {
  std::string docs = testing::ReadDoc("lexicon-format.md");
  REQUIRE_FALSE(docs.empty());
  size_t kind_row = docs.find("| `kind` |");
  REQUIRE(kind_row != std::string::npos);
  std::string row = docs.substr(kind_row, docs.find('\n', kind_row) - kind_row);
  for (const RuleKindDef* kind : RuleKinds()) {
    INFO(kind->name);
    CHECK(row.find("`" + std::string(kind->name) + "`") != std::string::npos);
    for (const RuleKindDef::Field& f : kind->fields) {
      INFO(f.name);
      const std::string field_row =
          "| `" + std::string(f.name) + "` | " + std::string(kind->name) + " only";
      CHECK(docs.find(field_row) != std::string::npos);
    }
  }
}

TEST_CASE("a kind registered in a table loads and matches with no other change", "[rule_kind]") {
  Lexicon lexicon;
  std::string error;
  REQUIRE(
      LoadWithLiteral("rule demo.plus\n  tag: demo\n  kind: literal\n  match: a+b?\n"
                      "  fire: a+b?\n  pass: aab\n",
                      &lexicon, &error));
  REQUIRE(lexicon.rules.size() == 1);
  CHECK(lexicon.rules[0].kind == 2);
  Matcher matcher(lexicon);
  Segmenter segmenter;
  const std::string text = "Is it aab or A+B? here";
  std::vector<Hit> hits = matcher.Match(segmenter.Segment(text), RuleScope::kDraft);
  REQUIRE(hits.size() == 1);
  CHECK(text.substr(hits[0].span.start, hits[0].span.end - hits[0].span.start) == "A+B?");
}

TEST_CASE("a kind's own fields belong to it alone, and the kinds are listed from the table",
          "[rule_kind]") {
  Lexicon lexicon;
  std::string error;
  CHECK_FALSE(
      LoadWithLiteral("rule demo.x\n  tag: demo\n  spelling: loose\n  match: x\n"
                      "  fire: x\n  pass: y\n",
                      &lexicon, &error));
  CHECK(error.find("demo.rules:3:1: 'spelling' applies to literal rules only (literals have no "
                   "syntax)") != std::string::npos);
  CHECK_FALSE(
      LoadWithLiteral("rule demo.y\n  tag: demo\n  kind: literl\n  match: x\n"
                      "  fire: x\n  pass: y\n",
                      &lexicon, &error));
  CHECK(error.find("kind must be 'phrase', 'regex' or 'literal'") != std::string::npos);
  CHECK_FALSE(
      LoadWithLiteral("rule demo.z\n  tag: demo\n  kind: regex\n  case: upper\n"
                      "  match: x\n  fire: x\n  pass: y\n",
                      &lexicon, &error));
  CHECK(error.find("'case' applies to phrase rules only (a regex says it itself)") !=
        std::string::npos);
}
