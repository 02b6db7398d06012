// `sequence TAG… then TAG…`: a hit of the second set takes back a hit of the
// first, in its sentence or opening the next ("Sorry. But…").
#include <algorithm>

#include "checks/check_def.h"
#include "checks/evaluate.h"
#include "checks/hits_by_tag.h"
#include "checks/logic/findings.h"
#include "checks/logic_kind.h"

namespace amends {
namespace {

// "Sorry, but …" and "Sorry. But …": a one-word contrast that opens the
// next sentence takes the apology back just the same ("In any case, …"
// there only changes the subject).
bool OpensSentence(const Document& doc, const Hit& h) {
  const Sentence& s = doc.sentences[h.sentence];
  return s.first_word < s.end_word && doc.tokens[doc.words[s.first_word]].start == h.span.start &&
         doc.tokens[doc.words[s.first_word]].end == h.span.end;
}

void Evaluate(const LogicInput& in, CheckResult* r) {
  const CheckDef& check = in.check;
  auto firsts = HitsOf(in.hits, check.tags);
  auto thens = HitsOf(in.hits, check.second_tags);
  // `thens` are in text order and do not overlap, so the only one that can
  // take `a` back is the first that starts after it: in a's sentence, or
  // opening the next one.
  for (const Hit* a : firsts) {
    auto it = std::lower_bound(thens.begin(), thens.end(), a->span.end,
                               [](const Hit* h, uint32_t end) { return h->span.start < end; });
    if (it == thens.end()) continue;
    const Hit* b = *it;
    bool same = b->sentence == a->sentence;
    bool next = b->sentence == a->sentence + 1 && OpensSentence(in.doc, *b);
    if (same || next) {
      Finding finding = FindingFor(check, in.lexicon, *b);
      finding.span = {a->span.start, b->span.end};
      finding.message = check.message;
      finding.suggestion = check.suggestion;
      r->findings.push_back(finding);
    }
  }
  if (!r->findings.empty()) r->status = check.severity;
}

}  // namespace

extern const LogicKind kSequenceLogic = {.name = "sequence",
                                         .second = "then",
                                         .second_required = true,
                                         .parse = &ParseTagLogic,
                                         .evaluate = &Evaluate};

}  // namespace amends
