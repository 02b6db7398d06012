// `amends lsp`: a Language Server Protocol server for prose (docs/lsp.md).
// Diagnostics on open and on every change (full sync), hover, quick fixes
// from the rules' literal replacements, "disable this check" actions, and
// the settings of amends.conf through workspace/didChangeConfiguration.
//
// Threads: one. A message is read, handled and answered before the next is
// read; analysing a change takes about a millisecond (bench/README.md), so
// nothing is debounced. When the client has already sent more (changes
// typed faster than they are read), a changed document is analysed once,
// after the last of them, instead of once per change.
//
// Each open document owns an AnalysisCache (analyzer/analyzer.h), used by
// this one thread and dropped with the document: a change cuts only the
// lines it made and matches phrases only in the sentences it made; the
// rest of the analysis runs on the whole document, and what is published
// is what a fresh analysis of that version gives.
//
// Privacy: the documents' text is never logged. With `log` set, methods
// and timings go to the log stream.
#pragma once

#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/analyzer_loader.h"
#include "lsp/diagnostics.h"
#include "lsp/positions.h"

namespace amends::lsp {

struct LspOptions {
  app::LoadOptions load;        // --lexicons, --config, --no-config, --only, --skip
  size_t max_bytes = 1u << 20;  // a larger document is not checked (one note instead)
  int time_budget_ms = 2000;    // per analysis; past it, one note instead of findings
  size_t max_findings = 50;     // per check and document
  bool log = false;             // methods and timings to the log, never text
};

// The protocol's state machine, without I/O: a message in, the messages to
// send out. Not thread-safe.
class Server {
 public:
  Server(LspOptions options, FILE* log);
  ~Server();

  // Handles one message's body. Appends the bodies to send (responses,
  // notifications) to `*out`. `more_pending`: the client has already sent
  // another message, so a changed document's analysis may wait for it.
  void Handle(std::string_view body, bool more_pending, std::vector<std::string>* out);

  bool exited() const { return exited_; }
  // The process's exit code once exited(): 0 after shutdown, 1 otherwise.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Document;

  using json = nlohmann::json;
  void Dispatch(const json& message, bool more_pending, std::vector<std::string>* out);
  json Initialize(const json& params, std::vector<std::string>* out);
  void Open(const json& params, bool more_pending, std::vector<std::string>* out);
  void Change(const json& params, bool more_pending, std::vector<std::string>* out);
  void Close(const json& params, std::vector<std::string>* out);
  json Hover(const json& params);
  json CodeActions(const json& params);
  json ExecuteCommand(const json& params, std::vector<std::string>* out);
  void Configure(const json& settings, std::vector<std::string>* out);

  // Loads the analyzer for the workspace and `settings` (the "amends"
  // object of the client's settings); false with `*error` set.
  bool Load(const json& settings, std::string* error);
  void Analyse(Document* doc);
  void Publish(Document* doc, std::vector<std::string>* out);
  void PublishDirty(std::vector<std::string>* out);
  void RepublishAll(std::vector<std::string>* out);
  Document* Find(const json& params);
  void ShowMessage(int type, const std::string& text, std::vector<std::string>* out);

  LspOptions options_;
  FILE* log_;
  std::unique_ptr<const Analyzer> analyzer_;
  PositionEncoding encoding_ = PositionEncoding::kUtf16;
  std::string root_;  // the workspace folder, "" when the client named none
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  std::map<std::string, std::unique_ptr<Document>> documents_;  // by URI
  std::set<std::string> disabled_;  // checks the user turned off for the workspace
};

// Serves one client reading `in_fd` and writing `out_fd` until `exit` or
// the end of the input. Returns the exit code: 0 after shutdown and exit,
// 1 otherwise.
int RunLanguageServer(const LspOptions& options, int in_fd, int out_fd, FILE* log);

// Replaces each escaped lone UTF-16 surrogate ("\ud83d" not followed by
// its low half) in the JSON text `*body` with "\uFFFD", in place (the same
// length). Returns whether there was one.
bool RepairLoneSurrogates(std::string* body);

// The path of a file:// URI ("file:///a%20b" → "/a b"); "" for another.
std::string PathOfUri(std::string_view uri);

}  // namespace amends::lsp
