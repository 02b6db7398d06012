#include "lsp/server.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "app/fix.h"
#include "config/config.h"
#include "input/blank.h"
#include "lsp/document_text.h"
#include "lsp/framing.h"
#include "lsp/message_json.h"
#include "util/hex.h"

#ifndef AMENDS_LSP_VERSION
#define AMENDS_LSP_VERSION "0.0.0"
#endif

namespace amends::lsp {
namespace {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;

constexpr int kMessageError = 1;
constexpr int kMessageWarning = 2;

constexpr const char* kDisableCommand = "amends.disableCheck";
constexpr const char* kFixAllKind = "source.fixAll.amends";

std::string Response(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

std::string ErrorResponse(const json& id, int code, const std::string& message) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Notification(const char* method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

const json& Member(const json& object, const char* key) {
  static const json null;
  if (!object.is_object()) return null;
  auto it = object.find(key);
  return it == object.end() ? null : *it;
}

std::string StringOf(const json& value) {
  return value.is_string() ? value.get<std::string>() : "";
}

LspPosition PositionOf(const json& p) {
  auto number = [](const json& v) { return v.is_number_unsigned() ? v.get<uint32_t>() : 0u; };
  return {number(Member(p, "line")), number(Member(p, "character"))};
}

// A setting as amends.conf text ("lexicon DIR", "check ID / status: S"):
// one value on one line, nothing that would start another block.
bool ConfValue(const json& v, std::string* out) {
  if (!v.is_string()) return false;
  *out = v.get<std::string>();
  return !out->empty() && out->find_first_of("\r\n#") == std::string::npos;
}

// The UTF-16 unit of the escape "\\uXXXX" at `at` (at the backslash), or -1.
int EscapedUnit(std::string_view s, size_t at) {
  if (at + 6 > s.size() || s[at] != '\\' || s[at + 1] != 'u') return -1;
  return FourHexDigits(s, at + 2);
}

}  // namespace

bool RepairLoneSurrogates(std::string* body) {
  if (body->find("\\u") == std::string::npos) return false;
  bool repaired = false;
  std::string& s = *body;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '\\') continue;
    int unit = EscapedUnit(s, i);
    if (unit < 0) {
      ++i;  // another escape ("\\\\", "\\n"): its second character is not one
      continue;
    }
    bool high = unit >= 0xD800 && unit <= 0xDBFF;
    bool low = unit >= 0xDC00 && unit <= 0xDFFF;
    int next = high ? EscapedUnit(s, i + 6) : -1;
    if (high && next >= 0xDC00 && next <= 0xDFFF) {
      i += 11;  // a whole pair
    } else if (high || low) {
      s.replace(i, 6, "\\uFFFD");  // the same length: nothing moves
      repaired = true;
      i += 5;
    } else {
      i += 5;
    }
  }
  return repaired;
}

std::string PathOfUri(std::string_view uri) {
  if (uri.substr(0, 7) != "file://") return "";
  uri.remove_prefix(7);
  size_t slash = uri.find('/');  // past an authority ("file://host/path")
  if (slash == std::string_view::npos) return "";
  uri.remove_prefix(slash);
  std::string path;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && HexDigitValue(uri[i + 1]) >= 0 &&
        HexDigitValue(uri[i + 2]) >= 0) {
      path.push_back(static_cast<char>(HexDigitValue(uri[i + 1]) * 16 + HexDigitValue(uri[i + 2])));
      i += 2;
    } else {
      path.push_back(uri[i]);
    }
  }
  return path;
}

struct Server::Document {
  std::string uri;
  DocumentKind kind = DocumentKind::kText;
  int64_t version = 0;
  std::string text;
  bool dirty = true;               // text changed since the last analysis
  std::set<std::string> disabled;  // checks turned off for this document
  std::vector<DocumentDiagnostic> diagnostics;
  std::unique_ptr<LineIndex> index;  // of `text`, made with the analysis
  // What the analysis of one version reuses in the next: the breaks of
  // its unchanged lines and the phrase hits of its unchanged sentences.
  AnalysisCache cache;
};

Server::Server(LspOptions options, FILE* log) : options_(std::move(options)), log_(log) {}
Server::~Server() = default;

