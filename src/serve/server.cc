#include "serve/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "app/analyzer_slot.h"
#include "serve/cors.h"
#include "serve/lt_api.h"
#include "serve/metrics.h"
#include "serve/native_api.h"
#include "serve/page.h"
#include "util/utf8.h"

namespace amends::serve {

std::vector<std::string> DefaultAllowedOrigins() {
  return {
      "chrome-extension://oldceeleldhonbafppcapldpdifcinji",  // LanguageTool for Chrome
      "moz-extension://*",         // Firefox and Thunderbird: a random id per install
      "safari-web-extension://*",  // Safari: likewise
      "http://localhost",
      "http://localhost:*",
      "http://127.0.0.1",
      "http://127.0.0.1:*",
  };
}

namespace {

using Clock = std::chrono::steady_clock;

// When this thread's current request was first seen (pre-routing), for the
// access log; zero for a request refused before routing.
thread_local Clock::time_point request_start{};

// A known route, or "other": the metrics' label set stays small.
std::string RouteName(const std::string& path) {
  for (const char* known :
       {"/", "/v1/check", "/v1/audit", "/v2/check", "/v2/languages", "/healthz", "/metrics"})
    if (path == known) return path;
  return "other";
}

class Service {
 public:
  Service(const app::LoadOptions& load, const ServerOptions& options,
          std::shared_ptr<const Analyzer> first)
      : load_(load), options_(options), slot_(std::move(first)) {}

  void Install(httplib::Server* server) {
    size_t threads = options_.threads ? options_.threads : options_.max_concurrent + 8;
    server->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server->set_read_timeout(options_.io_timeout_s, 0);
    server->set_write_timeout(options_.io_timeout_s, 0);
    server->set_keep_alive_timeout(options_.io_timeout_s);
    server->set_keep_alive_max_count(1000);
    // Answers are one write each: waiting for more (Nagle) only adds the
    // peer's delayed-ACK time, 40 ms a request.
    server->set_tcp_nodelay(true);
    server->set_payload_max_length(options_.max_bytes);
    server->set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) { return PreRoute(req, res); });
    server->set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request& req, httplib::Response& res) { return OnError(req, res); }));
    server->set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          Set(res, ErrorReply(500, "internal error"));
        });
    server->set_logger(
        [this](const httplib::Request& req, const httplib::Response& res) { Log(req, res); });

    Budget budget{options_.max_findings, std::chrono::milliseconds(options_.time_budget_ms)};
    Route(server, "POST", "/v1/check", [budget](const Analyzer& a, const httplib::Request& req) {
      return CheckNative(a, req.body, budget);
    });
    Route(server, "POST", "/v1/audit", [budget](const Analyzer& a, const httplib::Request& req) {
      return AuditNative(a, req.body, budget);
    });
    Route(server, "POST", "/v2/check", [budget](const Analyzer& a, const httplib::Request& req) {
      return CheckLanguageTool(a, req.body, budget);
    });
    server->Get("/v2/languages", [](const httplib::Request&, httplib::Response& res) {
      Set(res, LanguageToolLanguages());
    });
    server->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
      Set(res, Reply{200, "{\"status\":\"ok\"}\n"});
    });
    server->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
      Set(res, Reply{200, metrics_.Text(), "text/plain; version=0.0.4"});
    });
    server->Get("/", [](const httplib::Request&, httplib::Response& res) {
      Set(res, Reply{200, std::string(PageHtml()), "text/html; charset=utf-8"});
      // The page runs its own inline script and talks to this server only.
      res.set_header("Content-Security-Policy",
                     "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                     "connect-src 'self'; base-uri 'none'; form-action 'none'");
    });
  }

  // SIGHUP: a new analyzer from the same options, or the old one kept.
  void Reload() {
    std::string error;
    auto next = app::LoadAnalyzer(load_, &error);
    if (!next) {
      std::fprintf(options_.log, "amends serve: reload failed, still serving the old checks:\n%s\n",
                   EscapeControls(error).c_str());
      return;
    }
    slot_.Swap(std::shared_ptr<const Analyzer>(std::move(next)));
    std::fprintf(options_.log, "amends serve: reloaded the lexicon and configuration\n");
  }

 private:
  static void Set(httplib::Response& res, const Reply& reply) {
    res.status = reply.status;
    res.set_content(reply.body, reply.content_type.c_str());
    if (reply.status == 503) res.set_header("Retry-After", "1");
  }

  // Every analysing route: the concurrency cap, then the work.
  template <typename Work>
  void Route(httplib::Server* server, const char* method, const std::string& path, Work work) {
    auto handler = [this, work](const httplib::Request& req, httplib::Response& res) {
      int now = metrics_.in_flight.fetch_add(1) + 1;
      struct Leave {
        std::atomic<int>* n;
        ~Leave() { n->fetch_sub(1); }
      } leave{&metrics_.in_flight};
      if (static_cast<size_t>(now) > options_.max_concurrent) {
        metrics_.Reject("busy");
        Set(res, ErrorReply(503, "busy: " + std::to_string(options_.max_concurrent) +
                                     " requests are being checked; retry after 1 second"));
        return;
      }
      std::shared_ptr<const Analyzer> analyzer = slot_.Get();  // kept for this request
      Set(res, work(*analyzer, req));
    };
    if (std::string(method) == "POST") server->Post(path, handler);
  }

  httplib::Server::HandlerResponse PreRoute(const httplib::Request& req, httplib::Response& res) {
    request_start = Clock::now();
    std::string origin = req.get_header_value("Origin");
    bool allowed = OriginAllowed(origin, options_.allow_origins);
    if (allowed) {
      res.set_header("Access-Control-Allow-Origin", origin);
      res.set_header("Vary", "Origin");
    }
    if (req.method == "OPTIONS") {  // a browser's preflight: never carries the token
      if (allowed) {
        res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        res.set_header("Access-Control-Max-Age", "600");
        res.status = 204;
      } else {
        Set(res, ErrorReply(403, "origin '" + EscapeControls(origin) +
                                     "' is not allowed (amends serve --allow-origin)"));
      }
      return httplib::Server::HandlerResponse::Handled;
    }
    // The page itself holds no data; what it asks for needs the token.
    if (!options_.token.empty() && !(req.method == "GET" && req.path == "/")) {
      std::string header = req.get_header_value("Authorization");
      const std::string bearer = "Bearer ";
      std::string given = header.compare(0, bearer.size(), bearer) == 0
                              ? header.substr(bearer.size())
                              : std::string();
      if (!SameSecret(given, options_.token)) {
        metrics_.Reject("unauthorized");
        Set(res, ErrorReply(401, header.empty() ? "Authorization: Bearer TOKEN is required"
                                                : "the bearer token is wrong"));
        res.set_header("WWW-Authenticate", "Bearer");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }

  // Answers cpp-httplib made itself (no route, body too large, bad HTTP)
  // get a JSON error too; ours already have a body.
  httplib::Server::HandlerResponse OnError(const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message;
    switch (res.status) {
      case 400:
        message = "malformed HTTP request";
        break;
      case 404:
        message = "no such endpoint: " + EscapeControls(req.method + " " + req.path);
        break;
      case 413:
        metrics_.Reject("too_large");
        message = "request body larger than " + std::to_string(options_.max_bytes) +
                  " bytes (amends serve --max-bytes)";
        break;
      case 414:
        message = "request line too long";
        break;
      default:
        message = "HTTP " + std::to_string(res.status);
        break;
    }
    Reply reply = ErrorReply(res.status, message);
    res.set_content(reply.body, reply.content_type.c_str());
    return httplib::Server::HandlerResponse::Handled;
  }

  void Log(const httplib::Request& req, const httplib::Response& res) {
    double ms = -1;
    if (request_start != Clock::time_point{}) {
      ms = std::chrono::duration<double, std::milli>(Clock::now() - request_start).count();
      metrics_.Count(RouteName(req.path), res.status, std::chrono::duration<double>(ms / 1000));
    } else {
      metrics_.Count("other", res.status, std::chrono::duration<double>(0));
    }
    request_start = {};
    if (!options_.access_log) return;
    // Method and path only: a query string or body may hold reply text.
    std::fprintf(options_.log, "%s %s %d %zu %.2fms\n", EscapeControls(req.method).c_str(),
                 EscapeControls(req.path).c_str(), res.status, res.body.size(), ms < 0 ? 0.0 : ms);
  }

  app::LoadOptions load_;
  ServerOptions options_;
  app::AnalyzerSlot slot_;
  Metrics metrics_;
};

}  // namespace

