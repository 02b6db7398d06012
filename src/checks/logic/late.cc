// `late TAG… within N`: fires when the first hit comes after the first N
// sentences of the body (greeting excluded); n/a with no hit.
#include "checks/check_def.h"
#include "checks/evaluate.h"
#include "checks/hits_by_tag.h"
#include "checks/logic/findings.h"
#include "checks/logic_kind.h"

namespace amends {
namespace {

void Evaluate(const LogicInput& in, CheckResult* r) {
  const CheckDef& check = in.check;
  const Document& doc = in.doc;
  auto found = HitsOf(in.hits, check.tags);
  if (found.empty()) {
    r->status = Status::kNotApplicable;
    return;
  }
  const Hit& first = *found.front();
  uint32_t body_sentence =
      first.sentence >= doc.body_first_sentence ? first.sentence - doc.body_first_sentence : 0;
  r->findings.push_back(FindingFor(check, in.lexicon, first));
  if (body_sentence >= static_cast<uint32_t>(check.n)) {
    r->status = check.severity;
    r->findings.back().message = check.message;
    r->findings.back().suggestion = check.suggestion;
  }
}

}  // namespace

extern const LogicKind kLateLogic = {.name = "late",
                                     .number = "within",
                                     .flags_hits = false,
                                     .parse = &ParseTagLogic,
                                     .evaluate = &Evaluate};

}  // namespace amends
