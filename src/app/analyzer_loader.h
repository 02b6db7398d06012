// The front door: an analyzer as a program's options ask for it (built-in
// lexicon or a folder, the team configuration, --only / --skip). The CLI
// and the server both load through here.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/analyzer.h"
#include "checks/selection.h"
#include "config/config.h"

namespace amends::app {

struct LoadOptions {
  std::string lexicons;    // a lexicon folder instead of the built-in one
  std::string config;      // a configuration file; "" looks for amends.conf
  std::string config_dir;  // where to look for amends.conf; "": the working directory
  bool no_config = false;
  // A configuration applied after the file's, as if written below it: its
  // rule folders load after the file's, its checks override the file's
  // (an editor's settings, lsp/server.h). Null: none.
  const Config* extra_config = nullptr;
  CheckSelection selection;
  // Whether the built-in rules keep their `fire`/`pass` examples (see
  // Analyzer::Load): only `lexicon test` and `explain` read them, so
  // checking, auditing and serving start faster without.
  bool rule_examples = true;
};

// The lexicon files the options name, in load order: the built-in ones (with
// their compiled image) or `lexicons`, then the team configuration's rule
// folders (the configuration is found in `config_dir`, by default the
// working directory).
struct LexiconSources {
  std::vector<LexiconFile> files;
  std::string_view image;  // the built-in image, or empty
  Config config;
};
// Returns false with `*error` set (ready to print, "amends: …" or
// "file:line: …") when a folder or the configuration cannot be read.
bool GatherLexicon(const LoadOptions& options, LexiconSources* out, std::string* error);

// Loads, configures and selects. Returns null with `*error` set (one or
// more lines ready to print, file:line where a file is at fault).
std::unique_ptr<Analyzer> LoadAnalyzer(const LoadOptions& options, std::string* error);

}  // namespace amends::app
