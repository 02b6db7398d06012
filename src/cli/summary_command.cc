// `amends summary merge`: shard summaries added up into one, exactly as if
// the shards had been one run; optionally the HTML report of the result.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "summary/html_report.h"
#include "summary/summary.h"
#include "util/utf8.h"

namespace amends::cli {

int RunSummaryMerge(const SummaryMergeOptions& options) {
  summary::HtmlOptions html;
  std::string names_error;
  if (!options.team_names_file.empty() &&
      !summary::ReadTeamNames(options.team_names_file, &html.team_names, &names_error)) {
    std::fprintf(stderr, "amends: %s\n", EscapeControls(names_error).c_str());
    return kExitError;
  }
  summary::Summary merged;
  bool first = true;
  for (const std::string& path : options.files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
      std::fprintf(stderr, "amends: %s: cannot read\n", EscapeControls(path).c_str());
      return kExitError;
    }
    nlohmann::json j = nlohmann::json::parse(bytes.str(), nullptr, false);
    summary::Summary one;
    std::string error = "not JSON";
    if (j.is_discarded() || !summary::Summary::FromJson(j, &one, &error)) {
      std::fprintf(stderr, "amends: %s: %s\n", EscapeControls(path).c_str(),
                   EscapeControls(error).c_str());
      return kExitError;
    }
    if (first) merged = std::move(one);
    else merged.Merge(one);
    first = false;
  }
  merged.Merge(summary::Summary());  // settles the review list
  std::string json = merged.ToJson().dump(2) + "\n";
  if (options.output.empty() || options.output == "-") {
    std::fwrite(json.data(), 1, json.size(), stdout);
  } else {
    std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
    out << json;
    if (!out) {
      std::fprintf(stderr, "amends: %s: cannot write\n", EscapeControls(options.output).c_str());
      return kExitError;
    }
  }
  if (!options.html.empty()) {
    html.source = "merged from " + std::to_string(options.files.size()) + " summaries";
    std::ofstream out(options.html, std::ios::binary | std::ios::trunc);
    out << summary::HtmlReport(merged, html);
    if (!out) {
      std::fprintf(stderr, "amends: %s: cannot write\n", EscapeControls(options.html).c_str());
      return kExitError;
    }
  }
  return std::fflush(stdout) == 0 ? kExitReady : kExitError;
}

}  // namespace amends::cli
