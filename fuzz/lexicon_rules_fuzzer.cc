// A team's rule file: Analyzer::Load on fuzzed rule text with the built-in
// checks.def and name lists; when it loads, its examples run and a few
// drafts are analysed with it.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends;
  static const std::vector<LexiconFile> fixed = [] {
    auto files = fuzz::EmbeddedFilesEndingWith("checks.def");
    for (auto& f : fuzz::EmbeddedFilesEndingWith(".list")) files.push_back(std::move(f));
    return files;
  }();
  std::vector<LexiconFile> files = fixed;
  files.push_back({"team/fuzz.rules", std::string(reinterpret_cast<const char*>(data), size)});
  std::string error;
  auto analyzer = Analyzer::Load(files, &error);
  if (!analyzer) {
    // Every load error names the file and a line.
    if (error.rfind("team/fuzz.rules:", 0) != 0 && error.rfind("no checks.def", 0) != 0) {
      std::fprintf(stderr, "load error without a location:\n%s\n", error.c_str());
      std::abort();
    }
    return 0;
  }
  std::vector<std::string> failures;
  RunRuleExamples(*analyzer, &failures);
  static const char* kDrafts[] = {
      "Hi Mary,\n\nWe're so sorry for the delay, but the courier lost it. Sorry for any "
      "inconvenience.\n\nBest,\nSam",
      "Your invoice is attached. \"I never got it\" you said.\n> quoted line\nThanks!",
  };
  for (const char* d : kDrafts) {
    Request request;
    request.text = d;
    request.customer_message = std::string_view("My parcel never arrived and I want a refund.");
    request.customer_name = "Mary Smith";
    fuzz::AnalyzeAndRender(*analyzer, request);
  }
  return 0;
}
