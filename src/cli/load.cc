#include "cli/load.h"

#include <cstdio>

namespace amends::cli {

app::LoadOptions LoadOptionsOf(const CommonOptions& options) {
  app::LoadOptions out;
  out.lexicons = options.lexicons;
  out.config = options.config;
  out.no_config = options.no_config;
  out.selection = options.selection;
  out.rule_examples = false;
  return out;
}

bool GatherLexicon(const CommonOptions& options, LexiconSources* out, std::string* error) {
  return app::GatherLexicon(LoadOptionsOf(options), out, error);
}

const Analyzer* LoadAnalyzer(const CommonOptions& options, bool rule_examples) {
  std::string error;
  app::LoadOptions load = LoadOptionsOf(options);
  load.rule_examples = rule_examples;
  auto analyzer = app::LoadAnalyzer(load, &error);
  if (!analyzer) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return nullptr;
  }
  // Reachable from a static, so leak checkers do not count it.
  static std::vector<std::unique_ptr<Analyzer>>* kept =
      new std::vector<std::unique_ptr<Analyzer>>();
  kept->push_back(std::move(analyzer));
  return kept->back().get();
}

}  // namespace amends::cli
