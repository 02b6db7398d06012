#include "checks/evaluate.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "checks/hits_by_tag.h"
#include "checks/logic_kind.h"

namespace amends {
namespace {

// The name the lexicon's suggestions use for any customer ("Hi Mary,").
constexpr std::string_view kPlaceholderName = "Mary";

// `suggestion` with the placeholder name, as a whole word, replaced by the
// customer's first name; "" when it has none.
std::string WithCustomerName(std::string_view suggestion, const std::string& first_name) {
  auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  size_t copied = 0;
  for (size_t at = suggestion.find(kPlaceholderName); at != std::string_view::npos;
       at = suggestion.find(kPlaceholderName, at + kPlaceholderName.size())) {
    size_t end = at + kPlaceholderName.size();
    if ((at > 0 && letter(suggestion[at - 1])) ||
        (end < suggestion.size() && letter(suggestion[end])))
      continue;
    out.append(suggestion.substr(copied, at - copied));
    out += first_name;
    copied = end;
  }
  if (copied == 0) return "";
  out.append(suggestion.substr(copied));
  return out;
}

// Evaluates `check` into `r`, whose findings and texts are empty: its
// kind's logic, then the customer's name put in the suggestions.
void Evaluate(const CheckDef& check, const Lexicon& lexicon, const Document& doc,
              const HitsByTag& hits, const Customer& customer, const NameLists& names,
              CheckResult& r) {
  check.logic->evaluate(LogicInput{check, lexicon, doc, hits, customer, names}, &r);
  const std::string& customer_name = customer.first;
  if (!customer_name.empty() && customer_name != kPlaceholderName)
    for (Finding& f : r.findings)
      if (std::string named = WithCustomerName(f.suggestion, customer_name); !named.empty())
        f.suggestion = r.Keep(std::move(named));
}

// "Never apologises" next to "sorry for any inconvenience" reads as a
// contradiction: the reply does say sorry, only not genuinely.
void SayNoGenuineApology(std::vector<CheckResult>* results) {
  CheckResult* missing = nullptr;
  bool hedged = false;
  for (CheckResult& r : *results) {
    if (r.check->id == "apology.missing" && r.status != Status::kPass &&
        r.status != Status::kNotApplicable)
      missing = &r;
    if (r.check->id == "apology.non_apology" && r.status != Status::kPass &&
        r.status != Status::kNotApplicable)
      hedged = true;
  }
  if (!missing || !hedged) return;
  for (Finding& f : missing->findings)
    if (f.span.empty())
      f.message = "There is no genuine apology: the only one is hedged (apology.non_apology).";
}

}  // namespace

Situation DecideSituation(const CheckSet& checks, const Document& draft,
                          const std::vector<Hit>& draft_hits, const Document* customer,
                          const std::vector<Hit>& customer_hits, std::optional<bool> forced,
                          size_t keep) {
  Situation s;
  auto add = [&](bool from_customer, const Document& doc, const std::vector<const Hit*>& hits) {
    const size_t kept = keep == 0 ? hits.size() : std::min(hits.size(), keep);
    for (size_t i = 0; i < kept; ++i)
      s.evidence.push_back({from_customer, hits[i]->span, doc.Original(hits[i]->span),
                            static_cast<int>(hits[i]->rule)});
    s.evidence_left_out += hits.size() - kept;
  };
  thread_local HitsByTag by_tag;
  by_tag.Index(draft_hits);
  add(false, draft, HitsOf(by_tag, checks.situation_draft_tags));
  if (customer) {
    by_tag.Index(customer_hits);
    add(true, *customer, HitsOf(by_tag, checks.situation_customer_tags));
  }
  s.recovery = !s.evidence.empty();
  if (forced) {
    s.forced = true;
    s.recovery = *forced;
  }
  return s;
}

void EvaluateChecks(const CheckSet& checks, const Lexicon& lexicon, const Document& draft,
                    const std::vector<Hit>& hits, const Situation& situation,
                    const Customer& customer, const NameLists& names, std::vector<CheckResult>* out,
                    size_t keep) {
  thread_local HitsByTag by_tag;
  by_tag.Index(hits);
  size_t n = 0;
  for (const CheckDef& check : checks.checks) {
    if (!check.enabled) continue;
    if (n == out->size()) out->emplace_back();
    CheckResult& r = (*out)[n++];
    r.check = &check;
    r.status = Status::kPass;
    r.findings.clear();
    r.texts.clear();
    r.left_out = 0;
    if (check.recovery_only && !situation.recovery) {
      r.status = Status::kNotApplicable;
      continue;
    }
    Evaluate(check, lexicon, draft, by_tag, customer, names, r);
    if (keep && r.findings.size() > keep) {
      r.left_out = r.findings.size() - keep;
      r.findings.resize(keep);
      r.findings.shrink_to_fit();  // a text this unusual: let the rest go
    }
  }
  out->resize(n);
  SayNoGenuineApology(out);
}

}  // namespace amends
