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
  // The rule's literal replacement for `span` (rules/replacement.h): the
  // exact text to put there ("" drops it). Set by Analyzer::Analyze on
  // fix and consider results only, whose span is then the edit's span.
  // Views text the CheckResult owns.
  std::optional<std::string_view> replacement;
};

struct CheckResult {
  const CheckDef* check = nullptr;
  Status status = Status::kPass;
  std::vector<Finding> findings;  // for a pass: what satisfied it, if anything
  // Findings found but not kept, past the cap EvaluateChecks was given;
  // they come after `findings` in text order.
  size_t left_out = 0;
  size_t total_findings() const { return findings.size() + left_out; }
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
  std::vector<Evidence> evidence;  // the draft's, then the customer's
  size_t evidence_left_out = 0;    // past the cap DecideSituation was given
};

// Decides recovery vs routine from situation-tag hits in the draft and, when
// known, the customer's message. `forced` wins when set. With `keep` > 0,
// at most `keep` pieces of evidence from each text are kept (so the first
// of the customer's is always there) and the rest only counted.
Situation DecideSituation(const CheckSet& checks, const Document& draft,
                          const std::vector<Hit>& draft_hits, const Document* customer,
                          const std::vector<Hit>& customer_hits, std::optional<bool> forced,
                          size_t keep = 0);

// Runs every enabled check over one draft into `*out`, one result per
// check in order. `customer` may be empty (unknown). The results already in
// `*out` are overwritten, keeping their storage: a caller that checks one
// draft after another passes the same vector each time. With `keep` > 0,
// a check keeps its first `keep` findings and counts the rest (left_out),
// so a text with a finding in every line holds no more than that.
void EvaluateChecks(const CheckSet& checks, const Lexicon& lexicon, const Document& draft,
                    const std::vector<Hit>& hits, const Situation& situation,
                    const Customer& customer, const NameLists& names, std::vector<CheckResult>* out,
                    size_t keep = 0);

}  // namespace amends
