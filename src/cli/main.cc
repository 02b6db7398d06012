// amends: reads a support agent's draft reply and says what to fix.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"
#include "cli/usage_hint.h"
#include "export/format.h"
#include "report/sink.h"
#include "util/allocator.h"

#ifndef AMENDS_VERSION
#define AMENDS_VERSION "0.0.0"
#endif

namespace {

// --only and --skip, the same on every command that runs checks.
void AddSelectionOptions(CLI::App* command, amends::CheckSelection* selection) {
  command
      ->add_option("--only", selection->only,
                   "Run only these checks: ids, or families as 'blame.' (or 'blame'), "
                   "comma-separated; the others are left out of the checklist and its decision")
      ->type_name("ID[,ID...]")
      ->allow_extra_args(false);  // one value per --only: the file after it is no id
  command
      ->add_option("--skip", selection->skip,
                   "Do not run these checks: ids or families, as for --only, taken from what "
                   "it selects. Checks off in amends.conf stay off whatever --only says")
      ->type_name("ID[,ID...]")
      ->allow_extra_args(false);
}

// --situation, the same on every command that checks replies.
void AddSituationOption(CLI::App* command, std::string* situation) {
  command
      ->add_option("--situation", *situation,
                   "recovery, routine, or auto (default): recovery-only checks report n/a "
                   "on routine replies")
      ->check(CLI::IsMember({"auto", "recovery", "routine"}));
}

// --language, the same on every command that checks replies.
void AddLanguageOption(CLI::App* command, std::string* language) {
  command
      ->add_option("--language", *language,
                   "auto (default): a reply confidently in another language than English is "
                   "not checked (every check n/a); en: check it with the English rules anyway")
      ->type_name("LANG")
      ->check(CLI::IsMember({"auto", "en"}));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace amends::cli;
  amends::KeepFreedMemory();  // an audit or server frees and reuses memory per reply
  CLI::App app{
      "amends reads a support agent's draft reply before it is sent and says what to fix:\n"
      "fake apologies (\"sorry for any inconvenience\"), an apology undone by \"but\", blame,\n"
      "excuses, policy-reciting, a missing name, and more. Findings point at exact spans.\n",
      "amends"};
  app.set_version_flag("--version", std::string("amends ") + AMENDS_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  CommonOptions common;
  app.add_option("--lexicons", common.lexicons,
                 "Use the rule files in DIR (checks.def and *.rules) instead of the built-in "
                 "lexicon")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory.description(""));  // the type name says DIR
  app.add_option("--config", common.config,
                 "Team configuration (default: amends.conf or .amends.conf in the working "
                 "directory): extra rule folders, checks turned off or re-graded")
      ->type_name("FILE")
      ->check(CLI::ExistingFile.description(""));  // the type name says FILE
  app.add_flag("--no-config", common.no_config, "Ignore amends.conf in the working directory");
  app.add_option("--max-bytes", common.max_bytes,
                 "Refuse a draft or record larger than this many bytes (default 64 MiB)")
      ->type_name("N")
      // Spans are 32-bit byte offsets; "-1" must not wrap to "no limit".
      ->check(CLI::Range(size_t{0}, size_t{0xFFFFFFFF}));

  app.add_option("--max-findings", common.max_findings,
                 "Write at most N findings per check, the first in the text, and how many more "
                 "there were (default 50; 0 writes them all; summaries count them all)")
      ->type_name("N");

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand(
      "check",
      "Check one draft and print its checklist: text (also when piped), or JSON with "
      "--format json");
  check_cmd->footer(
      "Exit status: 0 ready to send, 1 some check says \"fix\", 2 usage or input error.");
  check_cmd
      ->add_option("file", check.file, "The draft: a UTF-8 text file, or - for stdin (default)")
      ->type_name("FILE");
  std::vector<std::string> sink_names;
  for (const amends::SinkKind& kind : amends::SinkKinds()) sink_names.emplace_back(kind.name);
  check_cmd->add_option("--format", check.format, "Output, one of:\n" + amends::SinkKindsHelp())
      ->type_name("NAME")
      ->check(CLI::IsMember(sink_names));
  check_cmd
      ->add_option("--customer-name", check.customer_name,
                   "The customer's name; its first word is the first name the reply should use")
      ->type_name("NAME");
  check_cmd
      ->add_option("--customer-message", check.customer_message_file,
                   "A file with the customer's message the draft answers; it decides "
                   "whether the reply is a recovery")
      ->type_name("FILE");
  AddSituationOption(check_cmd, &check.situation);
  check_cmd->add_option("--color", check.color, "auto (default), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  AddSelectionOptions(check_cmd, &common.selection);
  AddLanguageOption(check_cmd, &common.language);
  check_cmd->add_flag("--all", check.all, "Also list the checks that pass or do not apply");
  check_cmd->add_flag("--fix", check.fix,
                      "Print the draft with every literal replacement the rules offer applied "
                      "(\"we apologize for any inconvenience\" becomes \"I'm sorry\"), and "
                      "nothing else changed; overlapping ones are named on stderr. Exit 0");
  check_cmd
      ->add_option("--input", check.input,
                   "auto (default: a whole email message when the input starts with mail "
                   "headers), text, or email")
      ->check(CLI::IsMember({"auto", "text", "email"}));
  check_cmd
      ->add_option("--encoding", check.encoding,
                   "The draft's encoding when not UTF-8: latin1, windows-1252, utf-16le, or "
                   "any name ICU knows (uconv -l). A UTF-16 file with a byte-order mark is "
                   "read without it. Offsets then count the bytes of the text as UTF-8")
      ->type_name("NAME");

  GateOptions gate;
  CLI::App* gate_cmd = app.add_subcommand(
      "gate",
      "Stand in front of sendmail: check the message on stdin, print the checklist on stderr, "
      "and send it with COMMAND only when no check says fix (exit 1, nothing sent, otherwise)");
  gate_cmd
      ->add_option("command", gate.command,
                   "The command that sends the message, after --: amends gate -- "
                   "/usr/sbin/sendmail -oi -t")
      ->type_name("COMMAND...");
  gate_cmd->add_flag("--warn-only", gate.warn_only,
                     "Print the checklist but send even when a check says fix");
  gate_cmd->add_flag("--allow-empty", gate.allow_empty,
                     "Send a message with no reply text (refused otherwise, even with "
                     "--warn-only)");
  gate_cmd->add_option("--input", gate.input, "auto (default), text, or email")
      ->check(CLI::IsMember({"auto", "text", "email"}));
  gate_cmd
      ->add_option("--customer-name", gate.customer_name,
                   "The customer's name (default: from To:, else the quoted From:)")
      ->type_name("NAME");
  AddSituationOption(gate_cmd, &gate.situation);
  AddSelectionOptions(gate_cmd, &common.selection);
  AddLanguageOption(gate_cmd, &common.language);
  gate_cmd->footer("A message with an \"X-Amends-Override: yes\" header is sent anyway.");

  AuditOptions audit;
  CLI::App* audit_cmd = app.add_subcommand(
      "audit",
      "Check many replies: JSON lines {\"id\", \"text\", \"customer_message\"?, "
      "\"customer_name\"?} in, one checklist object per line out, in input order");
  audit_cmd->add_option("file", audit.file, "JSONL file, or - for stdin (default)")
      ->type_name("FILE");
  AddSituationOption(audit_cmd, &audit.situation);
  std::vector<std::string> input_names = {"auto"};
  for (const amends::exports::Format* f : amends::exports::Formats())
    input_names.emplace_back(f->name);
  audit_cmd
      ->add_option("--input", audit.input,
                   "The export's format: " + amends::exports::FormatNames() +
                       ", or auto (default: guessed from the name and first line)")
      ->check(CLI::IsMember(input_names));
  audit_cmd
      ->add_option("--summary", audit.summary_file,
                   "Also write a summary JSON: per check, agent, team and month; frequent "
                   "phrases; replies to review (merge shards with 'amends summary merge')")
      ->type_name("FILE");
  audit_cmd
      ->add_option("--html", audit.html_file,
                   "Also write a self-contained HTML report of the summary")
      ->type_name("FILE");
  audit_cmd
      ->add_option("--team-names", audit.team_names_file,
                   "Names for the report's team ids: lines ID<TAB>NAME or ID=NAME")
      ->type_name("FILE");
  AddSelectionOptions(audit_cmd, &common.selection);
  audit_cmd->footer(
      amends::exports::FormatsHelp(86) +
      "\nExit status: 0 every reply is ready to send, 1 some reply needs a fix, 2 a usage or\n"
      "input error, a record that could not be read, or an audit that checked nothing (no\n"
      "agent reply found: the reason is printed).");
  AddLanguageOption(audit_cmd, &common.language);
  audit_cmd->add_flag("--progress", audit.progress,
                      "Show the progress bar even when stderr is not a terminal");
  audit_cmd->add_option("--threads", audit.threads, "Worker threads (default: every core)")
      ->type_name("N");
  audit_cmd->add_flag("--compact", audit.compact,
                      "One short line per reply: only the checks that fired (fix, consider) "
                      "with their findings as byte spans; titles, whys and the lexicon's "
                      "messages are left out ('amends rules --format json' has them)");
  audit_cmd
      ->add_option("--max-record-ms", audit.max_record_ms,
                   "A reply whose analysis takes longer than N ms becomes an error record "
                   "and the audit goes on (default 10000; 0: no limit)")
      ->type_name("N")
      ->check(CLI::Range(size_t{0}, size_t{0x7FFFFFFF}));
  audit_cmd
      ->add_option("--review", audit.review_count,
                   "Replies kept in the summary's review list (default 50)")
      ->type_name("N");
  audit_cmd
      ->add_option("--users", audit.users_file,
                   "Zendesk: a users JSON (id, name, role) when tickets do not side-load them")
      ->type_name("FILE")
      ->check(CLI::ExistingFile.description(""));  // the type name says FILE
  audit_cmd->add_option("--text-col", audit.text_col, "CSV: the reply text column (default text)")
      ->type_name("COL");
  audit_cmd->add_option("--id-col", audit.id_col, "CSV: the id column")->type_name("COL");
  audit_cmd
      ->add_option("--name-col", audit.name_col,
                   "CSV: the customer's name (with --role-col: each row's author name)")
      ->type_name("COL");
  audit_cmd
      ->add_option("--message-col", audit.message_col,
                   "CSV: the customer's message the reply answers")
      ->type_name("COL");
  audit_cmd->add_option("--agent-col", audit.agent_col, "CSV: the agent")->type_name("COL");
  audit_cmd->add_option("--team-col", audit.team_col, "CSV: the team or group")->type_name("COL");
  audit_cmd->add_option("--date-col", audit.date_col, "CSV: the date (ISO 8601 or Unix time)")
      ->type_name("COL");
  audit_cmd
      ->add_option("--role-col", audit.role_col,
                   "CSV: who wrote the row; rows not by an agent are customer messages")
      ->type_name("COL");
  audit_cmd
      ->add_option("--ticket-col", audit.ticket_col,
                   "CSV: the ticket, so a reply answers its own ticket's customer message")
      ->type_name("COL");
  audit_cmd
      ->add_option("--agent-roles", audit.agent_roles,
                   "CSV: role values that mean an agent (default agent,admin,staff)")
      ->type_name("LIST");
  audit_cmd
      ->add_option("--note-roles", audit.note_roles,
                   "CSV: role values of internal notes, skipped (default note,internal,private)")
      ->type_name("LIST");
  audit_cmd->add_option("--delimiter", audit.delimiter, "CSV: field delimiter (default , or tab)")
      ->type_name("CHAR");

  SummaryMergeOptions merge;
  CLI::App* summary_cmd = app.add_subcommand("summary", "Work with audit summaries");
  summary_cmd->require_subcommand(1);
  CLI::App* merge_cmd = summary_cmd->add_subcommand(
      "merge", "Add up the summaries of shards of one export, exactly as one run would count");
  merge_cmd->add_option("files", merge.files, "Summary JSON files from 'amends audit --summary'")
      ->type_name("FILE...")
      ->required()
      ->check(CLI::ExistingFile.description(""));  // the type name says FILE
  merge_cmd
      ->add_option("-o,--output", merge.output, "Write the merged summary here (default stdout)")
      ->type_name("FILE");
  merge_cmd->add_option("--html", merge.html, "Also write the HTML report of the merged summary")
      ->type_name("FILE");
  merge_cmd
      ->add_option("--team-names", merge.team_names_file,
                   "Names for the report's team ids: lines ID<TAB>NAME or ID=NAME")
      ->type_name("FILE");

  CLI::App* lexicon_cmd = app.add_subcommand("lexicon", "Work with rule files");
  lexicon_cmd->require_subcommand(1);
  lexicon_cmd->add_subcommand(
      "test",
      "Load the lexicon, run every rule's 'fire' and 'pass' examples and lint the rule files "
      "(duplicate alternatives, copied or shadowed macros); exit 1 on any finding");

  RulesOptions rules;
  CLI::App* rules_cmd =
      app.add_subcommand("rules", "List every check with its status, scope and rationale");
  rules_cmd->add_option("--format", rules.format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));

  std::string explain_id;
  CLI::App* explain_cmd = app.add_subcommand(
      "explain", "Explain one check: why it matters, where it comes from, good and bad examples");
  explain_cmd->add_option("check", explain_id, "A check id, as 'amends rules' lists them")
      ->required();

  EvalOptions eval;
  CLI::App* eval_cmd = app.add_subcommand(
      "eval",
      "Score the checklist against labeled replies: precision, recall and F1 per check, "
      "situation accuracy, macro F1 (labels as in docs/accuracy.md)");
  eval_cmd->add_option("labels", eval.labels, "JSONL labels: {\"id\", \"situation\", facts…}")
      ->type_name("FILE")
      ->required()
      ->check(CLI::ExistingFile.description(""));  // the type name says FILE
  eval_cmd->add_option("replies", eval.replies, "JSONL replies, as 'amends audit' reads them")
      ->type_name("FILE")
      ->required()
      ->check(CLI::ExistingFile.description(""));  // the type name says FILE
  eval_cmd->add_flag("--without-customer-message", eval.without_customer_message,
                     "Ignore customer_message: judge the situation from the reply alone");
  AddSelectionOptions(eval_cmd, &common.selection);
  AddLanguageOption(eval_cmd, &common.language);
  eval_cmd->add_option("--format", eval.format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));

