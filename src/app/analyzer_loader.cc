#include "app/analyzer_loader.h"

#include <filesystem>

namespace amends::app {

bool GatherLexicon(const LoadOptions& options, LexiconSources* out, std::string* error) {
  if (options.lexicons.empty()) {
    out->files = EmbeddedLexiconFiles();
    out->image = EmbeddedLexiconImage();
  } else if (!ReadLexiconDir(options.lexicons, &out->files, error)) {
    *error = "amends: " + *error;
    return false;
  }
  if (!options.no_config) {
    std::string path = FindConfigFile(options.config, options.config_dir.empty()
                                                          ? std::filesystem::current_path().string()
                                                          : options.config_dir);
    if (!path.empty() && !LoadConfig(path, &out->config, error)) return false;
  }
  std::vector<std::string> dirs = out->config.lexicon_dirs;
  if (options.extra_config)
    dirs.insert(dirs.end(), options.extra_config->lexicon_dirs.begin(),
                options.extra_config->lexicon_dirs.end());
  for (const std::string& dir : dirs) {
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

std::unique_ptr<Analyzer> LoadAnalyzer(const LoadOptions& options, std::string* error) {
  LexiconSources sources;
  if (!GatherLexicon(options, &sources, error)) return nullptr;
  // The built-in image and files are made together at build time.
  auto analyzer = Analyzer::Load(sources.files, error, sources.image, options.rule_examples,
                                 options.lexicons.empty() ? Analyzer::ImageCheck::kBuiltTogether
                                                          : Analyzer::ImageCheck::kHash);
  if (!analyzer) {
    *error += "\namends: the lexicon did not load";
    return nullptr;
  }
  if (!analyzer->Configure(sources.config, error)) return nullptr;
  if (options.extra_config && !analyzer->Configure(*options.extra_config, error)) return nullptr;
  if (!analyzer->Select(options.selection, error)) {
    *error = "amends: " + *error;
    return nullptr;
  }
  return analyzer;
}

}  // namespace amends::app
