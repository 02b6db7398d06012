#include "checks/evaluate.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <span>
#include <string_view>

#include "text/fold.h"

namespace amends {
namespace {

// A document's hits grouped by tag, each group in text order, so a check
// reads the hits of its own tags rather than all of them (a long text has
// millions, and there are dozens of checks).
class HitsByTag {
 public:
  // Groups `hits`, which must outlive this use, reusing the storage of the
  // last grouping (one per thread: a record's checks run on one thread).
  void Index(const std::vector<Hit>& hits) {
    hits_ = &hits;
    int tags = 0;
    for (const Hit& h : hits) tags = std::max(tags, h.tag + 1);
    begin_.assign(tags + 1, 0);
    for (const Hit& h : hits) ++begin_[h.tag + 1];
    for (int t = 0; t < tags; ++t) begin_[t + 1] += begin_[t];
    order_.resize(hits.size());
    fill_.assign(begin_.begin(), begin_.end() - 1);
    for (uint32_t i = 0; i < hits.size(); ++i) order_[fill_[hits[i].tag]++] = i;
  }
  const std::vector<Hit>& hits() const { return *hits_; }
  // Indices into hits() of the hits of `tag`, ascending.
  std::span<const uint32_t> Of(int tag) const {
    if (tag < 0 || tag + 1 >= static_cast<int>(begin_.size())) return {};
    return std::span<const uint32_t>(order_).subspan(begin_[tag], begin_[tag + 1] - begin_[tag]);
  }

 private:
  const std::vector<Hit>* hits_ = nullptr;
  std::vector<uint32_t> order_;  // hit indices, by tag
  std::vector<uint32_t> begin_;  // per tag, where its indices begin in order_
  std::vector<uint32_t> fill_;
};

// Hits of any of `tags`, in text order. Where rules overlap (two phrasings
// of one hedge), only the longest hit is kept, so a finding is reported once.
std::vector<const Hit*> HitsOf(const HitsByTag& index, const std::vector<int>& tags) {
  std::vector<uint32_t> merged;  // the groups of `tags`, merged in text order
  std::span<const uint32_t> which;
  if (tags.size() == 1) {
    which = index.Of(tags[0]);
  } else {
    for (int tag : tags) {
      std::span<const uint32_t> of = index.Of(tag);
      const size_t middle = merged.size();
      merged.insert(merged.end(), of.begin(), of.end());
      std::inplace_merge(merged.begin(), merged.begin() + middle, merged.end());
    }
    which = merged;
  }
  std::vector<const Hit*> out;
  for (uint32_t i : which) {
    const Hit& h = index.hits()[i];
    if (!out.empty() && h.span.start < out.back()->span.end) {
      const Span& prev = out.back()->span;
      if (h.span.end - h.span.start > prev.end - prev.start) out.back() = &h;
      continue;
    }
    out.push_back(&h);
  }
  return out;
}

Finding FindingFor(const CheckDef& check, const Lexicon& lexicon, const Hit& hit) {
  const Rule& rule = lexicon.rules[hit.rule];
  return Finding{hit.span, rule.message.empty() ? check.message : rule.message,
                 rule.suggestion.empty() ? check.suggestion : rule.suggestion,
                 static_cast<int>(hit.rule)};
}

// Where to insert what is missing: the first word of the body, after any
// @handles and the greeting.
Finding MissingFinding(const CheckDef& check, const Document& doc) {
  uint32_t after = std::max({doc.begin, doc.handles.end, doc.greeting.end});
  uint32_t at = after;
  for (uint32_t w : doc.words) {
    if (doc.tokens[w].start >= after) {
      at = doc.tokens[w].start;
      break;
    }
  }
  return Finding{{at, at}, check.message, check.suggestion, -1};
}

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
    if ((at > 0 && letter(suggestion[at - 1])) || (end < suggestion.size() && letter(suggestion[end])))
      continue;
    out.append(suggestion.substr(copied, at - copied));
    out += first_name;
    copied = end;
  }
  if (copied == 0) return "";
  out.append(suggestion.substr(copied));
  return out;
}

