// `amends eval LABELS REPLIES`: the accuracy table for a labeled set, so a
// team can measure its own lexicon and configuration the same way.
#include <cstdio>
#include <fstream>

#include "cli/commands.h"
#include "cli/load.h"
#include "eval/scoring.h"
#include "input/jsonl_record.h"
#include "report/json_report.h"

namespace amends::cli {

int RunEval(const CommonOptions& common, const EvalOptions& options) {
  auto analyzer = LoadAnalyzer(common);
  if (!analyzer) return kExitError;
  std::map<std::string, Labels> labels;
  {
    std::ifstream in(options.labels);
    if (!in) {
      std::fprintf(stderr, "amends: %s: cannot read\n", options.labels.c_str());
      return kExitError;
    }
    std::string line, id, error;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Labels l;
      if (!ParseLabels(line, &id, &l, &error)) {
        std::fprintf(stderr, "amends: %s:%d: %s\n", options.labels.c_str(), n, error.c_str());
        return kExitError;
      }
      labels[id] = std::move(l);
    }
  }
  std::ifstream in(options.replies);
  if (!in) {
    std::fprintf(stderr, "amends: %s: cannot read\n", options.replies.c_str());
    return kExitError;
  }
  Scorer scorer;
  std::string line, error;
  size_t missing = 0;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    AuditRecord record;
    if (!ParseAuditRecord(line, &record, &error)) {
      std::fprintf(stderr, "amends: %s:%d: %s\n", options.replies.c_str(), n, error.c_str());
      return kExitError;
    }
    std::string id = record.id.is_string() ? record.id.get<std::string>() : record.id.dump();
    auto it = labels.find(id);
    if (it == labels.end()) {
      ++missing;
      continue;
    }
    Request request;
    request.text = record.text;
    if (record.customer_message && !options.without_customer_message)
      request.customer_message = *record.customer_message;
    request.customer_name = record.customer_name;
    request.assume_english = common.language == "en";
    Analysis analysis = analyzer->Analyze(request);
    std::vector<std::pair<std::string, std::string>> statuses;
    for (const CheckResult& r : analysis.checklist)
      statuses.emplace_back(r.check->id, StatusName(r.status));
    scorer.Add(it->second, statuses, analysis.situation.recovery);
  }
  if (missing)
    std::fprintf(stderr, "amends: %zu replies have no labels and were not scored\n", missing);
  if (options.format == "json") std::printf("%s\n", scorer.Json().dump(1).c_str());
  else std::printf("%s", scorer.Table().c_str());
  return kExitReady;
}

}  // namespace amends::cli
