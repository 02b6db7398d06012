// checks.def: Analyzer::Load on a fuzzed checks.def with the built-in rule
// files and name lists; when it loads, a few drafts are analysed with it.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends;
  static const std::vector<LexiconFile> fixed = [] {
    auto files = fuzz::EmbeddedFilesEndingWith(".rules");
    for (auto& f : fuzz::EmbeddedFilesEndingWith(".list")) files.push_back(std::move(f));
    return files;
  }();
  std::vector<LexiconFile> files;
  // checks.def first: when it does not parse, the rule files are not compiled.
  files.push_back({"team/checks.def", std::string(reinterpret_cast<const char*>(data), size)});
  files.insert(files.end(), fixed.begin(), fixed.end());
  std::string error;
  auto analyzer = Analyzer::Load(files, &error);
  if (!analyzer) {
    if (error.find(':') == std::string::npos) {
      std::fprintf(stderr, "load error without a location:\n%s\n", error.c_str());
      std::abort();
    }
    return 0;
  }
  static const char* kDrafts[] = {
      "Hi Mary,\n\nWe're so sorry for the delay, but the courier lost it. Sorry for any "
      "inconvenience.\n\nBest,\nSam",
      "Dear valued customer, per our policy we cannot refund. Thanks!",
  };
  for (const char* d : kDrafts) {
    for (int forced = 0; forced < 2; ++forced) {
      Request request;
      request.text = d;
      request.customer_name = "Mary";
      if (forced) request.force_recovery = true;
      fuzz::AnalyzeAndRender(*analyzer, request);
    }
  }
  return 0;
}
