// `amends lsp`: the Language Server over stdin/stdout (lsp/server.h), with
// the options and the --help that say how an editor runs it.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>

#include "cli/commands.h"
#include "cli/load.h"
#include "lsp/server.h"

namespace amends::cli {

CLI::App* AddLspCommand(CLI::App* app, LspOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "lsp",
      "Check drafts in your editor: a Language Server on stdin/stdout for VS Code, neovim, "
      "Helix, Emacs and any LSP client (plain text, markdown, .eml mail)");
  cmd->add_flag("--log", options->log,
                "Log each message's method and time on stderr (never the text)");
  cmd->add_option("--time-budget-ms", options->time_budget_ms,
                  "Give up on a document still being checked after N ms (default 2000; 0: no "
                  "limit)")
      ->type_name("N")
      ->check(CLI::Range(0, 3600000));
  cmd->footer(
      "The editor starts 'amends lsp' and talks to it; you do not run it yourself. It checks a\n"
      "document when it opens and after every change, and offers:\n"
      "  diagnostics  one per finding, the check id as its code: fix is a warning, consider\n"
      "               information\n"
      "  hover        why the check matters and what to write instead\n"
      "  quick fixes  exact replacements where a rule has one (\"we apologize for any\n"
      "               inconvenience\" -> \"I'm sorry\"), \"Disable CHECK for this file\" and\n"
      "               \"... for the workspace\", and \"Apply every amends fix\"\n"
      "  settings     {\"amends\": {\"checks\": {\"apology.late\": \"off\"}, \"lexicon\": "
      "[\"team-rules\"],\n"
      "               \"configFile\": \"amends.conf\"}}: what amends.conf says, on top of the\n"
      "               workspace's amends.conf\n"
      "Setup, for example neovim:\n"
      "  vim.lsp.start({ name = 'amends', cmd = { 'amends', 'lsp' } })\n"
      "Helix (languages.toml):\n"
      "  [language-server.amends]\n"
      "  command = \"amends\"\n"
      "  args = [\"lsp\"]\n"
      "VS Code, Emacs (eglot) and the details: docs/lsp.md.\n"
      "--max-bytes (before 'lsp') caps a document; default 1 MiB here. Global options\n"
      "(--config, --lexicons, --no-config, --max-findings) apply as for 'check'.\n"
      "Exit status: 0 after the client's shutdown and exit, 1 when it left without them.");
  options->max_bytes_option = app->get_option("--max-bytes");
  return cmd;
}

int RunLsp(const CommonOptions& common, const LspOptions& options) {
  lsp::LspOptions server;
  server.load = LoadOptionsOf(common);
  if (options.max_bytes_option && options.max_bytes_option->count() > 0)
    server.max_bytes = common.max_bytes;
  server.max_findings = common.max_findings;
  server.time_budget_ms = options.time_budget_ms;
  server.log = options.log;
  // A client that goes away mid-write is an error to return, not a signal
  // to die of.
  std::signal(SIGPIPE, SIG_IGN);
  return lsp::RunLanguageServer(server, STDIN_FILENO, STDOUT_FILENO, stderr);
}

}  // namespace amends::cli
