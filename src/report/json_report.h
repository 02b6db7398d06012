// Report stage: the JSON checklist (schema in docs/json-schema.md).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "analyzer/analyzer.h"
#include "report/report_options.h"

namespace amends {

inline constexpr const char* kSchemaVersion = "amends.checklist/1";

// Appends the checklist object for one analysed draft to `*out`, as one
// line of compact JSON without a newline. `leading_members`, when not
// empty, is written first as is: members already JSON text (an audit's
// `"id":…,"ticket":…` copied from the input). `analysis.draft.text` must
// still be alive.
// Evidence spans point into the text they came from (the draft or the
// customer's message, as `source` says).
void AppendChecklistJson(const Analyzer& analyzer, const Analysis& analysis, std::string* out,
                         std::string_view leading_members = {},
                         const ReportOptions& options = {});

// The same object as a JSON value, for callers that want to inspect or
// merge it. Slower: AppendChecklistJson is the output path.
nlohmann::ordered_json ChecklistJson(const Analyzer& analyzer, const Analysis& analysis,
                                     const ReportOptions& options = {});

}  // namespace amends