// Evaluates `check` into `r`, whose findings and texts are empty.
void Evaluate(const CheckDef& check, const Lexicon& lexicon, const Document& doc,
              const HitsByTag& hits, const Customer& customer, const NameLists& names,
              CheckResult& r) {
  const std::string& customer_name = customer.first;
  auto& findings = r.findings;
  // The check fails with the findings gathered so far.
  auto fire = [&] { r.status = check.severity; };
  switch (check.logic) {
    case Logic::kFlag: {
      auto found = HitsOf(hits, check.tags);
      if (found.empty() || !HitsOf(hits, check.other_tags).empty()) break;
      for (const Hit* h : found) findings.push_back(FindingFor(check, lexicon, *h));
      fire();
      break;
    }
    case Logic::kRequire: {
      if (!check.other_tags.empty() && HitsOf(hits, check.other_tags).empty()) {
        r.status = Status::kNotApplicable;
        break;
      }
      auto found = HitsOf(hits, check.tags);
      if (found.empty()) {
        findings.push_back(MissingFinding(check, doc));
        fire();
      } else {
        findings.push_back(FindingFor(check, lexicon, *found.front()));
      }
      break;
    }
    case Logic::kSequence: {
      auto firsts = HitsOf(hits, check.tags);
      auto thens = HitsOf(hits, check.other_tags);
      // "Sorry, but …" and "Sorry. But …": a one-word contrast that opens
      // the next sentence takes the apology back just the same ("In any
      // case, …" there only changes the subject).
      auto opens_sentence = [&](const Hit& h) {
        const Sentence& s = doc.sentences[h.sentence];
        return s.first_word < s.end_word &&
               doc.tokens[doc.words[s.first_word]].start == h.span.start &&
               doc.tokens[doc.words[s.first_word]].end == h.span.end;
      };
      // `thens` are in text order and do not overlap, so the only one that
      // can take `a` back is the first that starts after it: in a's
      // sentence, or opening the next one.
      for (const Hit* a : firsts) {
        auto it = std::lower_bound(thens.begin(), thens.end(), a->span.end,
                                   [](const Hit* h, uint32_t end) { return h->span.start < end; });
        if (it == thens.end()) continue;
        const Hit* b = *it;
        bool same = b->sentence == a->sentence;
        bool next = b->sentence == a->sentence + 1 && opens_sentence(*b);
        if (same || next) {
          Finding finding = FindingFor(check, lexicon, *b);
          finding.span = {a->span.start, b->span.end};
          finding.message = check.message;
          finding.suggestion = check.suggestion;
          findings.push_back(finding);
        }
      }
      if (!findings.empty()) fire();
      break;
    }
    case Logic::kLate: {
      auto found = HitsOf(hits, check.tags);
      if (found.empty()) {
        r.status = Status::kNotApplicable;
        break;
      }
      const Hit& first = *found.front();
      uint32_t body_sentence =
          first.sentence >= doc.body_first_sentence ? first.sentence - doc.body_first_sentence : 0;
      findings.push_back(FindingFor(check, lexicon, first));
      if (body_sentence >= static_cast<uint32_t>(check.n)) fire();
      if (r.status != Status::kPass) {
        findings.back().message = check.message;
        findings.back().suggestion = check.suggestion;
      }
      break;
    }
    case Logic::kCount: {
      auto found = HitsOf(hits, check.tags);
      if (static_cast<int>(found.size()) >= check.n) {
        for (const Hit* h : found) findings.push_back(FindingFor(check, lexicon, *h));
        fire();
      }
      break;
    }
    case Logic::kName: {
      auto generic = HitsOf(hits, check.tags);
      if (!generic.empty()) {
        for (const Hit* h : generic) findings.push_back(FindingFor(check, lexicon, *h));
        fire();
        break;
      }
      if (customer_name.empty()) {
        // "Hi Mary," with no name given: the reply greets someone by name,
        // which is what the check asks for (name.mismatch needs the name).
        if (!doc.greeting_name.empty())
          findings.push_back(
              Finding{doc.greeting, "The greeting uses a name.", "", -1});
        else r.status = Status::kNotApplicable;
        break;
      }
      if (const Token* t = FindNameUse(doc, names, customer_name)) {
        findings.push_back(Finding{{t->start, t->end}, "The customer's name is used.", "", -1});
      } else if (!doc.greeting_name.empty()) {
        // Greeted by a name that is not theirs: name.mismatch says so once.
        findings.push_back(
            Finding{doc.greeting_name_span, "The greeting uses a name; see name.mismatch.", "", -1});
      } else {
        Finding f = MissingFinding(check, doc);
        if (!doc.greeting.empty()) f.span = doc.greeting;
        f.suggestion = r.Keep("Greet them by first name: \"Hi " + customer_name + ",\"");
        findings.push_back(f);
        fire();
      }
      break;
    }
    case Logic::kNameMismatch: {
      if (customer_name.empty() || doc.greeting_name.empty()) {
        r.status = Status::kNotApplicable;
        break;
      }
      NameMatch match = CompareNames(doc.greeting_name, customer);
      std::string message;
      switch (match) {
        case NameMatch::kSame: break;
        case NameMatch::kMisspelled:
          message = "\"" + doc.greeting_name + "\" misspells the customer's name, " +
                    customer_name + ".";
          break;
        case NameMatch::kSurname:
          message = "The greeting uses the surname alone; greet " + customer_name +
                    " by first name.";
          break;
        case NameMatch::kOther:
          message = "The greeting says \"" + doc.greeting_name + "\" but the customer is " +
                    customer_name + ".";
          break;
      }
      if (match == NameMatch::kSame) {
        findings.push_back(Finding{doc.greeting_name_span, "The greeting uses their name.", "", -1});
      } else {
        findings.push_back(Finding{
            doc.greeting_name_span, r.Keep(std::move(message)),
            r.Keep("Use their first name, spelled as they spell it: \"" + customer_name + "\"."),
            -1});
        fire();
      }
      break;
    }
  }
  if (!customer_name.empty() && customer_name != kPlaceholderName)
    for (Finding& f : findings)
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
                    const Customer& customer, const NameLists& names,
                    std::vector<CheckResult>* out, size_t keep) {
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
