// Report stage: the compact checklist of an audit line (`audit --compact`,
// schema in docs/json-schema.md): only the checks that fired, with their
// findings as byte spans, and none of the text that is the same for every
// reply (titles, whys, the lexicon's messages: `amends rules --format
// json` gives them once).
#pragma once

#include <string>
#include <string_view>

#include "analyzer/analyzer.h"
#include "report/report_options.h"

namespace amends {

inline constexpr const char* kCompactSchemaVersion = "amends.compact/1";

// Appends the compact object for one analysed draft to `*out`, as one line
// of JSON without a newline. `leading_members`, when not empty, is written
// first as is: members already JSON text (`"id":…,"ticket":…`).
// `analysis.draft.text` must still be alive.
void AppendCompactJson(const Analyzer& analyzer, const Analysis& analysis, std::string* out,
                       std::string_view leading_members = {}, const ReportOptions& options = {});

}  // namespace amends
