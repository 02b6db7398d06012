// Summary stage: one self-contained HTML page from a summary — inline CSS
// and SVG, no script, nothing fetched. Every piece of text from the export
// (reply text, names, phrases, ids) is HTML-escaped.
//
// Elements a test (or a person with devtools) can find: #total-replies,
// #total-errors, #total-needs-fix; svg#chart-checks, svg#chart-months,
// svg#chart-agents; rows tr[data-check], tr[data-month], tr[data-agent]
// with td.fired, td.evaluated, td.replies, td.needs-fix, td.rate; the review
// table #review with mark elements over the findings.
#pragma once

#include <string>
#include <string_view>

#include "summary/summary.h"

namespace amends::summary {

struct HtmlOptions {
  std::string title = "Reply audit";
  std::string source;        // what was audited, shown under the title
  size_t max_agents = 40;    // most replies first
  size_t max_phrases = 30;
};

std::string HtmlReport(const Summary& summary, const HtmlOptions& options = {});

// & < > " ' escaped; control characters other than tab and newline dropped.
std::string HtmlEscape(std::string_view text);

// "12.5%": one decimal, as the report shows rates.
std::string Percent(uint64_t part, uint64_t whole);

}  // namespace amends::summary
