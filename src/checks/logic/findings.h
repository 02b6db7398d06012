// Checks stage: the findings the logic kinds (src/checks/logic/) make.
#pragma once

#include "checks/check_def.h"
#include "checks/evaluate.h"
#include "rules/lexicon.h"
#include "rules/matcher.h"
#include "text/document.h"

namespace amends {

// `hit` as a finding: its rule's message and suggestion, else the check's.
Finding FindingFor(const CheckDef& check, const Lexicon& lexicon, const Hit& hit);

// Where to insert what is missing: the first word of the body, after any
// @handles and the greeting; the check's message and suggestion.
Finding MissingFinding(const CheckDef& check, const Document& doc);

}  // namespace amends
