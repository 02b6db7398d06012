#include "cli/load.h"

#include <cstdio>
#include <filesystem>

#include "config/config.h"

namespace amends::cli {

const Analyzer* LoadAnalyzer(const CommonOptions& options) {
  std::vector<LexiconFile> files;
  std::string error;
  auto fail = [&](const std::string& what) {
    std::fprintf(stderr, "%s\n", what.c_str());
    return nullptr;
  };
  std::string_view image;
  if (options.lexicons.empty()) {
    files = EmbeddedLexiconFiles();
    image = EmbeddedLexiconImage();
  } else if (!ReadLexiconDir(options.lexicons, &files, &error)) {
    return fail("amends: " + error);
  }
  Config config;
  if (!options.no_config) {
    std::string path = FindConfigFile(options.config, std::filesystem::current_path().string());
    if (!path.empty() && !LoadConfig(path, &config, &error)) return fail(error);
  }
  for (const std::string& dir : config.lexicon_dirs) {
    std::vector<LexiconFile> extra;
    if (!ReadLexiconDir(dir, &extra, &error)) return fail("amends: " + error);
    for (LexiconFile& f : extra) {
      if (f.name.size() >= 10 && f.name.compare(f.name.size() - 10, 10, "checks.def") == 0)
        return fail("amends: " + f.name + ": a team lexicon adds rules, not checks");
      files.push_back(std::move(f));
    }
  }
  auto analyzer = Analyzer::Load(files, &error, image);
  if (!analyzer) return fail(error + "\namends: the lexicon did not load");
  if (!analyzer->Configure(config, &error)) return fail(error);
  // Reachable from a static, so leak checkers do not count it.
  static std::vector<std::unique_ptr<Analyzer>>* kept =
      new std::vector<std::unique_ptr<Analyzer>>();
  kept->push_back(std::move(analyzer));
  return kept->back().get();
}

}  // namespace amends::cli
