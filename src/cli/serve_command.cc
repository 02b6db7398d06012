// `amends serve`: the checklist over HTTP (src/serve, docs/serve.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/load.h"
#include "serve/server.h"
#include "util/utf8.h"

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

int RunServe(const CommonOptions& common, const ServeOptions& options) {
  serve::ServerOptions server;
  size_t colon = options.listen.rfind(':');
  std::string host = colon == std::string::npos ? "" : options.listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  int port = -1;
  if (colon != std::string::npos) {
    try {
      size_t used = 0;
      port = std::stoi(options.listen.substr(colon + 1), &used);
      if (used != options.listen.size() - colon - 1) port = -1;
    } catch (const std::exception&) {
      port = -1;
    }
  }
  if (host.empty() || port < 0 || port > 65535) {
    std::fprintf(stderr, "amends: --listen: expected HOST:PORT, got '%s'\n",
                 EscapeControls(options.listen).c_str());
    return kExitError;
  }
  server.host = host;
  server.port = port;
  if (!options.token_file.empty()) {
    std::ifstream in(options.token_file, std::ios::binary);
    std::string token;
    std::getline(in, token);
    if (!token.empty() && token.back() == '\r') token.pop_back();
    if (!in && !in.eof()) token.clear();
    if (token.empty()) {
      std::fprintf(stderr, "amends: %s:1: no token on the first line\n",
                   EscapeControls(options.token_file).c_str());
      return kExitError;
    }
    server.token = token;
  }
  server.allow_origins =
      options.allow_origins.empty() ? serve::DefaultAllowedOrigins() : options.allow_origins;
  if (options.max_bytes && options.max_bytes->count() > 0) server.max_bytes = common.max_bytes;
  server.max_concurrent = options.max_concurrent;
  server.time_budget_ms = options.time_budget_ms;
  server.io_timeout_s = options.io_timeout_s;
  server.max_findings = common.max_findings;
  server.access_log = !options.quiet;
  return serve::Serve(LoadOptionsOf(common), server) == 0 ? kExitReady : kExitError;
}

}  // namespace amends::cli
