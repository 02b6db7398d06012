// `kind: phrase` (the default): patterns of words, groups and macros
// (rules/phrase.h), matched through the word index. Its own fields: `case`
// (upper: shouting), `sentence` (question), `with` (a pattern the
// sentence must also hold, anywhere in it) and `without` (one it must not).
#include <string>
#include <utility>

#include "rules/block_file.h"
#include "rules/lexicon.h"
#include "rules/rule_kind.h"

namespace amends {
namespace {

constexpr RuleKindDef::Field kFields[] = {
    {"case", "a regex says it itself"},
    {"sentence"},
    {"with", "a regex says it itself"},
    {"without", "a regex says it itself"}};

// Compiles field `f`'s pattern into the lexicon's phrases and appends its
// index to `*into`, or reports where it is wrong.
void AddPhrase(const RuleBlockContext& ctx, const BlockField& f, std::vector<uint32_t>* into) {
  std::string err;
  size_t at = 0;
  int64_t p = ctx.phrases->Add(f.value, &err, &at);
  if (p < 0) {
    auto [line, column] = f.Locate(at);
    ctx.Error(line, column, err);
    return;
  }
  into->push_back(static_cast<uint32_t>(p));
}

void ReadFields(const RuleBlockContext& ctx, Rule* r) {
  if (const BlockField* f = ctx.Single("case")) {
    if (f->value == "upper") r->upper_case = true;
    else if (f->value != "any")
      ctx.Error(f->line, f->value_column, "case must be 'any' or 'upper'");
  }
  if (const BlockField* f = ctx.Single("sentence")) {
    if (f->value == "question") r->in_question = true;
    else if (f->value != "any")
      ctx.Error(f->line, f->value_column, "sentence must be 'any' or 'question'");
  }
  for (const auto& [name, into] : {std::pair{"with", &r->phrase_with},
                                    std::pair{"without", &r->phrase_without}}) {
    for (const BlockField* f : ctx.block.All(name)) {
      if (f->value.empty()) {
        ctx.Error(f->line, f->value_column, std::string("empty '") + name + "'");
        continue;
      }
      AddPhrase(ctx, *f, into);
    }
  }
}

void AddPattern(const RuleBlockContext& ctx, const BlockField& f, bool is_match, Rule* r) {
  AddPhrase(ctx, f, is_match ? &r->phrases : &r->phrase_unless);
}

}  // namespace

extern const RuleKindDef kPhraseRuleKind = {.name = "phrase",
                                            .engine = RuleKindDef::Engine::kPhrase,
                                            .fields = kFields,
                                            .read_fields = &ReadFields,
                                            .add_pattern = &AddPattern};

}  // namespace amends
