// Checks stage, part 1: the checklist as data (lexicons/en/checks.def).
//
// Each check picks one of a closed set of logic kinds; the kinds are code
// (checks/logic_kind.h), the checks that use them are data.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "rules/block_file.h"

namespace amends {

enum class Status { kPass, kFix, kConsider, kNotApplicable };

const char* StatusName(Status s);
// "pass", "fix", "consider" or "n/a" (as StatusName writes them) into
// `*status`; false for anything else.
bool ParseStatus(std::string_view name, Status* status);

struct LogicKind;  // checks/logic_kind.h

struct CheckDef {
  std::string id;
  std::string title;       // imperative, short: "Apologise first"
  std::string why;         // one or two sentences of rationale
  std::string message;     // what a finding says when the rule has none
  std::string suggestion;  // a concrete fix, may be empty
  std::vector<std::string> seeds;
  Status severity = Status::kConsider;  // kFix or kConsider
  bool recovery_only = false;
  const LogicKind* logic = nullptr;  // never null in a parsed set
  std::vector<int> tags;             // first tag set
  // The tags after the kind's second word (LogicKind::second): "unless" for
  // flag, "if" for require, "then" for sequence; what they mean is the kind's.
  std::vector<int> second_tags;
  int n = 0;            // within N / at-least N
  bool enabled = true;  // a team configuration can turn a check off
  std::string file;
  int line = 0;
};

struct Seed {
  std::string id;     // "000"
  std::string title;  // the article's title
};

struct CheckSet {
  std::vector<Seed> seeds;
  std::vector<std::string> tags;  // every tag the checks and situation name
  std::vector<CheckDef> checks;   // in report order
  std::vector<int> situation_draft_tags;
  std::vector<int> situation_customer_tags;
  int generic_salutation_tag = -1;

  int TagIndex(const std::string& name) const;
  // The index of tag `name`, added to `tags` when it is new.
  int AddTag(const std::string& name);
  const Seed* FindSeed(const std::string& id) const;
  CheckDef* FindCheck(const std::string& id);
};

// Parses the `check` and `situation` blocks of `file`. Returns false and
// sets `*error` (file:line:column diagnostics) on the first problems.
// `logic:` names one of `kinds`; empty means LogicKinds(), the built-in
// ones (a test passes more).
bool ParseCheckSet(const BlockFile& file, CheckSet* out, std::string* error,
                   std::span<const LogicKind* const> kinds = {});

}  // namespace amends
