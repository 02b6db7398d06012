#include "checks/logic/findings.h"

#include <algorithm>

namespace amends {

Finding FindingFor(const CheckDef& check, const Lexicon& lexicon, const Hit& hit) {
  const Rule& rule = lexicon.rules[hit.rule];
  return Finding{hit.span, rule.message.empty() ? check.message : rule.message,
                 rule.suggestion.empty() ? check.suggestion : rule.suggestion,
                 static_cast<int>(hit.rule)};
}

Finding MissingFinding(const CheckDef& check, const Document& doc) {
  uint32_t after = std::max({doc.begin, doc.handles.end, doc.greeting.end});
  uint32_t at = after;
  for (uint32_t w : doc.words) {
    if (doc.tokens[w].start >= after) {
      at = doc.tokens[w].start;
      break;
    }
  }
  return Finding{{at, at}, check.message, check.suggestion, -1};
}

}  // namespace amends
