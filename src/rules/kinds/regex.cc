// `kind: regex`: RE2 patterns, for what words cannot say (a menu path, an
// amount, capitals as written). Its own fields: `text` (folded or
// original) and `needs` (strings every match holds, to keep a rare regex
// out of the set every draft runs through).
#include "rules/block_file.h"
#include "rules/lexicon.h"
#include "rules/rule_kind.h"

namespace amends {
namespace {

constexpr RuleKindDef::Field kFields[] = {{"text"}, {"needs"}};

void ReadFields(const RuleBlockContext& ctx, Rule* r) {
  if (const BlockField* f = ctx.Single("text")) {
    if (f->value == "original") r->regex_on_original = true;
    else if (f->value != "folded")
      ctx.Error(f->line, f->value_column, "text must be 'folded' or 'original'");
  }
  for (const BlockField* f : ctx.block.All("needs")) {
    if (f->value.empty())
      ctx.Error(f->line, f->value_column, "'needs' names a string every match may hold");
    else r->regex_needs.push_back(f->value);
  }
}

// A regex's continuation lines are joined with nothing between them: a
// space would be part of the pattern. (Phrases join them with a space.)
// A list ("- item" lines) is already one group, "(a|b)".
std::string RegexText(const BlockField& f) {
  if (f.list) return f.value;
  std::string text;
  for (size_t k = 0; k < f.pieces.size(); ++k) {
    size_t from = f.pieces[k].offset;
    size_t to = k + 1 < f.pieces.size() ? f.pieces[k + 1].offset - 1 : f.value.size();
    text.append(f.value, from, to - from);
  }
  return text;
}

void AddPattern(const RuleBlockContext& ctx, const BlockField& f, bool is_match, Rule* r) {
  auto re = CompileRuleRegex(RegexText(f));
  if (!re->ok()) {
    auto [line, column] = f.Locate(0);
    ctx.Error(line, column, "bad regex: " + re->error());
    return;
  }
  (is_match ? r->regexes : r->regex_unless).push_back(std::make_unique<RuleRegex>(std::move(re)));
}

}  // namespace

extern const RuleKindDef kRegexRuleKind = {.name = "regex",
                                           .engine = RuleKindDef::Engine::kRegex,
                                           .fields = kFields,
                                           .read_fields = &ReadFields,
                                           .add_pattern = &AddPattern};

}  // namespace amends
