// Checks stage, part 2: document-level logic over rule hits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/check_def.h"
#include "checks/names.h"
#include "rules/lexicon.h"
#include "rules/matcher.h"
#include "text/document.h"

namespace amends {

struct Finding {
  Span span;               // original bytes of the draft; empty = a place to insert
  std::string message;
  std::string suggestion;  // may be empty
  int rule = -1;           // the rule that produced it, or -1
};

struct CheckResult {
  const CheckDef* check;
  Status status;
  std::vector<Finding> findings;  // for a pass: what satisfied it, if anything
};

// Why the reply was judged a recovery.
struct Evidence {
  bool from_customer;  // else from the draft
  Span span;           // bytes of the text it came from
  std::string text;
  int rule;
};

struct Situation {
  bool recovery = false;
  bool forced = false;
  std::vector<Evidence> evidence;
};

// Decides recovery vs routine from situation-tag hits in the draft and, when
// known, the customer's message. `forced` wins when set.
Situation DecideSituation(const CheckSet& checks, const Document& draft,
                          const std::vector<Hit>& draft_hits, const Document* customer,
                          const std::vector<Hit>& customer_hits, std::optional<bool> forced);

// Runs every check over one draft. `customer` may be empty (unknown).
std::vector<CheckResult> EvaluateChecks(const CheckSet& checks, const Lexicon& lexicon,
                                        const Document& draft, const std::vector<Hit>& hits,
                                        const Situation& situation, const Customer& customer,
                                        const NameLists& names);

}  // namespace amends
