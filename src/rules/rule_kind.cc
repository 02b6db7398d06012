#include "rules/rule_kind.h"

#include "rules/block_file.h"

namespace amends {

// One row per kind; each record is defined in src/rules/kinds/NAME.cc. The
// row's index is what the lexicon image stores: append, never reorder.
extern const RuleKindDef kPhraseRuleKind, kRegexRuleKind;

namespace {

const RuleKindDef* const kKinds[] = {
    &kPhraseRuleKind,
    &kRegexRuleKind,
};

}  // namespace

void RuleBlockContext::Error(int line, int column, std::string_view message) const {
  report_(file.Error(line, column, message));
}

const BlockField* RuleBlockContext::Single(std::string_view key) const {
  auto all = block.All(key);
  if (all.size() > 1) Error(all[1]->line, 1, "'" + std::string(key) + "' given twice");
  return all.empty() ? nullptr : all[0];
}

std::span<const RuleKindDef* const> RuleKinds() { return kKinds; }

const RuleKindDef* FindRuleKind(std::string_view name, std::span<const RuleKindDef* const> kinds) {
  if (kinds.empty()) kinds = kKinds;
  for (const RuleKindDef* k : kinds)
    if (k->name == name) return k;
  return nullptr;
}

}  // namespace amends
