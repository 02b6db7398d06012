#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/commands.h"
#include "cli/load.h"
#include "input/jsonl_record.h"
#include "input/source.h"
#include "report/json_report.h"

namespace amends::cli {
namespace {

// Reads one line (without its '\n') of at most `max` bytes. A longer line is
// consumed to its end and reported through `*too_long`. Returns false at EOF.
bool ReadLine(FILE* in, size_t max, std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  for (int c; (c = std::getc(in)) != EOF;) {
    any = true;
    if (c == '\n') return true;
    if (line->size() < max) line->push_back(static_cast<char>(c));
    else *too_long = true;
  }
  return any;
}

bool Blank(const std::string& s) {
  return s.find_first_not_of(" \t\r") == std::string::npos;
}

}  // namespace

int RunAudit(const CommonOptions& common, const AuditOptions& options) {
  auto analyzer = LoadAnalyzer(common);
  if (!analyzer) return kExitError;
  FILE* in = stdin;
  std::string name = "<stdin>";
  if (options.file != "-") {
    name = options.file;
    in = std::fopen(options.file.c_str(), "rb");
    if (!in) {
      std::fprintf(stderr, "amends: %s: %s\n", name.c_str(), std::strerror(errno));
      return kExitError;
    }
  }
  const std::optional<bool> forced = ForcedRecovery(options.situation);
  std::string line;
  bool too_long = false;
  size_t lineno = 0, replies = 0, errors = 0, needs_fix = 0;
  while (ReadLine(in, common.max_bytes, &line, &too_long)) {
    ++lineno;
    if (!too_long && Blank(line)) continue;
    nlohmann::ordered_json out;  // error records only
    std::string text;
    AuditRecord record;
    std::string error;
    if (too_long) {
      error = "record is larger than the limit of " + std::to_string(common.max_bytes) +
              " bytes (raise it with --max-bytes)";
    } else if (ParseAuditRecord(line, &record, &error)) {
      Request request;
      request.text = record.text;
      if (record.customer_message) request.customer_message = *record.customer_message;
      request.customer_name = record.customer_name;
      request.force_recovery = forced;
      Analysis analysis = analyzer->Analyze(request);
      AppendChecklistJson(*analyzer, analysis, &text, record.id.dump());
      ++replies;
      if (!analysis.ready_to_send) ++needs_fix;
    }
    if (!error.empty()) {
      ++errors;
      if (!record.id.is_null()) out["id"] = record.id;
      out["line"] = lineno;
      out["error"] = error;
      std::fprintf(stderr, "amends: %s:%zu: %s\n", name.c_str(), lineno, error.c_str());
      text = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    text += '\n';
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
      std::fprintf(stderr, "amends: cannot write output: %s\n", std::strerror(errno));
      if (in != stdin) std::fclose(in);
      return kExitError;
    }
  }
  bool read_failed = std::ferror(in);
  if (in != stdin) std::fclose(in);
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "amends: cannot write output: %s\n", std::strerror(errno));
    return kExitError;
  }
  if (read_failed) {
    std::fprintf(stderr, "amends: %s: read error after line %zu\n", name.c_str(), lineno);
    return kExitError;
  }
  std::fprintf(stderr, "amends: %zu replies checked, %zu need a fix, %zu bad records\n", replies,
               needs_fix, errors);
  if (errors) return kExitError;
  return needs_fix ? kExitNeedsFix : kExitReady;
}

}  // namespace amends::cli
