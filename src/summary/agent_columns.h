// Summary stage: which checks the report's agents table shows. A column is
// worth its width only when it tells agents apart: a check every agent
// misses 99% of the time (or none ever fails) says nothing about any one
// of them, and a rate from a handful of replies is noise.
//
// The rule, on the fix rate (fix / evaluated) of each agent shown:
//   - only agents the check applied to at least kMinAgentEvaluated times
//     count, and at least two must;
//   - the check must be a fix for someone (highest rate above 0) and not a
//     fix for nearly everyone (lowest rate below kNearlyAll);
//   - the spread, highest rate minus lowest, must be at least kMinSpread.
// Columns come widest spread first, at most kMaxAgentColumns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "summary/summary.h"

namespace amends::summary {

inline constexpr uint64_t kMinAgentEvaluated = 10;
inline constexpr double kNearlyAll = 0.99;
inline constexpr double kMinSpread = 0.05;
inline constexpr size_t kMaxAgentColumns = 8;

// Indices into `checks` (as Summary::checks()) for the agents' table.
std::vector<size_t> AgentColumns(size_t checks, const std::vector<const Group*>& agents);

// fix / evaluated of one check in one group, 0 when it never applied.
double FixRate(const Group& g, size_t check);

}  // namespace amends::summary
