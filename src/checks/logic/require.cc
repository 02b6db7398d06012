// `require TAG… [if TAG…]`: fires when the reply has no hit of the tags (and,
// with `if`, has one of the second set; else n/a). A pass points at the
// first hit.
#include "checks/check_def.h"
#include "checks/evaluate.h"
#include "checks/hits_by_tag.h"
#include "checks/logic/findings.h"
#include "checks/logic_kind.h"

namespace amends {
namespace {

void Evaluate(const LogicInput& in, CheckResult* r) {
  const CheckDef& check = in.check;
  if (!check.second_tags.empty() && HitsOf(in.hits, check.second_tags).empty()) {
    r->status = Status::kNotApplicable;
    return;
  }
  auto found = HitsOf(in.hits, check.tags);
  if (found.empty()) {
    r->findings.push_back(MissingFinding(check, in.doc));
    r->status = check.severity;
  } else {
    r->findings.push_back(FindingFor(check, in.lexicon, *found.front()));
  }
}

}  // namespace

extern const LogicKind kRequireLogic = {.name = "require",
                                        .second = "if",
                                        .flags_hits = false,
                                        .left_out = true,
                                        .parse = &ParseTagLogic,
                                        .evaluate = &Evaluate};

}  // namespace amends
