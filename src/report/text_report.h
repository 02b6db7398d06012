// Report stage: the checklist for a person at a terminal.
#pragma once

#include <string>

#include "analyzer/analyzer.h"
#include "report/report_options.h"

namespace amends {

struct TextReportOptions {
  bool color = false;        // ANSI colours
  bool show_passes = false;  // list passing and n/a checks too
  ReportOptions report;      // the cap on findings shown per check
};

// Renders the checklist. Draft text is shown with control characters
// escaped, so a hostile draft cannot drive the terminal.
std::string TextReport(const Analyzer& analyzer, const Analysis& analysis,
                       const std::string& source_name, const TextReportOptions& options);

}  // namespace amends
