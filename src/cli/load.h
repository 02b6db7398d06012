#pragma once

#include <string>

#include "analyzer/analyzer.h"
#include "app/analyzer_loader.h"
#include "cli/commands.h"

namespace amends::cli {

// What of the common options the front door (app/analyzer_loader.h) reads.
// The rules come without their examples (`rule_examples` false): only
// `lexicon test` and `explain` show them, and they ask (LoadAnalyzer).
app::LoadOptions LoadOptionsOf(const CommonOptions& options);

// app::GatherLexicon with the command's options.
using app::LexiconSources;
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
//
// `rule_examples`: whether the rules keep their `fire`/`pass` examples
// (app::LoadOptions); only `lexicon test` and `explain` need them.
const Analyzer* LoadAnalyzer(const CommonOptions& options, bool rule_examples = false);

}  // namespace amends::cli
