// Checks stage, part 2: document-level logic over rule hits.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check_def.h"
#include "checks/names.h"
#include "rules/lexicon.h"
#include "rules/matcher.h"
#include "text/document.h"

namespace amends {

struct Finding {
  Span span;  // original bytes of the draft; empty = a place to insert
  // What it says and what to write instead (may be empty). They view the
  // text of a check or rule of the Analyzer, or text its CheckResult owns:
  // valid while both live.
  std::string_view message;
  std::string_view suggestion;
  int rule = -1;  // the rule that produced it, or -1
};

struct CheckResult {
  const CheckDef* check = nullptr;
  Status status = Status::kPass;
  std::vector<Finding> findings;  // for a pass: what satisfied it, if anything
  // Text made for this draft (it names the customer) that findings view.
  // Each string has its own allocation, so moving the result keeps the
  // views valid.
  std::vector<std::unique_ptr<std::string>> texts;

  std::string_view Keep(std::string text) {
    texts.push_back(std::make_unique<std::string>(std::move(text)));
    return *texts.back();
  }
};

// Why the reply was judged a recovery.
struct Evidence {
  bool from_customer;  // else from the draft
  Span span;           // bytes of the text it came from
  // Those bytes, viewed in the text the request gave (as Analysis::draft
  // is): a reply that repeats a cue a million times keeps no copies.
  std::string_view text;
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

// Runs every enabled check over one draft into `*out`, one result per
// check in order. `customer` may be empty (unknown). The results already in
// `*out` are overwritten, keeping their storage: a caller that checks one
// draft after another passes the same vector each time.
void EvaluateChecks(const CheckSet& checks, const Lexicon& lexicon, const Document& draft,
                    const std::vector<Hit>& hits, const Situation& situation,
                    const Customer& customer, const NameLists& names,
                    std::vector<CheckResult>* out);

}  // namespace amends