void Server::Handle(std::string_view body, bool more_pending, std::vector<std::string>* out) {
  auto began = std::chrono::steady_clock::now();
  json message = ParseMessageJson(body);
  if (message.is_discarded()) {
    // JavaScript clients send a lone surrogate (half of an emoji a cut
    // left behind) as an escape JSON parsers refuse: read it as U+FFFD.
    std::string repaired(body);
    if (RepairLoneSurrogates(&repaired))
      message = json::parse(repaired, nullptr, /*allow_exceptions=*/false);
  }
  if (message.is_discarded() || !message.is_object()) {
    out->push_back(ErrorResponse(nullptr, kParseError, "the message is not a JSON object"));
    return;
  }
  std::string method = StringOf(Member(message, "method"));
  try {
    Dispatch(message, more_pending, out);
  } catch (const json::exception& e) {
    // A member of the wrong type: the message was not what its method takes.
    if (message.contains("id"))
      out->push_back(
          ErrorResponse(message["id"], kInvalidParams, method + ": invalid params: " + e.what()));
  }
  if (!more_pending) PublishDirty(out);
  if (options_.log && log_) {
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
    std::fprintf(log_, "amends lsp: %s %.2f ms\n", method.empty() ? "(response)" : method.c_str(),
                 ms);
  }
}

void Server::Dispatch(const json& message, bool more_pending, std::vector<std::string>* out) {
  const std::string method = StringOf(Member(message, "method"));
  const bool is_request = message.contains("id");
  const json& params = Member(message, "params");
  if (method.empty()) return;  // a response to a request of ours: none are made
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ && method != "initialize") {
    if (is_request)
      out->push_back(ErrorResponse(message["id"], kServerNotInitialized, "initialize comes first"));
    return;
  }
  if (shutdown_) {
    if (is_request)
      out->push_back(ErrorResponse(message["id"], kInvalidRequest,
                                   "the server is shut down: only exit is taken"));
    return;
  }
  if (is_request) {
    const json& id = message["id"];
    // A request reads the documents as they are now: changes folded into
    // a later analysis are analysed, and published, first.
    PublishDirty(out);
    if (method == "initialize") {
      if (initialized_) {
        out->push_back(ErrorResponse(id, kInvalidRequest, "initialize was already sent"));
        return;
      }
      json result = Initialize(params, out);
      out->insert(out->begin(), Response(id, std::move(result)));
    } else if (method == "shutdown") {
      shutdown_ = true;
      out->push_back(Response(id, nullptr));
    } else if (method == "textDocument/hover") {
      out->push_back(Response(id, Hover(params)));
    } else if (method == "textDocument/codeAction") {
      out->push_back(Response(id, CodeActions(params)));
    } else if (method == "workspace/executeCommand") {
      json result = ExecuteCommand(params, out);
      out->push_back(Response(id, std::move(result)));
    } else {
      out->push_back(ErrorResponse(id, kMethodNotFound, "amends does not answer " + method));
    }
    return;
  }
  if (method == "textDocument/didOpen") Open(params, more_pending, out);
  else if (method == "textDocument/didChange") Change(params, more_pending, out);
  else if (method == "textDocument/didClose") Close(params, out);
  else if (method == "workspace/didChangeConfiguration") Configure(Member(params, "settings"), out);
  // Others (initialized, didSave, $/cancelRequest, $/setTrace…) need nothing.
}

