// CLI stage: each subcommand is a function from parsed options to an exit
// code. Only main() exits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/selection.h"
#include "report/report_options.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace amends::cli {

// Exit codes shared by every command.
inline constexpr int kExitReady = 0;     // nothing to fix
inline constexpr int kExitNeedsFix = 1;  // some check says "fix"
inline constexpr int kExitError = 2;     // usage or input error

struct CommonOptions {
  std::string lexicons;  // a lexicon folder instead of the built-in one
  std::string config;    // --config FILE
  bool no_config = false;
  size_t max_bytes = 64u << 20;
  size_t max_findings = kDefaultMaxFindings;  // per check, in what a report writes
  CheckSelection selection;                   // --only, --skip (check, gate, audit, eval)
  std::string language = "auto";              // --language auto|en (check, gate, audit, eval)
};

struct CheckOptions {
  std::string file = "-";
  std::string format = "text";  // a sink kind: text, json, compact (report/sink.h)
  std::string customer_name;
  std::string customer_message_file;
  std::string situation = "auto";  // auto | recovery | routine
  std::string color = "auto";      // auto | always | never
  bool all = false;
  std::string input = "auto";     // auto | text | email (a whole RFC 5322 message)
  std::string encoding = "auto";  // --encoding NAME (input/encoding.h)
  bool fix = false;               // --fix: print the draft with the literal replacements applied
};

struct AuditOptions {
  std::string file = "-";
  std::string situation = "auto";
  std::string input = "auto";    // a name of exports::Formats(), or auto
  std::string summary_file;      // --summary FILE
  std::string html_file;         // --html FILE
  std::string team_names_file;   // --team-names FILE (summary/team_names.h)
  bool progress = false;         // force the progress bar when stderr is not a terminal
  size_t threads = 0;            // 0: every core
  size_t review_count = 50;      // replies kept for review in the summary
  bool compact = false;          // --compact: only the checks that fired, no fixed texts
  size_t max_record_ms = 10000;  // a reply analysed longer is an error record; 0: no limit
  std::string users_file;        // Zendesk users JSON
  // CSV column mapping (header names or 1-based numbers).
  std::string text_col, id_col, name_col, message_col, agent_col, team_col, date_col, role_col,
      ticket_col, agent_roles, note_roles;
  std::string delimiter = ",";
};

int RunCheck(const CommonOptions& common, const CheckOptions& options);
int RunAudit(const CommonOptions& common, const AuditOptions& options);

struct SummaryMergeOptions {
  std::vector<std::string> files;
  std::string output;           // "" or "-": stdout
  std::string html;             // --html FILE
  std::string team_names_file;  // --team-names FILE
};
int RunSummaryMerge(const SummaryMergeOptions& options);
int RunLexiconTest(const CommonOptions& common);

struct RulesOptions {
  std::string format = "text";  // text | json
};
int RunRules(const CommonOptions& common, const RulesOptions& options);
int RunExplain(const CommonOptions& common, const std::string& check_id);

struct EvalOptions {
  std::string labels;
  std::string replies;
  bool without_customer_message = false;
  std::string format = "text";
};
int RunEval(const CommonOptions& common, const EvalOptions& options);

struct GateOptions {
  std::vector<std::string> command;  // what sends the message (sendmail and its arguments)
  std::string input = "auto";        // auto | text | email
  std::string customer_name;
  std::string situation = "auto";
  bool warn_only = false;    // send even when a check says fix
  bool allow_empty = false;  // send a message with no reply text
};
// Returns only when nothing was sent (1: a fix remains, 2: error); otherwise
// the process becomes the command.
int RunGate(const CommonOptions& common, const GateOptions& options);

struct ServeOptions {
  std::string listen = "127.0.0.1:8081";  // HOST:PORT; port 0 picks a free one
  std::string token_file;
  std::vector<std::string> allow_origins;  // empty: the defaults (docs/serve.md)
  size_t max_concurrent = 64;
  int time_budget_ms = 2000;
  int io_timeout_s = 5;
  bool quiet = false;                      // no access log
  const CLI::Option* max_bytes = nullptr;  // the global --max-bytes, to see if it was given
  std::vector<std::string> command_line;   // argv as given, for amends-serve
};
// Adds the `serve` subcommand to `app` (cli/serve_options.cc).
CLI::App* AddServeCommand(CLI::App* app, ServeOptions* options);
// Serves in this process in the amends-serve program (cli/serve_command.cc);
// in amends, runs amends-serve with the same command line (cli/serve_exec.cc).
int RunServe(const CommonOptions& common, const ServeOptions& options);

struct LspOptions {
  bool log = false;  // methods and timings on stderr
  int time_budget_ms = 2000;
  const CLI::Option* max_bytes_option = nullptr;  // the global --max-bytes, to see if it was given
};
// Adds the `lsp` subcommand to `app` (cli/lsp_command.cc).
CLI::App* AddLspCommand(CLI::App* app, LspOptions* options);
// Serves one editor over stdin/stdout; returns 0 after shutdown and exit.
int RunLsp(const CommonOptions& common, const LspOptions& options);

// --situation as the analyzer wants it; nullopt for "auto".
std::optional<bool> ForcedRecovery(const std::string& situation);

}  // namespace amends::cli
