#pragma once

#include <memory>
#include <string>

#include "analyzer/analyzer.h"
#include "cli/commands.h"
#include "config/config.h"

namespace amends::cli {

// The lexicon files the options name, in load order: the built-in ones (with
// their compiled image) or --lexicons DIR, then the team configuration's
// rule folders. Returns false with `*error` set (ready to print) when a
// folder or the configuration cannot be read.
struct LexiconSources {
  std::vector<LexiconFile> files;
  std::string_view image;  // the built-in image, or empty
  Config config;
};
bool GatherLexicon(const CommonOptions& options, LexiconSources* out, std::string* error);

// The analyzer as the options ask for it: the built-in lexicon or
// --lexicons DIR, plus the team configuration (--config, or amends.conf in
// the working directory) with its extra rule folders and check overrides,
// then --only / --skip.
// Prints errors to stderr and returns null on failure.
//
// The analyzer is never freed: it lives until the process exits, and
// tearing down a lexicon's allocations at exit is wasted work (about 7 % of
// checking one draft).
const Analyzer* LoadAnalyzer(const CommonOptions& options);

}  // namespace amends::cli
