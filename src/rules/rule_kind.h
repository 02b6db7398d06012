// Rules stage: the closed set of rule kinds a rule picks with `kind:`, one
// table of records (RuleKinds). A kind's record and code live in one file,
// src/rules/kinds/NAME.cc; adding a kind is that file and one row in
// rule_kind.cc. The rule compiler (lexicon.cc), the lint (lint.cc) and the
// docs test read the table, so none of them lists the kinds.
//
// A kind decides which fields of its own a rule may carry and how a
// `match` or `unless` pattern is compiled. What a pattern compiles to is
// one of two engines the matcher runs: phrase patterns (the word index,
// Lexicon::phrases) or RE2 regexes. A new kind that compiles to one of
// them (a literal string quoted into a regex, say) needs no matcher change.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace amends {

class PhraseSet;
struct Block;
struct BlockField;
struct BlockFile;
struct Rule;

// What a kind's hooks see while one rule block is compiled. Not owned:
// the references outlive the hook call.
class RuleBlockContext {
 public:
  RuleBlockContext(const BlockFile& file, const Block& block, PhraseSet* phrases,
                   std::function<void(std::string)> report)
      : file(file), block(block), phrases(phrases), report_(std::move(report)) {}

  const BlockFile& file;
  const Block& block;
  PhraseSet* phrases;  // where phrase patterns are added; never null

  // Reports a load error at `line`:`column` of the file.
  void Error(int line, int column, std::string_view message) const;
  // The one field `key` of the block, or null; a second one is an error.
  const BlockField* Single(std::string_view key) const;

 private:
  std::function<void(std::string)> report_;
};

struct RuleKindDef {
  std::string_view name = {};  // `kind: NAME`
  // What the patterns compile to, for the lint: phrase syntax or regex.
  enum class Engine { kPhrase, kRegex } engine = Engine::kPhrase;
  // The fields only this kind takes ("text", "needs" for regex). Another
  // kind's rule that carries one gets "'FIELD' applies to NAME rules only",
  // with the field's note after it in parentheses when it has one.
  struct Field {
    std::string_view name;
    std::string_view note = {};
  };
  std::span<const Field> fields = {};
  // Reads the kind's own fields of `ctx.block` into `*rule`.
  void (*read_fields)(const RuleBlockContext& ctx, Rule* rule) = nullptr;
  // Compiles one non-empty `match` (`is_match`) or `unless` field into
  // `*rule`, or reports why it cannot.
  void (*add_pattern)(const RuleBlockContext& ctx, const BlockField& field, bool is_match,
                      Rule* rule) = nullptr;
};

// Every kind; the first is the default (`phrase`). A rule's kind is stored
// in the lexicon image as its index here, so rows are only ever appended.
std::span<const RuleKindDef* const> RuleKinds();

// The kind called `name` among `kinds` (default: RuleKinds()), or null.
const RuleKindDef* FindRuleKind(std::string_view name,
                                std::span<const RuleKindDef* const> kinds = {});

}  // namespace amends
