#include "cli/load.h"

#include <cstdio>
#include <filesystem>

#include "config/config.h"

namespace amends::cli {

bool GatherLexicon(const CommonOptions& options, LexiconSources* out, std::string* error) {
  if (options.lexicons.empty()) {
    out->files = EmbeddedLexiconFiles();
    out->image = EmbeddedLexiconImage();
  } else if (!ReadLexiconDir(options.lexicons, &out->files, error)) {
    *error = "amends: " + *error;
    return false;
  }
  if (!options.no_config) {
    std::string path = FindConfigFile(options.config, std::filesystem::current_path().string());
    if (!path.empty() && !LoadConfig(path, &out->config, error)) return false;
  }
  for (const std::string& dir : out->config.lexicon_dirs) {
    std::vector<LexiconFile> extra;
    if (!ReadLexiconDir(dir, &extra, error)) {
      *error = "amends: " + *error;
      return false;
    }
    for (LexiconFile& f : extra) {
      if (f.name.size() >= 10 && f.name.compare(f.name.size() - 10, 10, "checks.def") == 0) {
        *error = "amends: " + f.name + ": a team lexicon adds rules, not checks";
        return false;
      }
      out->files.push_back(std::move(f));
    }
  }
  return true;
}

const Analyzer* LoadAnalyzer(const CommonOptions& options) {
  std::string error;
  auto fail = [&](const std::string& what) {
    std::fprintf(stderr, "%s\n", what.c_str());
    return nullptr;
  };
  LexiconSources sources;
  if (!GatherLexicon(options, &sources, &error)) return fail(error);
  auto analyzer = Analyzer::Load(sources.files, &error, sources.image);
  if (!analyzer) return fail(error + "\namends: the lexicon did not load");
  if (!analyzer->Configure(sources.config, &error)) return fail(error);
  if (!analyzer->Select(options.selection, &error)) return fail("amends: " + error);
  // Reachable from a static, so leak checkers do not count it.
  static std::vector<std::unique_ptr<Analyzer>>* kept =
      new std::vector<std::unique_ptr<Analyzer>>();
  kept->push_back(std::move(analyzer));
  return kept->back().get();
}

}  // namespace amends::cli