int Serve(const app::LoadOptions& load, const ServerOptions& options) {
  std::string error;
  std::unique_ptr<Analyzer> first = app::LoadAnalyzer(load, &error);
  if (!first) {
    std::fprintf(options.log, "%s\n", error.c_str());
    return 2;
  }
  // Signals go to the waiting thread alone: block them before any other
  // thread exists, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  for (int s : {SIGTERM, SIGINT, SIGHUP, SIGUSR1}) sigaddset(&signals, s);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client gone mid-answer is an error, not a death

  Service service(load, options, std::shared_ptr<const Analyzer>(std::move(first)));
  httplib::Server server;
  service.Install(&server);
  int port = options.port == 0
                 ? server.bind_to_any_port(options.host)
                 : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port < 0) {
    std::fprintf(options.log, "amends serve: cannot listen on %s:%d\n",
                 EscapeControls(options.host).c_str(), options.port);
    return 2;
  }
  bool v6 = options.host.find(':') != std::string::npos;
  std::fprintf(options.announce, "amends serve: listening on http://%s%s%s:%d/\n", v6 ? "[" : "",
               options.host.c_str(), v6 ? "]" : "", port);
  std::fflush(options.announce);

  std::atomic<bool> stopping{false}, listen_done{false};
  std::thread waiter([&] {
    for (;;) {
      int sig = 0;
      if (sigwait(&signals, &sig) != 0) continue;
      if (sig == SIGHUP) {
        service.Reload();
        continue;
      }
      if (sig == SIGUSR1 && !stopping) return;  // the server stopped by itself
      stopping = true;
      std::fprintf(options.log, "amends serve: stopping after the requests in flight\n");
      // A signal that comes before the accept loop runs would find nothing
      // to stop: wait for the loop (or its end).
      while (!server.is_running() && !listen_done)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      server.stop();
      return;
    }
  });
  bool ok = server.listen_after_bind();
  listen_done = true;
  if (!stopping) pthread_kill(waiter.native_handle(), SIGUSR1);
  waiter.join();
  if (!stopping && !ok) {
    std::fprintf(options.log, "amends serve: the server stopped with an error\n");
    return 2;
  }
  std::fprintf(options.log, "amends serve: stopped\n");
  return 0;
}

}  // namespace amends::serve
