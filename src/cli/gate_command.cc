// `amends gate -- COMMAND ARGS…`: a drop-in in front of sendmail. Reads the
// message from stdin, prints its checklist on stderr, and either refuses
// (nothing is sent) or hands the exact bytes read to COMMAND on its stdin.
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "app/prepare_input.h"
#include "cli/commands.h"
#include "cli/load.h"
#include "email/message.h"
#include "input/blank.h"
#include "input/source.h"
#include "report/sink.h"

namespace amends::cli {
namespace {

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Puts `bytes` on stdin as a fresh, rewound file and replaces this process
// with `command`, so the command's exit status is the gate's and nothing
// stands between it and the message. Returns only on failure, with `*error`.
// A memory file (not a pipe) means the command may read at its own pace and
// a command that exits early cannot make us lose track of what was sent.
void ExecWithMessage(const std::vector<std::string>& command, std::string_view bytes,
                     std::string* error) {
  int fd = memfd_create("amends-gate-message", 0);
  if (fd < 0) {
    FILE* tmp = std::tmpfile();  // kernels without memfd
    fd = tmp ? dup(fileno(tmp)) : -1;
  }
  if (fd < 0) {
    *error = std::string("cannot hold the message for the command: ") + std::strerror(errno);
    return;
  }
  if (!WriteAll(fd, bytes) || lseek(fd, 0, SEEK_SET) != 0 || dup2(fd, STDIN_FILENO) < 0) {
    *error = std::string("cannot hand the message to the command: ") + std::strerror(errno);
    close(fd);
    return;
  }
  close(fd);
  std::vector<char*> argv;
  for (const std::string& a : command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(nullptr);
  execvp(argv[0], argv.data());
  *error = "cannot run " + command[0] + ": " + std::strerror(errno);
}

}  // namespace

int RunGate(const CommonOptions& common, const GateOptions& options) {
  if (options.command.empty()) {
    std::fprintf(
        stderr,
        "amends gate: no command to send with (amends gate -- /usr/sbin/sendmail -oi -t)\n");
    return kExitError;
  }
  Source message;
  std::string error;
  if (!ReadSource("-", InputLimits{common.max_bytes}, &message, &error)) {
    std::fprintf(stderr, "amends gate: %s\namends gate: not sent\n", error.c_str());
    return kExitError;
  }
  const bool override_header = email::HasOverrideHeader(message.bytes);
  // The checks read a copy: the bytes sent are the bytes read, untouched.
  Source copy = message;
  bool ready = false, checked = false, empty = false;
  auto analyzer = LoadAnalyzer(common);
  if (analyzer) {
    app::PreparedInput prepared;
    Request request;
    request.customer_name = options.customer_name;
    request.force_recovery = ForcedRecovery(options.situation);
    request.assume_english = common.language == "en";
    if (!app::PrepareInput(options.input, &copy, &prepared, &request, &error)) {
      std::fprintf(stderr, "amends gate: %s\n", error.c_str());
    } else if (IsBlank(request.text.substr(request.begin))) {
      std::fprintf(stderr, "amends gate: nothing to check: the message has no reply text\n");
      empty = true;
      checked = ready = options.allow_empty;
    } else {
      request.keep_findings = common.max_findings;  // what the report can show
      Analysis analysis = analyzer->Analyze(request);
      std::string preamble = app::EmailSummary(prepared);
      SinkInput input{*analyzer, analysis, "message", ReportOptions{common.max_findings}};
      input.preamble = preamble;  // no colours: stderr may be a mail log
      std::string report;
      FindSink("text")->make()->Write(input, &report);
      std::fwrite(report.data(), 1, report.size(), stderr);
      ready = analysis.ready_to_send;
      checked = true;
    }
  }
  if (empty && !options.allow_empty) {
    // Not even --warn-only sends it: an empty reply is a slip, not a draft
    // whose checks may be argued with.
    std::fprintf(stderr, "amends gate: not sent: the reply is empty (--allow-empty sends it)\n");
    return kExitError;
  }
  if (!ready) {
    const char* why = checked ? "some check says fix" : "the message could not be checked";
    if (options.warn_only) {
      std::fprintf(stderr, "amends gate: %s; sending anyway (--warn-only)\n", why);
    } else if (override_header) {
      std::fprintf(stderr, "amends gate: %s; sending anyway (X-Amends-Override)\n", why);
    } else {
      std::fprintf(stderr,
                   "amends gate: not sent: %s. Edit the reply, or add the header "
                   "\"X-Amends-Override: yes\" to send it as it is.\n",
                   why);
      return checked ? kExitNeedsFix : kExitError;
    }
  }
  ExecWithMessage(options.command, message.bytes, &error);
  std::fprintf(stderr, "amends gate: %s\namends gate: not sent\n", error.c_str());
  return kExitError;
}

}  // namespace amends::cli
