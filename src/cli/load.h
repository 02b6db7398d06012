#pragma once

#include <memory>
#include <string>

#include "analyzer/analyzer.h"

namespace amends::cli {

// The built-in lexicon, or the folder `dir` when it is not empty. Prints
// the load error to stderr and returns null on failure.
std::unique_ptr<Analyzer> LoadAnalyzer(const std::string& dir);

}  // namespace amends::cli
