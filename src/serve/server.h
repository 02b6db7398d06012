// `amends serve`: the native API, the LanguageTool-compatible API and the
// web page over HTTP (cpp-httplib), with the limits a shared server needs.
//
// Threads: cpp-httplib's pool answers requests; each takes the current
// analyzer from an AnalyzerSlot, so a reload never tears a request. One
// more thread waits for signals: SIGHUP reloads, SIGTERM/SIGINT drain and
// stop.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "app/analyzer_loader.h"

namespace amends::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8081;    // 0: any free port
  std::string token;  // "" : no authentication
  // Origins allowed to call from a browser; an entry ending in '*' is a
  // prefix, "*" alone any origin.
  std::vector<std::string> allow_origins;
  size_t max_bytes = 1u << 20;  // request body
  size_t max_concurrent = 64;   // requests being analysed at once; past it 503
  size_t threads = 0;           // connection threads; 0: max_concurrent + 8
  int time_budget_ms = 2000;    // per request (per line for /v1/audit); 0: none
  int io_timeout_s = 5;         // read and write timeouts against slow clients
  size_t max_findings = 50;
  bool access_log = true;  // method, path, status, bytes, time: never text
  FILE* log = stderr;
  FILE* announce = stdout;  // "listening on http://HOST:PORT"
};

// The LanguageTool extensions' origins and localhost.
std::vector<std::string> DefaultAllowedOrigins();

// Loads the analyzer, binds, prints the address and serves until SIGTERM or
// SIGINT. Returns 0 after a clean drain, 2 when it cannot start (the error
// written to `options.log`).
int Serve(const app::LoadOptions& load, const ServerOptions& options);

}  // namespace amends::serve