json Server::Initialize(const json& params, std::vector<std::string>* out) {
  initialized_ = true;
  const json& encodings =
      Member(Member(Member(params, "capabilities"), "general"), "positionEncodings");
  encoding_ = PositionEncoding::kUtf16;
  if (encodings.is_array())
    for (const json& e : encodings)
      if (e == "utf-8") encoding_ = PositionEncoding::kUtf8;
  root_ = PathOfUri(StringOf(Member(params, "rootUri")));
  if (root_.empty()) root_ = StringOf(Member(params, "rootPath"));
  const json& folders = Member(params, "workspaceFolders");
  if (root_.empty() && folders.is_array() && !folders.empty())
    root_ = PathOfUri(StringOf(Member(folders[0], "uri")));
  json settings = Member(params, "initializationOptions");
  std::string error;
  if (!Load(settings, &error)) {
    // Still useful: the built-in checks, and the error where a person sees it.
    ShowMessage(kMessageError, "amends: " + error + "\n(checking with the built-in lexicon)", out);
    app::LoadOptions plain;
    plain.no_config = true;
    plain.rule_examples = options_.load.rule_examples;
    std::string ignored;
    analyzer_ = app::LoadAnalyzer(plain, &ignored);
  }
  return {{"capabilities",
           {{"positionEncoding", encoding_ == PositionEncoding::kUtf8 ? "utf-8" : "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 1}}},
            {"hoverProvider", true},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix", kFixAllKind}}}},
            {"executeCommandProvider", {{"commands", {kDisableCommand}}}}}},
          {"serverInfo", {{"name", "amends"}, {"version", AMENDS_LSP_VERSION}}}};
}

bool Server::Load(const json& settings_in, std::string* error) {
  // The settings are the "amends" object; a client may send that object
  // itself or the whole settings tree holding it.
  const json& settings =
      Member(settings_in, "amends").is_object() ? Member(settings_in, "amends") : settings_in;
  app::LoadOptions load = options_.load;
  load.config_dir = root_;
  if (const json& file = Member(settings, "configFile"); file.is_string()) {
    std::string path = file.get<std::string>();
    if (!path.empty() && path[0] != '/' && !root_.empty()) path = root_ + "/" + path;
    load.config = path;
    load.no_config = false;
  }
  // "lexicon" and "checks", written as amends.conf would say them, so
  // they mean what they mean there and fail the same way.
  std::string conf;
  const json& lexicon = Member(settings, "lexicon");
  for (const json& dir : lexicon.is_array() ? lexicon : json::array({lexicon})) {
    if (dir.is_null()) continue;
    std::string value;
    if (!ConfValue(dir, &value)) {
      *error = "settings: \"lexicon\" is a folder or a list of folders";
      return false;
    }
    conf += "lexicon " + value + "\n";
  }
  const json& checks = Member(settings, "checks");
  if (!checks.is_null() && !checks.is_object()) {
    *error = "settings: \"checks\" maps check ids to fix, consider or off";
    return false;
  }
  if (checks.is_object()) {
    for (const auto& [id, status] : checks.items()) {
      std::string value;
      if (id.empty() || id.find_first_of(" \t\r\n#") != std::string::npos ||
          !ConfValue(status, &value)) {
        *error = "settings: \"checks\" maps check ids to fix, consider or off";
        return false;
      }
      conf += "check " + id + "\n  status: " + value + "\n";
    }
  }
  Config extra;
  if (!conf.empty()) {
    if (!ParseConfig("settings", conf, root_.empty() ? "." : root_, &extra, error)) return false;
    load.extra_config = &extra;
  }
  auto next = app::LoadAnalyzer(load, error);
  if (!next) return false;
  analyzer_ = std::move(next);
  return true;
}

void Server::Configure(const json& settings, std::vector<std::string>* out) {
  std::string error;
  if (!Load(settings, &error)) {
    ShowMessage(kMessageError, "amends: the new settings are not used: " + error, out);
    return;
  }
  RepublishAll(out);
}

void Server::ShowMessage(int type, const std::string& text, std::vector<std::string>* out) {
  out->push_back(Notification("window/showMessage", {{"type", type}, {"message", text}}));
}

Server::Document* Server::Find(const json& params) {
  std::string uri = StringOf(Member(Member(params, "textDocument"), "uri"));
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : it->second.get();
}

void Server::Open(const json& params, bool more_pending, std::vector<std::string>* out) {
  const json& item = Member(params, "textDocument");
  auto doc = std::make_unique<Document>();
  doc->uri = StringOf(Member(item, "uri"));
  if (doc->uri.empty()) return;
  doc->kind = KindOf(doc->uri, StringOf(Member(item, "languageId")));
  doc->text = StringOf(Member(item, "text"));
  const json& version = Member(item, "version");
  doc->version = version.is_number_integer() ? version.get<int64_t>() : 0;
  Document* d = doc.get();
  documents_[d->uri] = std::move(doc);
  if (!more_pending) Publish(d, out);
}

void Server::Change(const json& params, bool more_pending, std::vector<std::string>* out) {
  Document* doc = Find(params);
  if (!doc) return;
  const json& version = Member(Member(params, "textDocument"), "version");
  if (version.is_number_integer()) doc->version = version.get<int64_t>();
  const json& changes = Member(params, "contentChanges");
  if (!changes.is_array()) return;
  for (const json& change : changes) {
    const json& range = Member(change, "range");
    std::string text = StringOf(Member(change, "text"));
    if (range.is_object()) {
      // Incremental, though full sync was asked for: applied all the same.
      LineIndex index(doc->text);
      uint32_t a = index.ToOffset(PositionOf(Member(range, "start")), encoding_);
      uint32_t b = index.ToOffset(PositionOf(Member(range, "end")), encoding_);
      if (b < a) std::swap(a, b);
      doc->text.replace(a, b - a, text);
    } else {
      doc->text = std::move(text);
    }
  }
  doc->dirty = true;
  if (!more_pending) Publish(doc, out);
}

void Server::Close(const json& params, std::vector<std::string>* out) {
  std::string uri = StringOf(Member(Member(params, "textDocument"), "uri"));
  if (documents_.erase(uri))
    out->push_back(Notification("textDocument/publishDiagnostics",
                                {{"uri", uri}, {"diagnostics", json::array()}}));
}

void Server::Analyse(Document* doc) {
  doc->dirty = false;
  doc->diagnostics.clear();
  doc->index = std::make_unique<LineIndex>(doc->text);
  auto note = [&](const std::string& message) {
    DocumentDiagnostic d;
    d.check = "amends";
    d.status = Status::kConsider;
    d.title = "amends";
    d.message = message;
    doc->diagnostics.push_back(std::move(d));
  };
  if (doc->text.size() > options_.max_bytes) {
    note("not checked: the document is larger than " + std::to_string(options_.max_bytes) +
         " bytes (amends lsp --max-bytes)");
    return;
  }
  DocumentText text;
  Request request;
  std::string error;
  if (!text.Prepare(doc->kind, doc->text, &request, &error)) {
    note("not checked: " + error);
    return;
  }
  if (IsBlank(request.text.substr(std::min<size_t>(request.begin, request.text.size())))) return;
  request.keep_findings = options_.max_findings;
  if (options_.time_budget_ms > 0)
    request.deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.time_budget_ms);
  Analysis analysis;
  analyzer_->Analyze(request, &analysis, &doc->cache);
  if (analysis.out_of_time) {
    note("not checked: the analysis took longer than " + std::to_string(options_.time_budget_ms) +
         " ms");
    return;
  }
  std::set<std::string> disabled = disabled_;
  disabled.insert(doc->disabled.begin(), doc->disabled.end());
  doc->diagnostics = CollectDiagnostics(analysis, text, disabled, options_.max_findings);
}

