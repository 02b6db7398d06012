// `amends serve`: its options, shared by `amends` (which hands the command
// to the amends-serve program, cli/serve_exec.cc) and amends-serve itself
// (cli/serve_command.cc), so both parse and document them alike.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"

namespace amends::cli {

CLI::App* AddServeCommand(CLI::App* app, ServeOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "serve",
      "Answer checks over HTTP: the native API (/v1/check, /v1/audit), LanguageTool's "
      "(/v2/check, /v2/languages) for its browser extension, Thunderbird, LTeX and Obsidian "
      "clients, and a page at / to check a reply as you type");
  cmd->add_option("--listen", options->listen,
                  "HOST:PORT to listen on (default 127.0.0.1:8081; port 0 picks a free one)")
      ->type_name("HOST:PORT");
  cmd->add_option("--token-file", options->token_file,
                  "Require 'Authorization: Bearer TOKEN' on every request, the token being "
                  "this file's first line")
      ->type_name("FILE")
      ->check(CLI::ExistingFile);
  cmd->add_option("--allow-origin", options->allow_origins,
                  "A browser origin allowed to call (repeatable; 'moz-extension://*' is a "
                  "prefix, '*' any); default: LanguageTool's extensions and localhost")
      ->type_name("ORIGIN");
  cmd->add_option("--max-concurrent", options->max_concurrent,
                  "Requests checked at once; past it the answer is 503 with Retry-After "
                  "(default 64)")
      ->type_name("N")
      ->check(CLI::Range(size_t{1}, size_t{4096}));
  cmd->add_option("--time-budget-ms", options->time_budget_ms,
                  "Give up on a request (or an audit line) still being checked after N ms "
                  "(default 2000; 0: no limit)")
      ->type_name("N")
      ->check(CLI::Range(0, 3600000));
  cmd->add_option("--io-timeout", options->io_timeout_s,
                  "Seconds a client may take to send or read before it is dropped (default 5)")
      ->type_name("S")
      ->check(CLI::Range(1, 3600));
  cmd->add_flag("--quiet", options->quiet, "No access log on stderr");
  cmd->footer(
      "--max-bytes (before 'serve') caps a request body; default 1 MiB here.\n"
      "SIGHUP reloads the lexicon and amends.conf (the old checks stay on an error); "
      "SIGTERM finishes the requests in flight, then exits 0.");
  options->max_bytes = app->get_option("--max-bytes");
  return cmd;
}

}  // namespace amends::cli
