// Report stage: the JSON checklist (schema in docs/json-schema.md).
#pragma once

#include <nlohmann/json.hpp>

#include "analyzer/analyzer.h"

namespace amends {

inline constexpr const char* kSchemaVersion = "amends.checklist/1";

// The checklist object for one analysed draft. `analysis.draft.text` must
// still be alive. Evidence spans point into the text they came from (the
// draft or the customer's message, as `source` says).
nlohmann::ordered_json ChecklistJson(const Analyzer& analyzer, const Analysis& analysis);

}  // namespace amends
