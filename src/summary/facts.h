// Summary stage: what one analysed reply adds to a summary. Thread-safe:
// computed beside the analysis, added to the Summary in input order.
#pragma once

#include <string_view>
#include <vector>

#include "analyzer/analyzer.h"
#include "summary/summary.h"

namespace amends::summary {

// The checks of `analyzer`, in checks.def order, as a Summary wants them.
// A check whose logic is `require` or `name` leaves something out; any other
// (flag, sequence, late, count, name-mismatch) looks at what the reply did.
std::vector<CheckInfo> CheckInfos(const Analyzer& analyzer);

struct ReplyContext {
  std::string_view id_json;  // the reply's id as JSON text
  std::string_view agent, team, month;
  std::string_view customer_message;  // "" when unknown
};

// `analysis` must come from `analyzer` on `text`.
ReplyFacts FactsFor(const Analyzer& analyzer, const Analysis& analysis, std::string_view text,
                    const ReplyContext& context);

}  // namespace amends::summary
