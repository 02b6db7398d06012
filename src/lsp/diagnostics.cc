#include "lsp/diagnostics.h"

#include <algorithm>
#include <charconv>

#include "report/json_writer.h"

namespace amends::lsp {

std::vector<DocumentDiagnostic> CollectDiagnostics(const Analysis& analysis,
                                                   const DocumentText& text,
                                                   const std::set<std::string>& disabled,
                                                   size_t max_findings) {
  std::vector<DocumentDiagnostic> out;
  for (const CheckResult& r : analysis.checklist) {
    if (r.status != Status::kFix && r.status != Status::kConsider) continue;
    if (disabled.count(r.check->id)) continue;
    size_t shown = 0;
    for (const Finding& f : r.findings) {
      if (max_findings && shown == max_findings) break;
      auto at = text.ToDocument(f.span.start, f.span.end);
      if (!at) continue;  // in text the document does not hold as written
      ++shown;
      DocumentDiagnostic d;
      d.start = at->first;
      d.end = at->second;
      d.check = r.check->id;
      d.status = r.status;
      d.title = r.check->title;
      d.why = r.check->why;
      d.message.assign(f.message);
      d.suggestion.assign(f.suggestion);
      if (f.replacement && text.Unchanged(f.span.start, f.span.end))
        d.replacement.emplace(*f.replacement);
      out.push_back(std::move(d));
    }
  }
  return out;
}

int SeverityOf(Status status) {
  return status == Status::kFix ? kSeverityWarning : kSeverityInformation;
}

nlohmann::json RangeJson(const LineIndex& index, uint32_t start, uint32_t end,
                         PositionEncoding encoding) {
  LspPosition a = index.ToPosition(start, encoding);
  LspPosition b = index.ToPosition(end, encoding);
  return {{"start", {{"line", a.line}, {"character", a.character}}},
          {"end", {{"line", b.line}, {"character", b.character}}}};
}

nlohmann::json DiagnosticJson(const DocumentDiagnostic& d, const LineIndex& index,
                              PositionEncoding encoding) {
  std::string message = d.title;
  if (!d.message.empty()) message += ": " + d.message;
  return {{"range", RangeJson(index, d.start, d.end, encoding)},
          {"severity", SeverityOf(d.status)},
          {"code", d.check},
          {"source", "amends"},
          {"message", message}};
}

std::string PublishDiagnosticsJson(std::string_view uri, int64_t version,
                                   const std::vector<DocumentDiagnostic>& diagnostics,
                                   const LineIndex& index, PositionEncoding encoding) {
  // Members in the order a dumped json object has them (sorted by name).
  std::string out;
  out.reserve(256 + diagnostics.size() * 160);
  JsonWriter w(&out);
  auto position = [&](LspPosition p) {
    w.BeginObject();
    w.Key("character");
    w.Uint(p.character);
    w.Key("line");
    w.Uint(p.line);
    w.EndObject();
  };
  w.BeginObject();
  w.Key("jsonrpc");
  w.String("2.0");
  w.Key("method");
  w.String("textDocument/publishDiagnostics");
  w.Key("params");
  w.BeginObject();
  w.Key("diagnostics");
  w.BeginArray();
  std::string message;
  for (const DocumentDiagnostic& d : diagnostics) {
    w.BeginObject();
    w.Key("code");
    w.String(d.check);
    w.Key("message");
    message = d.title;
    if (!d.message.empty()) message.append(": ").append(d.message);
    w.String(message);
    w.Key("range");
    w.BeginObject();
    w.Key("end");
    position(index.ToPosition(d.end, encoding));
    w.Key("start");
    position(index.ToPosition(d.start, encoding));
    w.EndObject();
    w.Key("severity");
    w.Uint(static_cast<uint64_t>(SeverityOf(d.status)));
    w.Key("source");
    w.String("amends");
    w.EndObject();
  }
  w.EndArray();
  w.Key("uri");
  w.String(uri);
  w.Key("version");
  char digits[24];
  w.Raw(std::string_view(digits,
                         std::to_chars(digits, digits + sizeof digits, version).ptr - digits));
  w.EndObject();
  w.EndObject();
  return out;
}

std::string HoverMarkdown(const DocumentDiagnostic& d) {
  std::string out = "**" + d.title + "** (`" + d.check + "`, " + StatusName(d.status) + ")\n\n";
  if (!d.message.empty()) out += d.message + "\n\n";
  if (!d.why.empty()) out += "*Why:* " + d.why + "\n\n";
  if (!d.suggestion.empty()) out += "*Suggestion:* " + d.suggestion + "\n\n";
  if (d.replacement)
    out += d.replacement->empty() ? "*Quick fix:* remove it.\n\n"
                                  : "*Quick fix:* write \"" + *d.replacement + "\".\n\n";
  out += "`amends explain " + d.check + "` says more.";
  return out;
}

}  // namespace amends::lsp
