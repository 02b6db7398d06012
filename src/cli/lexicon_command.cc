#include <cstdio>

#include "cli/commands.h"
#include "cli/load.h"
#include "rules/lint.h"
#include "util/utf8.h"

namespace amends::cli {

namespace {

// The lint findings of the rule and macro files the options name.
std::vector<std::string> LintSources(const CommonOptions& common) {
  LexiconSources sources;
  std::string error;
  if (!GatherLexicon(common, &sources, &error)) return {};  // LoadAnalyzer said why
  std::vector<BlockFile> parsed;
  for (const LexiconFile& f : sources.files) {
    if (!IsMacroFile(f.name) && !(f.name.size() >= 6 && f.name.ends_with(".rules"))) continue;
    BlockFile b;
    if (ParseBlockFile(f.name, f.content, &b, &error)) parsed.push_back(std::move(b));
  }
  return LintLexicon(parsed);
}

}  // namespace

int RunLexiconTest(const CommonOptions& common) {
  auto analyzer = LoadAnalyzer(common, /*rule_examples=*/true);
  if (!analyzer) return kExitError;
  std::vector<std::string> failures;
  int passed = RunRuleExamples(*analyzer, &failures);
  for (const std::string& f : failures) std::printf("%s\n", EscapeControls(f).c_str());
  std::vector<std::string> lints = LintSources(common);
  for (const std::string& l : lints) std::printf("%s\n", EscapeControls(l).c_str());
  std::printf("%zu rules, %zu checks: %d examples passed, %zu failed; %zu lint findings\n",
              analyzer->lexicon().rules.size(), analyzer->checks().checks.size(), passed,
              failures.size(), lints.size());
  return failures.empty() && lints.empty() ? kExitReady : kExitNeedsFix;
}

}  // namespace amends::cli
