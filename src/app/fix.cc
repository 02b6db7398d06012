#include "app/fix.h"

#include <algorithm>

namespace amends::app {

FixPlan PlanFixes(const Analysis& analysis) {
  std::vector<PlannedEdit> all;
  for (const CheckResult& r : analysis.checklist)
    for (const Finding& f : r.findings)
      if (f.replacement) all.push_back({&r, &f});
  // Text order; at one start, the checklist's order (stable).
  std::stable_sort(all.begin(), all.end(), [](const PlannedEdit& a, const PlannedEdit& b) {
    return a.finding->span.start < b.finding->span.start;
  });
  FixPlan plan;
  uint32_t reached = 0;  // the end of the last applied edit
  for (const PlannedEdit& e : all) {
    const Span& s = e.finding->span;
    // Two edits overlap when they share a byte, or insert at one place.
    bool overlaps =
        !plan.applied.empty() && (s.start < reached || (s.start == reached && s.empty() &&
                                                        plan.applied.back().finding->span.empty()));
    (overlaps ? plan.skipped : plan.applied).push_back(e);
    if (!overlaps) reached = s.end;
  }
  return plan;
}

std::string ApplyFixes(std::string_view text, const FixPlan& plan) {
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  for (const PlannedEdit& e : plan.applied) {
    const Span& s = e.finding->span;
    out.append(text.substr(at, s.start - at));
    out.append(*e.finding->replacement);
    at = s.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace amends::app
