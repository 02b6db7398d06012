// `count TAG… at-least N`: fires on N or more distinct hits, each a finding.
#include "checks/check_def.h"
#include "checks/evaluate.h"
#include "checks/hits_by_tag.h"
#include "checks/logic/findings.h"
#include "checks/logic_kind.h"

namespace amends {
namespace {

void Evaluate(const LogicInput& in, CheckResult* r) {
  auto found = HitsOf(in.hits, in.check.tags);
  if (static_cast<int>(found.size()) < in.check.n) return;
  for (const Hit* h : found) r->findings.push_back(FindingFor(in.check, in.lexicon, *h));
  r->status = in.check.severity;
}

}  // namespace

extern const LogicKind kCountLogic = {
    .name = "count", .number = "at-least", .parse = &ParseTagLogic, .evaluate = &Evaluate};

}  // namespace amends