  LspOptions lsp;
  CLI::App* lsp_cmd = AddLspCommand(&app, &lsp);
  AddSelectionOptions(lsp_cmd, &common.selection);

  ServeOptions serve;
  CLI::App* serve_cmd = AddServeCommand(&app, &serve);
  serve.command_line.assign(argv, argv + argc);

  // Last: a subcommand copies its parent's footer when it is made, and this
  // one's exit status is check's, not every command's.
  app.footer(
      "Exit status: 0 ready to send, 1 some check says \"fix\", 2 usage or input error.\n"
      "'amends check' prints the checklist as text, also when its output is piped (without\n"
      "colours then, unless --color always); --format json gives programs the JSON checklist.\n"
      "Examples:\n"
      "  amends check draft.txt\n"
      "  amends check --format json --customer-name Mary --situation recovery draft.txt\n"
      "  pbpaste | amends check -\n"
      "  amends audit replies.jsonl > results.jsonl\n"
      "  amends audit --summary s.json --html report.html tickets.zendesk.jsonl > out.jsonl\n"
      "  amends check --fix draft.txt > fixed.txt\n"
      "  amends lsp        (started by your editor: see 'amends lsp --help')\n"
      "Run 'amends COMMAND --help' for a command's options.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0) {  // not --help or --version
      std::string hint = UsageHint(app, std::vector<std::string>(argv + 1, argv + argc));
      if (!hint.empty()) {
        std::fprintf(stderr,
                     "amends: %s\nRun 'amends --help' for the commands and 'amends "
                     "COMMAND --help' for a command's options.\n",
                     hint.c_str());
        return kExitError;
      }
    }
    int code = app.exit(e);
    return code == 0 ? 0 : kExitError;
  }
  if (check_cmd->parsed()) return RunCheck(common, check);
  if (gate_cmd->parsed()) return RunGate(common, gate);
  if (audit_cmd->parsed()) return RunAudit(common, audit);
  if (merge_cmd->parsed()) return RunSummaryMerge(merge);
  if (lexicon_cmd->parsed()) return RunLexiconTest(common);
  if (rules_cmd->parsed()) return RunRules(common, rules);
  if (eval_cmd->parsed()) return RunEval(common, eval);
  if (explain_cmd->parsed()) return RunExplain(common, explain_id);
  if (serve_cmd->parsed()) return RunServe(common, serve);
  if (lsp_cmd->parsed()) return RunLsp(common, lsp);
  return kExitError;
}
