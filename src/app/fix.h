// `amends check --fix` and the LSP's "apply every fix": the draft with the
// literal replacements of an analysis applied (rules/replacement.h).
//
// Only the bytes a replacement spans change; everything else is copied as
// is, so a draft with nothing to fix comes back byte-identical. When two
// replacements overlap the first in text order wins and the other is
// returned as skipped. Pure: no I/O, no state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/analyzer.h"

namespace amends::app {

// One finding's replacement, with the check it came from.
struct PlannedEdit {
  const CheckResult* result = nullptr;
  const Finding* finding = nullptr;  // finding->replacement is set
};

struct FixPlan {
  std::vector<PlannedEdit> applied;  // in text order, none overlapping
  std::vector<PlannedEdit> skipped;  // each overlaps one in `applied`
};

// Every replacement of `analysis`, split into what applies and what
// overlaps. Points into `analysis`: keep it alive while using the plan.
FixPlan PlanFixes(const Analysis& analysis);

// `text` (the analysed text: analysis.draft.text) with `plan.applied` made.
std::string ApplyFixes(std::string_view text, const FixPlan& plan);

}  // namespace amends::app
