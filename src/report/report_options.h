// What every report of a checklist (text, JSON) shares.
#pragma once

#include <algorithm>
#include <cstddef>

#include "checks/evaluate.h"

namespace amends {

// The default cap on findings written per check (--max-findings).
inline constexpr size_t kDefaultMaxFindings = 50;

struct ReportOptions {
  // At most this many findings per check are written, the first in text
  // order; how many were left out is reported with the check ("more" in
  // JSON, "… and N more" in text). 0 writes them all. The analysis keeps
  // every finding (summaries count them all): the cap bounds what one
  // pathological draft (a pasted log with a finding in every line) makes a
  // report write.
  size_t max_findings = kDefaultMaxFindings;
};

// How many of `r`'s findings a report with `options` writes.
inline size_t FindingsShown(const CheckResult& r, const ReportOptions& options) {
  return options.max_findings == 0 ? r.findings.size()
                                   : std::min(r.findings.size(), options.max_findings);
}

}  // namespace amends
