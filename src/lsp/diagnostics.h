// Report stage for editors: an analysis as the diagnostics of an open
// document, in its bytes, and as LSP JSON in the negotiated encoding.
//
// Severity, from the finding's status: `fix` is a Warning (change it before
// sending; prose is not a build error, so Error is left to the editor's
// own), `consider` is Information. Checks that pass or do not apply give
// none.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/analyzer.h"
#include "lsp/document_text.h"
#include "lsp/positions.h"

namespace amends::lsp {

inline constexpr int kSeverityWarning = 2;
inline constexpr int kSeverityInformation = 3;

// One finding of one check, in the document's bytes. Owns its text, so the
// analysis it came from may go.
struct DocumentDiagnostic {
  uint32_t start = 0, end = 0;
  std::string check;  // id
  Status status = Status::kConsider;
  std::string title, why, message, suggestion;
  std::optional<std::string> replacement;  // exact text for [start, end)
};

// The fix and consider findings of `analysis` (at most `max_findings` per
// check; 0: all) that can be placed in the document, in checklist order;
// checks named in `disabled` left out. A replacement is kept only where the
// analysed bytes are the document's own.
std::vector<DocumentDiagnostic> CollectDiagnostics(const Analysis& analysis,
                                                   const DocumentText& text,
                                                   const std::set<std::string>& disabled,
                                                   size_t max_findings);

int SeverityOf(Status status);

nlohmann::json RangeJson(const LineIndex& index, uint32_t start, uint32_t end,
                         PositionEncoding encoding);

// An LSP Diagnostic: range, severity, code (the check id), source "amends",
// message ("Title: message").
nlohmann::json DiagnosticJson(const DocumentDiagnostic& d, const LineIndex& index,
                              PositionEncoding encoding);

// The textDocument/publishDiagnostics notification of `diagnostics` for
// the document `uri` at `version`, as JSON text: the very bytes of that
// notification built from DiagnosticJson values and dumped, written
// straight to text instead (a long document has hundreds). `uri` must be
// valid UTF-8.
std::string PublishDiagnosticsJson(std::string_view uri, int64_t version,
                                   const std::vector<DocumentDiagnostic>& diagnostics,
                                   const LineIndex& index, PositionEncoding encoding);

// Markdown for a hover over `d`: the check's title, why, what is wrong and
// the suggestion.
std::string HoverMarkdown(const DocumentDiagnostic& d);

}  // namespace amends::lsp
