#include "cli/load.h"

#include <cstdio>

namespace amends::cli {

std::unique_ptr<Analyzer> LoadAnalyzer(const std::string& dir) {
  std::vector<LexiconFile> files;
  std::string error;
  if (dir.empty()) {
    files = EmbeddedLexiconFiles();
  } else if (!ReadLexiconDir(dir, &files, &error)) {
    std::fprintf(stderr, "amends: %s\n", error.c_str());
    return nullptr;
  }
  auto analyzer = Analyzer::Load(files, &error);
  if (!analyzer) std::fprintf(stderr, "%s\namends: the lexicon did not load\n", error.c_str());
  return analyzer;
}

}  // namespace amends::cli
