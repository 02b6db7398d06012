// `amends audit`: every reply of an export checked, one JSON line each, in
// input order; optionally a summary JSON and an HTML report.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "cli/commands.h"
#include "cli/load.h"
#include "export/audit_pipeline.h"
#include "export/reader.h"
#include "summary/facts.h"
#include "summary/html_report.h"
#include "util/utf8.h"

namespace amends::cli {
namespace {

bool WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) {
    std::fprintf(stderr, "amends: %s: cannot write: %s\n", EscapeControls(path).c_str(),
                 std::strerror(errno));
    return false;
  }
  return true;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t comma; (comma = s.find(',', start)) != std::string::npos; start = comma + 1)
    out.push_back(s.substr(start, comma - start));
  out.push_back(s.substr(start));
  return out;
}

// Why an audit found no reply to check, and what to do about it.
std::string NothingCheckedReason(const exports::RecordSource& source,
                                 const exports::AuditTotals& totals, const AuditOptions& options) {
  if (source.unknown_roles())
    return "no author roles: " + std::to_string(source.unknown_roles()) +
           " comments have an author the export does not describe; side-load users "
           "(?include=users) or pass --users FILE";
  if (totals.errors) return "every record was unreadable (see the errors above)";
  if (source.format().split == exports::Split::kCsvRows)
    return options.role_col.empty()
               ? "no row has text to check; name the reply column with --text-col"
               : "no row has an agent's role in the role column; list them with --agent-roles";
  return "no agent reply in " + source.name() + "; is it empty, or in another format than " +
         std::string(source.format().name) + " (--input FORMAT)?";
}

}  // namespace

int RunAudit(const CommonOptions& common, const AuditOptions& options) {
  exports::ReaderOptions reader;
  if (options.input != "auto") reader.format = exports::FindFormat(options.input);
  reader.max_bytes = common.max_bytes;
  reader.users_file = options.users_file;
  auto& csv = reader.csv;
  if (!options.text_col.empty()) csv.text = options.text_col;
  csv.id = options.id_col;
  csv.customer_name = options.name_col;
  csv.customer_message = options.message_col;
  csv.agent = options.agent_col;
  csv.team = options.team_col;
  csv.date = options.date_col;
  csv.role = options.role_col;
  csv.ticket = options.ticket_col;
  if (!options.agent_roles.empty()) csv.agent_roles = SplitComma(options.agent_roles);
  if (!options.note_roles.empty()) csv.note_roles = SplitComma(options.note_roles);
  if (options.delimiter == "tab" || options.delimiter == "\\t") csv.delimiter = '\t';
  else if (options.delimiter.size() == 1) csv.delimiter = options.delimiter[0];
  else {
    std::fprintf(stderr, "amends: --delimiter must be one character or \"tab\"\n");
    return kExitError;
  }

  // A bad names file is found before an hour of auditing, not after.
  summary::HtmlOptions html;
  std::string error;
  if (!options.team_names_file.empty() &&
      !summary::ReadTeamNames(options.team_names_file, &html.team_names, &error)) {
    std::fprintf(stderr, "amends: %s\n", EscapeControls(error).c_str());
    return kExitError;
  }
  auto analyzer = LoadAnalyzer(common);
  if (!analyzer) return kExitError;
  reader.groups = !options.summary_file.empty() || !options.html_file.empty();
  auto source = exports::RecordSource::Open(options.file, reader, &error);
  if (!source) {
    std::fprintf(stderr, "amends: %s\n", EscapeControls(error).c_str());
    return kExitError;
  }
  summary::Summary totals_summary(summary::CheckInfos(*analyzer), options.review_count);
  bool want_summary = !options.summary_file.empty() || !options.html_file.empty();

  exports::AuditRun run;
  run.force_recovery = ForcedRecovery(options.situation);
  run.assume_english = common.language == "en";
  run.summary = want_summary ? &totals_summary : nullptr;
  run.progress = options.progress || isatty(STDERR_FILENO);
  run.threads = options.threads;
  run.report.max_findings = common.max_findings;
  run.compact = options.compact;
  run.max_record =
      std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(options.max_record_ms));
  exports::AuditTotals totals = exports::RunAuditPipeline(*analyzer, *source, run);

  if (!totals.write_failed && std::fflush(stdout) != 0) {
    totals.write_failed = true;
    totals.write_errno = errno;
  }
  if (totals.write_failed) {
    // oneTBB's worker threads block signals, so a write from one of them to
    // a closed pipe fails with EPIPE instead of raising SIGPIPE. Behave as a
    // filter should: die of SIGPIPE unless it is ignored.
    struct sigaction action;
    if (totals.write_errno == EPIPE && sigaction(SIGPIPE, nullptr, &action) == 0 &&
        action.sa_handler == SIG_DFL)
      raise(SIGPIPE);
    std::fprintf(stderr, "amends: cannot write output: %s\n", std::strerror(totals.write_errno));
    return kExitError;
  }
  if (source->failed()) {
    std::fprintf(stderr, "amends: %s: read error after line %zu\n",
                 EscapeControls(source->name()).c_str(), source->line());
    return kExitError;
  }
  // An audit that checked no reply must not read as a clean export.
  const std::string empty_reason =
      totals.replies ? "" : NothingCheckedReason(*source, totals, options);
  if (!options.summary_file.empty() &&
      !WriteFile(options.summary_file, totals_summary.ToJson().dump(2) + "\n"))
    return kExitError;
  if (!options.html_file.empty()) {
    html.empty_reason = empty_reason;
    html.source =
        "amends audit of " + source->name() + " (" + std::string(source->format().name) + ")";
    if (!WriteFile(options.html_file, summary::HtmlReport(totals_summary, html))) return kExitError;
  }
  std::vector<std::string> ran, not_run;
  for (const CheckDef& c : analyzer->checks().checks) (c.enabled ? ran : not_run).push_back(c.id);
  if (std::string note = ChecksRunNote(ran, not_run); !note.empty())
    std::fprintf(stderr, "amends: %s\n", note.c_str());
  std::fprintf(stderr,
               "amends: %llu replies checked, %llu need a fix, %llu bad records "
               "(%llu records out)\n",
               static_cast<unsigned long long>(totals.replies),
               static_cast<unsigned long long>(totals.needs_fix),
               static_cast<unsigned long long>(totals.errors),
               static_cast<unsigned long long>(totals.records()));
  if (!empty_reason.empty()) {
    std::fprintf(stderr, "amends: this audit checked nothing: %s\n",
                 EscapeControls(empty_reason).c_str());
    return kExitError;
  }
  if (totals.errors) return kExitError;
  return totals.needs_fix ? kExitNeedsFix : kExitReady;
}

}  // namespace amends::cli
