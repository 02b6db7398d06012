// Shared helpers for the libFuzzer harnesses in fuzz/ (see docs/fuzzing.md).
//
// A harness is one file, fuzz/NAME_fuzzer.cc, that defines
// LLVMFuzzerTestOneInput and includes this header; fuzz/CMakeLists.txt builds
// it twice: as a libFuzzer binary (AMENDS_FUZZ=ON, clang) and as a replay
// binary that runs fuzz/regressions/NAME/ and the seeds in every build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/analyzer.h"
#include "report/json_report.h"

namespace amends::fuzz {

// Separates the parts of one input ("draft SEP customer message SEP name").
// Seeds without it are a draft alone.
inline constexpr std::string_view kPartSeparator = "\n\x1e\n";

inline std::vector<std::string_view> SplitParts(std::string_view data, size_t max_parts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    size_t at = data.find(kPartSeparator);
    if (at == std::string_view::npos) break;
    parts.push_back(data.substr(0, at));
    data.remove_prefix(at + kPartSeparator.size());
  }
  parts.push_back(data);
  return parts;
}

// The built-in lexicon, loaded once. Aborts if it does not load: that is a
// bug in lexicons/en, not something to fuzz.
inline const Analyzer& EmbeddedAnalyzer() {
  static const Analyzer* analyzer = [] {
    std::string error;
    auto a = Analyzer::Load(EmbeddedLexiconFiles(), &error);
    if (!a) {
      std::fprintf(stderr, "the built-in lexicon does not load:\n%s\n", error.c_str());
      std::abort();
    }
    return a.release();
  }();
  return *analyzer;
}

// The embedded files whose names end with `suffix` (".rules", "checks.def",
// ".list").
inline std::vector<LexiconFile> EmbeddedFilesEndingWith(std::string_view suffix) {
  std::vector<LexiconFile> out;
  for (LexiconFile& f : EmbeddedLexiconFiles())
    if (f.name.size() >= suffix.size() &&
        f.name.compare(f.name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(std::move(f));
  return out;
}

// Runs the whole pipeline on a draft that must be valid UTF-8 and renders
// the checklist as the CLI does, checking the invariants every consumer
// relies on: spans inside the text, on character boundaries.
void AnalyzeAndRender(const Analyzer& analyzer, const Request& request);

}  // namespace amends::fuzz
