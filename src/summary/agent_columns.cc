#include "summary/agent_columns.h"

#include <algorithm>

namespace amends::summary {

double FixRate(const Group& g, size_t check) {
  if (check >= g.checks.size() || g.checks[check].evaluated == 0) return 0.0;
  return static_cast<double>(g.checks[check].fix) / static_cast<double>(g.checks[check].evaluated);
}

std::vector<size_t> AgentColumns(size_t checks, const std::vector<const Group*>& agents) {
  std::vector<std::pair<double, size_t>> telling;  // (spread, check)
  for (size_t i = 0; i < checks; ++i) {
    size_t counted = 0;
    double low = 1.0, high = 0.0;
    for (const Group* g : agents) {
      if (i >= g->checks.size() || g->checks[i].evaluated < kMinAgentEvaluated) continue;
      double rate = FixRate(*g, i);
      low = std::min(low, rate);
      high = std::max(high, rate);
      ++counted;
    }
    if (counted < 2 || high <= 0.0 || low >= kNearlyAll) continue;
    // Compared with a margin: 0.35 − 0.30 is 0.04999… in binary.
    if (high - low + 1e-9 < kMinSpread) continue;
    telling.emplace_back(high - low, i);
  }
  std::stable_sort(telling.begin(), telling.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<size_t> out;
  for (const auto& [spread, i] : telling)
    if (out.size() < kMaxAgentColumns) out.push_back(i);
  return out;
}

}  // namespace amends::summary
