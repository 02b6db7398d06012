// Summary stage: one self-contained HTML page from a summary — inline CSS
// and SVG, no script, nothing fetched. Every piece of text from the export
// (reply text, names, phrases, ids) and from the team-names file is
// HTML-escaped.
//
// The page leads with what to fix: what replies did (section#did), then
// what they left out (section#left-out), fixes and considers in different
// colours; then the agents side by side on the checks that tell them apart
// (agent_columns.h), the teams, the months, the phrases, and the replies
// that need a fix (section#review-list). An audit that checked no reply
// says so in p#empty-audit instead.
//
// Elements a test (or a person with devtools) can find: #total-replies,
// #total-errors, #total-needs-fix; svg#chart-did, svg#chart-left-out,
// svg#chart-months, svg#chart-agents; rows tr[data-check] (td.fix,
// td.consider, td.evaluated, td.rate), tr[data-month], tr[data-agent],
// tr[data-team] (td.replies, td.needs-fix, td.rate); th[data-check] over the
// agents' columns; the review table #review, with mark[data-check] over the
// findings, each followed by span.check-name naming its check.
#pragma once

#include <string>
#include <string_view>

#include "summary/summary.h"
#include "summary/team_names.h"

namespace amends::summary {

struct HtmlOptions {
  std::string title = "Reply audit";
  std::string source;  // what was audited, shown under the title
  // Why an audit checked nothing and what to do, shown in p#empty-audit
  // (e.g. "no author roles: side-load users or pass --users FILE").
  std::string empty_reason;
  size_t max_agents = 40;  // most replies first
  size_t max_teams = 40;
  size_t max_phrases = 30;
  TeamNames team_names;  // team id -> name, for the teams the export names by id
};

std::string HtmlReport(const Summary& summary, const HtmlOptions& options = {});

// & < > " ' escaped; control characters other than tab and newline dropped.
std::string HtmlEscape(std::string_view text);

// "12.5%": one decimal, as the report shows rates.
std::string Percent(uint64_t part, uint64_t whole);

}  // namespace amends::summary
