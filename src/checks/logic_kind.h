// Checks stage: the closed set of logic kinds a check picks with `logic:`,
// one table of records (LogicKinds). A kind's record and code live in one
// file, src/checks/logic/NAME.cc; adding a kind is that file and one row in
// logic_kind.cc. Parsing (check_def.cc), evaluating (evaluate.cc),
// `amends explain`, the summary's check kinds and the docs test all read
// the table, so none of them lists the kinds.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace amends {

struct CheckDef;
struct CheckResult;
struct CheckSet;
struct Customer;
struct Document;
struct Lexicon;
struct NameLists;
class HitsByTag;

// What a kind's evaluate hook reads: one check over one draft.
struct LogicInput {
  const CheckDef& check;
  const Lexicon& lexicon;
  const Document& doc;
  const HitsByTag& hits;
  const Customer& customer;  // its first name may be empty (unknown)
  const NameLists& names;
};

struct LogicKind {
  std::string_view name = {};  // the first word of `logic:`
  // The word that opens the second tag set ("unless"), or "" for none.
  std::string_view second = {};
  bool second_required = false;  // `sequence` means nothing without `then`
  // The word before the kind's number ("within"), or "" for none. A kind
  // with one requires the number.
  std::string_view number = {};
  // For `amends explain`: true when the check flags what its rules find, so
  // a rule's "fire" examples are drafts to fix; false when it requires it,
  // so they are drafts that pass.
  bool flags_hits = true;
  // For a summary: the check is about a step the reply left out ("left_out")
  // rather than something it did ("did").
  bool left_out = false;
  // Reads the words of `logic:` after the name into `*check` (its tags,
  // second_tags and n), adding tags to `*set`. Returns "" or what is wrong.
  std::string (*parse)(const LogicKind& kind, std::span<const std::string> args, CheckSet* set,
                       CheckDef* check) = nullptr;
  // Sets `r->status` and `r->findings`, which start as a pass with none.
  void (*evaluate)(const LogicInput& in, CheckResult* r) = nullptr;
};

// Every kind, in the order the docs list them.
std::span<const LogicKind* const> LogicKinds();

// The kind called `name`, or null.
const LogicKind* FindLogic(std::string_view name);

// The parse hook of most kinds: TAG… [SECOND TAG…] [NUMBER N], with the
// second set and the number only where `kind` has them.
std::string ParseTagLogic(const LogicKind& kind, std::span<const std::string> args, CheckSet* set,
                          CheckDef* check);

// The parse hook of kinds that take no arguments.
std::string ParseNoArguments(const LogicKind& kind, std::span<const std::string> args,
                             CheckSet* set, CheckDef* check);

}  // namespace amends
