#include "checks/logic_kind.h"

#include <cstdlib>
#include <vector>

#include "checks/check_def.h"

namespace amends {

// One row per kind; each record is defined in src/checks/logic/NAME.cc.
extern const LogicKind kFlagLogic, kRequireLogic, kSequenceLogic, kLateLogic, kCountLogic,
    kNameLogic, kNameMismatchLogic;

namespace {

const LogicKind* const kKinds[] = {
    &kFlagLogic,  &kRequireLogic, &kSequenceLogic,     &kLateLogic,
    &kCountLogic, &kNameLogic,    &kNameMismatchLogic,
};

// Whether `word` opens a second tag set, or comes before a number, in any
// kind: such a word is never a tag, so a kind it does not fit says so.
bool IsSecondWord(const std::string& word) {
  for (const LogicKind* k : kKinds)
    if (!k->second.empty() && k->second == word) return true;
  return false;
}

bool IsNumberWord(const std::string& word) {
  for (const LogicKind* k : kKinds)
    if (!k->number.empty() && k->number == word) return true;
  return false;
}

}  // namespace

std::span<const LogicKind* const> LogicKinds() { return kKinds; }

const LogicKind* FindLogic(std::string_view name) {
  for (const LogicKind* k : kKinds)
    if (k->name == name) return k;
  return nullptr;
}

std::string ParseTagLogic(const LogicKind& kind, std::span<const std::string> args, CheckSet* set,
                          CheckDef* check) {
  const std::string name(kind.name);
  std::vector<int>* target = &check->tags;
  bool in_second = false;
  bool want_number = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& x = args[i];
    if (IsSecondWord(x)) {
      if (x != kind.second || in_second) return "'" + x + "' does not fit '" + name + "'";
      in_second = true;
      target = &check->second_tags;
    } else if (IsNumberWord(x)) {
      if (x != kind.number) return "'" + x + "' does not fit '" + name + "'";
      want_number = true;
    } else if (want_number) {
      check->n = std::atoi(x.c_str());
      if (check->n <= 0) return "expected a positive number after '" + args[i - 1] + "'";
      want_number = false;
      target = nullptr;
    } else if (target) {
      target->push_back(set->AddTag(x));
    } else {
      return "unexpected '" + x + "'";
    }
  }
  if (check->tags.empty()) return "'" + name + "' needs at least one tag";
  if (kind.second_required && check->second_tags.empty())
    return "'" + name + "' needs '" + std::string(kind.second) + " TAG…'";
  if (!kind.number.empty() && check->n == 0) return "'" + name + "' needs a number";
  return "";
}

std::string ParseNoArguments(const LogicKind& kind, std::span<const std::string> args, CheckSet*,
                             CheckDef*) {
  if (!args.empty()) return "'" + std::string(kind.name) + "' takes no arguments";
  return "";
}

}  // namespace amends
