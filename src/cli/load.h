#pragma once

#include <memory>
#include <string>

#include "analyzer/analyzer.h"
#include "cli/commands.h"

namespace amends::cli {

// The analyzer as the options ask for it: the built-in lexicon or
// --lexicons DIR, plus the team configuration (--config, or amends.conf in
// the working directory) with its extra rule folders and check overrides.
// Prints errors to stderr and returns null on failure.
std::unique_ptr<Analyzer> LoadAnalyzer(const CommonOptions& options);

}  // namespace amends::cli
