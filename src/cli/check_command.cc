#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli/commands.h"
#include "app/prepare_input.h"
#include "email/email_json.h"
#include "cli/load.h"
#include "input/blank.h"
#include "input/encoding.h"
#include "input/source.h"
#include "report/json_report.h"
#include "report/text_report.h"
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
      !DecodeSource(encoding, source, &decoded_from, &error) ||
      !ValidateSource(source, &error)) {
    std::fprintf(stderr, "amends: %s\n", WithEncodingHint(error).c_str());
    return false;
  }
  return true;
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
  request.force_recovery = ForcedRecovery(options.situation);
  request.assume_english = common.language == "en";
  Analysis analysis = analyzer->Analyze(request);

  std::string out;
  if (options.format == "json") {
    nlohmann::ordered_json json =
        ChecklistJson(*analyzer, analysis, ReportOptions{common.max_findings});
    if (prepared.is_email)
      email::AddEmailJson(prepared.reply, !options.customer_message_file.empty(), &json);
    out = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  } else {
    TextReportOptions text;
    text.color = options.color == "always" ||
                 (options.color == "auto" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
    text.show_passes = options.all;
    text.report.max_findings = common.max_findings;
    out = app::EmailSummary(prepared) + TextReport(*analyzer, analysis, draft.name, text);
  }
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "amends: cannot write the report\n");
    return kExitError;
  }
  return analysis.ready_to_send ? kExitReady : kExitNeedsFix;
}

}  // namespace amends::cli
