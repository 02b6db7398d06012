// `flag TAG… [unless TAG…]`: every hit is a finding, unless the reply has a
// hit of the second set anywhere.
#include "checks/check_def.h"
#include "checks/evaluate.h"
#include "checks/hits_by_tag.h"
#include "checks/logic/findings.h"
#include "checks/logic_kind.h"

namespace amends {
namespace {

void Evaluate(const LogicInput& in, CheckResult* r) {
  auto found = HitsOf(in.hits, in.check.tags);
  if (found.empty() || !HitsOf(in.hits, in.check.second_tags).empty()) return;
  for (const Hit* h : found) r->findings.push_back(FindingFor(in.check, in.lexicon, *h));
  r->status = in.check.severity;
}

}  // namespace

extern const LogicKind kFlagLogic = {
    .name = "flag", .second = "unless", .parse = &ParseTagLogic, .evaluate = &Evaluate};

}  // namespace amends