void Server::Publish(Document* doc, std::vector<std::string>* out) {
  Analyse(doc);
  out->push_back(
      PublishDiagnosticsJson(doc->uri, doc->version, doc->diagnostics, *doc->index, encoding_));
}

void Server::PublishDirty(std::vector<std::string>* out) {
  for (auto& [uri, doc] : documents_)
    if (doc->dirty) Publish(doc.get(), out);
}

void Server::RepublishAll(std::vector<std::string>* out) {
  for (auto& [uri, doc] : documents_) Publish(doc.get(), out);
}

json Server::Hover(const json& params) {
  Document* doc = Find(params);
  if (!doc) return nullptr;
  if (doc->dirty) Analyse(doc);  // a change not analysed yet: its findings, not the old ones
  uint32_t at = doc->index->ToOffset(PositionOf(Member(params, "position")), encoding_);
  std::string value;
  const DocumentDiagnostic* first = nullptr;
  for (const DocumentDiagnostic& d : doc->diagnostics) {
    if (at < d.start || at > d.end || d.check == "amends") continue;
    if (!value.empty()) value += "\n\n---\n\n";
    value += HoverMarkdown(d);
    if (!first) first = &d;
  }
  if (!first) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", value}}},
          {"range", RangeJson(*doc->index, first->start, first->end, encoding_)}};
}

