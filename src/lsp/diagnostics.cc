#include "lsp/diagnostics.h"

#include <algorithm>

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
