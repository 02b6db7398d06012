// The analyzer of the built-in lexicon (its sources and image, as the
// binary embeds them), loaded once per test process. Immutable: any test
// may share it.
#pragma once

#include "analyzer/analyzer.h"

namespace amends::testing {

// Fails the calling test (REQUIRE) when the built-in lexicon does not load.
const Analyzer& BuiltInAnalyzer();

}  // namespace amends::testing
