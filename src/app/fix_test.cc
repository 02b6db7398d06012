#include "app/fix.h"

#include <catch2/catch.hpp>
#include <cctype>

#include "app/analyzer_loader.h"

using namespace amends;

namespace {
const Analyzer& Built() {
  static std::unique_ptr<Analyzer> analyzer = [] {
    app::LoadOptions options;
    options.no_config = true;
    std::string error;
    auto a = app::LoadAnalyzer(options, &error);
    INFO(error);
    REQUIRE(a);
    return a;
  }();
  return *analyzer;
}

std::string Fix(const std::string& text, app::FixPlan* plan_out = nullptr,
                Analysis* analysis_out = nullptr) {
  Request request;
  request.text = text;
  Analysis analysis = Built().Analyze(request);
  app::FixPlan plan = app::PlanFixes(analysis);
  std::string fixed = app::ApplyFixes(text, plan);
  // Every applied edit is one a rule gave: the finding's rule has literal
  // replacements, and its own edit there is this one.
  for (const app::PlannedEdit& e : plan.applied) {
    REQUIRE(e.finding->rule >= 0);
    const Rule& rule = Built().lexicon().rules[static_cast<size_t>(e.finding->rule)];
    CHECK_FALSE(rule.replacements.empty());
    // A rule's TO as written or capitalised; a drop, or a drop that gave
    // the next word its capital.
    const std::string got(*e.finding->replacement);
    bool given = false;
    for (const LiteralReplacement& r : rule.replacements) {
      std::string capital = r.to;
      if (!capital.empty()) capital[0] = static_cast<char>(std::toupper(capital[0]));
      given |=
          got == r.to || got == capital ||
          (r.to.empty() && got.size() == 1 && std::isupper(static_cast<unsigned char>(got[0])));
    }
    INFO(got);
    CHECK(given);
  }
  if (plan_out) *plan_out = plan;
  if (analysis_out) *analysis_out = std::move(analysis);
  return fixed;
}
}  // namespace

TEST_CASE("check --fix applies the rules' literal replacements and nothing else", "[fix]") {
  std::string draft =
      "Hi Mary,\n\nWe apologize for any inconvenience. Per our policy, refunds take 5 days.\n"
      "Please calm down, we are on it.\n\nThanks,\nJo\n";
  CHECK(Fix(draft) ==
        "Hi Mary,\n\nI'm sorry. Refunds take 5 days.\nWe are on it.\n\nThanks,\nJo\n");
}

TEST_CASE("check --fix gives a draft with nothing to fix back byte-identical", "[fix]") {
  for (std::string draft :
       {std::string("Hi Mary,\r\n\r\nI'm sorry the parcel was late.  We've sent a new one\t"
                    "today.\r\n\r\nBest,\r\nJo"),
        std::string(
            "\xEF\xBB\xBFSorry for any inconvenience while we move servers. \xE2\x9C\x93\n"),
        std::string("")}) {
    app::FixPlan plan;
    CHECK(Fix(draft, &plan) == draft);
    CHECK(plan.applied.empty());
  }
}

TEST_CASE("check --fix keeps the first of overlapping replacements and reports the rest", "[fix]") {
  // Two findings whose replacements overlap: made by hand, as the built-in
  // rules give none that overlap on one draft.
  std::string text = "abcdef";
  Analysis analysis;
  CheckResult r;
  r.status = Status::kFix;
  Finding first{{1, 4}, "", "", 0};
  first.replacement = r.Keep("X");
  Finding second{{2, 5}, "", "", 0};
  second.replacement = r.Keep("Y");
  Finding third{{5, 6}, "", "", 0};
  third.replacement = r.Keep("");
  r.findings = {second, third, first};  // plans sort by place
  analysis.checklist.push_back(std::move(r));
  app::FixPlan plan = app::PlanFixes(analysis);
  REQUIRE(plan.applied.size() == 2);
  REQUIRE(plan.skipped.size() == 1);
  CHECK(plan.skipped[0].finding->span.start == 2);
  CHECK(app::ApplyFixes(text, plan) == "aXe");
}
