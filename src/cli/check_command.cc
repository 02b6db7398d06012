#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "app/fix.h"
#include "app/prepare_input.h"
#include "cli/commands.h"
#include "cli/load.h"
#include "input/blank.h"
#include "input/encoding.h"
#include "input/source.h"
#include "report/positions.h"
#include "report/sink.h"
#include "util/utf8.h"

namespace amends::cli {

std::optional<bool> ForcedRecovery(const std::string& situation) {
  if (situation == "recovery") return true;
  if (situation == "routine") return false;
  return std::nullopt;
}

namespace {
bool ReadValid(const std::string& path, size_t max_bytes, const std::string& encoding,
               Source* source) {
  std::string error, decoded_from;
  if (!ReadSource(path, InputLimits{max_bytes}, source, &error) ||
      !DecodeSource(encoding, source, &decoded_from, &error) || !ValidateSource(source, &error)) {
    std::fprintf(stderr, "amends: %s\n", WithEncodingHint(error).c_str());
    return false;
  }
  return true;
}
// --fix: the draft with every non-overlapping replacement on stdout, the
// overlapping ones named on stderr.
int WriteFixed(const std::string& name, const Request& request, const Analysis& analysis) {
  app::FixPlan plan = app::PlanFixes(analysis);
  std::string out = app::ApplyFixes(request.text, plan);
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "amends: cannot write the fixed draft\n");
    return kExitError;
  }
  PositionIndex index(request.text, request.begin);
  for (const app::PlannedEdit& e : plan.skipped) {
    Position p = index.At(e.finding->span.start);
    std::fprintf(stderr, "amends: %s:%u:%u: %s: not applied: overlaps an earlier replacement\n",
                 EscapeControls(name).c_str(), p.line, p.column, e.result->check->id.c_str());
  }
  return kExitReady;
}

}  // namespace

int RunCheck(const CommonOptions& common, const CheckOptions& options) {
  auto analyzer = LoadAnalyzer(common);
  if (!analyzer) return kExitError;
  if (options.file == "-" && isatty(STDIN_FILENO))
    std::fprintf(stderr, "amends: reading the draft from the terminal (end with Ctrl-D)\n");
  Source draft;
  std::string error;
  std::string decoded_from;  // UTF-16 with a byte-order mark, or --encoding
  if (!ReadSource(options.file, InputLimits{common.max_bytes}, &draft, &error) ||
      !DecodeSource(options.encoding, &draft, &decoded_from, &error)) {
    std::fprintf(stderr, "amends: %s\n", error.c_str());
    return kExitError;
  }
  Source customer;
  Request request;
  if (!options.customer_message_file.empty()) {
    if (!ReadValid(options.customer_message_file, common.max_bytes, options.encoding, &customer))
      return kExitError;
    request.customer_message = std::string_view(customer.bytes).substr(customer.begin);
  }
  request.customer_name = options.customer_name;
  app::PreparedInput prepared;  // a bare draft, or a whole email message
  if (!app::PrepareInput(options.input, &draft, &prepared, &request, &error)) {
    std::fprintf(stderr, "amends: %s\n", WithEncodingHint(error).c_str());
    return kExitError;
  }
  if (IsBlank(request.text.substr(request.begin))) {
    std::fprintf(stderr, "amends: %s: nothing to check: the draft is empty\n",
                 EscapeControls(draft.name).c_str());
    return kExitError;
  }
  if (options.fix && prepared.is_email) {
    std::fprintf(stderr,
                 "amends: %s: --fix rewrites a bare draft, not an email message "
                 "(give the reply text, or --input text)\n",
                 EscapeControls(draft.name).c_str());
    return kExitError;
  }
  request.force_recovery = ForcedRecovery(options.situation);
  request.assume_english = common.language == "en";
  request.keep_findings = common.max_findings;  // what the report can show
  if (options.fix) request.keep_findings = 0;   // every replacement, not the report's cap
  Analysis analysis = analyzer->Analyze(request);
  if (options.fix) return WriteFixed(draft.name, request, analysis);

  const SinkKind* kind = FindSink(options.format);
  if (!kind) {  // main checks --format against the same table
    std::fprintf(stderr, "amends: unknown --format %s\n", EscapeControls(options.format).c_str());
    return kExitError;
  }
  std::string preamble = app::EmailSummary(prepared);
  SinkInput input{*analyzer, analysis, draft.name, ReportOptions{common.max_findings}};
  if (prepared.is_email) input.email = &prepared.reply;
  input.customer_message_given = !options.customer_message_file.empty();
  input.preamble = preamble;
  input.color = options.color == "always" ||
                (options.color == "auto" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
  input.show_passes = options.all;
  std::string out;
  kind->make()->Write(input, &out);
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "amends: cannot write the report\n");
    return kExitError;
  }
  return analysis.ready_to_send ? kExitReady : kExitNeedsFix;
}

}  // namespace amends::cli
