// `amends serve` run in this process: the checklist over HTTP (src/serve,
// docs/serve.md). Linked into the amends-serve program only, so that the
// HTTP library (and the TLS libraries it loads) cost `check` and `gate`
// nothing at start-up.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/load.h"
#include "serve/server.h"
#include "util/utf8.h"

namespace amends::cli {

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
