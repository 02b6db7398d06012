// Report stage: the JSON checklist (schema in docs/json-schema.md).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/analyzer.h"
#include "report/report_options.h"

namespace amends {

inline constexpr const char* kSchemaVersion = "amends.checklist/1";

// What one checklist object carries besides the analysis. Views: alive
// for the call.
struct ChecklistFrame {
  // Members already JSON text, written first and last as they are: an
  // audit's `"id":…,"ticket":…` copied from the input; an email's
  // `"email":{…}` (report/email_json.h).
  std::string_view leading_members;
  std::string_view trailing_members;
  // The text a finding's line, column and UTF-16 offsets are counted in,
  // when it is not the analysed draft: a whole email's decoded body, of
  // which the analysed text is a copy with the quoted lines blanked (the
  // same byte offsets, other characters). Offsets past its end count as
  // its end.
  std::optional<std::string_view> positions_in;
};

// Appends the checklist object for one analysed draft to `*out`, as one
// line of compact JSON without a newline. `analysis.draft.text` must
// still be alive. Evidence spans point into the text they came from (the
// draft or the customer's message, as `source` says).
void AppendChecklistJson(const Analyzer& analyzer, const Analysis& analysis, std::string* out,
                         const ChecklistFrame& frame = {}, const ReportOptions& options = {});

// The same object as a JSON value, for callers that want to inspect or
// merge it. Slower: AppendChecklistJson is the output path.
nlohmann::ordered_json ChecklistJson(const Analyzer& analyzer, const Analysis& analysis,
                                     const ReportOptions& options = {});

}  // namespace amends