json Server::CodeActions(const json& params) {
  json actions = json::array();
  Document* doc = Find(params);
  if (!doc) return actions;
  if (doc->dirty) Analyse(doc);
  const json& range = Member(params, "range");
  uint32_t a = doc->index->ToOffset(PositionOf(Member(range, "start")), encoding_);
  uint32_t b = doc->index->ToOffset(PositionOf(Member(range, "end")), encoding_);
  if (b < a) std::swap(a, b);
  // Kinds the client asked for (context.only), by prefix: "source" takes
  // "source.fixAll.amends".
  const json& only = Member(Member(params, "context"), "only");
  auto wanted = [&](std::string_view kind) {
    if (!only.is_array() || only.empty()) return true;
    for (const json& k : only) {
      std::string prefix = StringOf(k);
      if (kind.substr(0, prefix.size()) == prefix &&
          (kind.size() == prefix.size() || kind[prefix.size()] == '.'))
        return true;
    }
    return false;
  };
  auto edit = [&](uint32_t start, uint32_t end, const std::string& text) {
    return json{{"range", RangeJson(*doc->index, start, end, encoding_)}, {"newText", text}};
  };
  std::vector<std::string> checks;  // overlapping the range, once each, in order
  for (const DocumentDiagnostic& d : doc->diagnostics) {
    if (d.check == "amends" || d.start > b || d.end < a) continue;
    if (std::find(checks.begin(), checks.end(), d.check) == checks.end()) checks.push_back(d.check);
    if (!d.replacement || !wanted("quickfix")) continue;
    std::string was = doc->text.substr(d.start, d.end - d.start);
    std::string title = d.replacement->empty()
                            ? "Remove \"" + was + "\""
                            : "Replace \"" + was + "\" with \"" + *d.replacement + "\"";
    actions.push_back(
        {{"title", title},
         {"kind", "quickfix"},
         {"isPreferred", true},
         {"diagnostics", json::array({DiagnosticJson(d, *doc->index, encoding_)})},
         {"edit",
          {{"changes", {{doc->uri, json::array({edit(d.start, d.end, *d.replacement)})}}}}}});
  }
  if (wanted("quickfix")) {
    for (const std::string& check : checks) {
      for (const char* scope : {"file", "workspace"}) {
        std::string title = std::string("Disable ") + check +
                            (scope[0] == 'f' ? " for this file" : " for the workspace");
        json arguments = json::array({{{"uri", doc->uri}, {"check", check}, {"scope", scope}}});
        actions.push_back(
            {{"title", title},
             {"kind", "quickfix"},
             {"command",
              {{"title", title}, {"command", kDisableCommand}, {"arguments", arguments}}}});
      }
    }
  }
  if (wanted(kFixAllKind)) {
    // Every replacement of the document that overlaps no earlier one.
    json edits = json::array();
    uint32_t reached = 0;
    bool any = false;
    std::vector<const DocumentDiagnostic*> with;
    for (const DocumentDiagnostic& d : doc->diagnostics)
      if (d.replacement) with.push_back(&d);
    std::stable_sort(with.begin(), with.end(),
                     [](auto* x, auto* y) { return x->start < y->start; });
    for (const DocumentDiagnostic* d : with) {
      if (any && d->start < reached) continue;
      edits.push_back(edit(d->start, d->end, *d->replacement));
      reached = d->end;
      any = true;
    }
    if (!edits.empty())
      actions.push_back({{"title", "Apply every amends fix in this file"},
                         {"kind", kFixAllKind},
                         {"edit", {{"changes", {{doc->uri, edits}}}}}});
  }
  return actions;
}

json Server::ExecuteCommand(const json& params, std::vector<std::string>* out) {
  if (StringOf(Member(params, "command")) != kDisableCommand) return nullptr;
  const json& arguments = Member(params, "arguments");
  if (!arguments.is_array() || arguments.empty()) return nullptr;
  const json& arg = arguments[0];
  std::string check = StringOf(Member(arg, "check"));
  std::string scope = StringOf(Member(arg, "scope"));
  if (check.empty()) return nullptr;
  if (scope == "workspace") {
    disabled_.insert(check);
    RepublishAll(out);
  } else {
    auto it = documents_.find(StringOf(Member(arg, "uri")));
    if (it == documents_.end()) return nullptr;
    it->second->disabled.insert(check);
    Publish(it->second.get(), out);
  }
  return nullptr;
}

int RunLanguageServer(const LspOptions& options, int in_fd, int out_fd, FILE* log) {
  // A message may hold a document and its escaping: room for both.
  MessageReader reader(
      [in_fd](char* buffer, size_t size) -> long {
        while (true) {
          ssize_t n = ::read(in_fd, buffer, size);
          if (n >= 0 || errno != EINTR) return static_cast<long>(n);
        }
      },
      options.max_bytes * 6 + (64u << 10));
  Server server(options, log);
  auto write_all = [out_fd](const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(out_fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  };
  std::string body;
  std::vector<std::string> out;
  while (!server.exited()) {
    MessageReader::Result r = reader.Next(&body);
    if (r == MessageReader::Result::kEnd) return 1;  // the client went without exit
    if (r == MessageReader::Result::kBadHeader) {
      if (log) std::fprintf(log, "amends lsp: the input is not LSP messages; stopping\n");
      return 1;
    }
    if (r == MessageReader::Result::kTooLarge) {
      if (log) std::fprintf(log, "amends lsp: a message over the size limit was dropped\n");
      continue;
    }
    out.clear();
    server.Handle(body, reader.HasBufferedMessage(), &out);
    std::string framed;
    for (const std::string& m : out) framed += FrameMessage(m);
    if (!framed.empty() && !write_all(framed)) return 1;  // the client is gone
  }
  return server.exit_code();
}

}  // namespace amends::lsp
