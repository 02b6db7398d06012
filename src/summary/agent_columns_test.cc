#include "summary/agent_columns.h"

#include <catch2/catch.hpp>

namespace amends::summary {
namespace {

// An agent with `evaluated` replies per check and `fixes[i]` fixes of check i.
Group Agent(uint64_t evaluated, std::vector<uint64_t> fixes) {
  Group g;
  g.replies = evaluated;
  for (uint64_t f : fixes) g.checks.push_back({evaluated, f, 0});
  return g;
}

}  // namespace

TEST_CASE("agent columns: only checks that tell agents apart", "[summary][agents]") {
  // Checks: 0 everyone misses (100, 99.x %), 1 nobody fails, 2 a 30-point
  // spread, 3 a 4-point spread, 4 a 10-point spread, 5 spread only through an
  // agent with too few replies.
  Group a = Agent(200, {200, 0, 60, 20, 40, 0});
  Group b = Agent(200, {199, 0, 120, 28, 20, 0});
  Group c = Agent(5, {5, 0, 0, 0, 0, 5});
  std::vector<const Group*> agents = {&a, &b, &c};
  CHECK(AgentColumns(6, agents) == std::vector<size_t>{2, 4});
  CHECK(AgentColumns(6, {&a}).empty());  // one agent: nothing to compare
  CHECK(FixRate(a, 2) == Approx(0.3));
  CHECK(FixRate(c, 9) == 0.0);
}

TEST_CASE("agent columns: at most kMaxAgentColumns, widest spread first", "[summary][agents]") {
  std::vector<uint64_t> fa, fb;
  for (uint64_t i = 0; i < 12; ++i) fa.push_back(10 + 5 * i), fb.push_back(0);
  Group a = Agent(100, fa), b = Agent(100, fb);
  auto columns = AgentColumns(12, {&a, &b});
  REQUIRE(columns.size() == kMaxAgentColumns);
  CHECK(columns.front() == 11);
  CHECK(columns.back() == 4);
}

}  // namespace amends::summary
