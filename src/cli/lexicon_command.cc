#include <cstdio>

#include "cli/commands.h"
#include "cli/load.h"
#include "util/utf8.h"

namespace amends::cli {

int RunLexiconTest(const CommonOptions& common) {
  auto analyzer = LoadAnalyzer(common);
  if (!analyzer) return kExitError;
  std::vector<std::string> failures;
  int passed = RunRuleExamples(*analyzer, &failures);
  for (const std::string& f : failures) std::printf("%s\n", EscapeControls(f).c_str());
  std::printf("%zu rules, %zu checks: %d examples passed, %zu failed\n",
              analyzer->lexicon().rules.size(), analyzer->checks().checks.size(), passed,
              failures.size());
  return failures.empty() ? kExitReady : kExitNeedsFix;
}

}  // namespace amends::cli
