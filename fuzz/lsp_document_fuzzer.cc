// `amends lsp` on what an editor sends: the bytes as a stream of framed
// messages (lsp/framing.h), each repaired and parsed as JSON; and the bytes
// as an open document of each kind (plain text, markdown, mail) through
// the document text, the analyzer, the diagnostics and both position
// encodings, with positions sent back and forth. Invariants checked:
// a message's long string is read as json::parse reads it, diagnostics lie
// inside the document, a replacement leaves a UTF-8 document UTF-8,
// positions go back to offsets not past where they came from nor past the
// end, and the document analysed after its first half, with the cache an
// open document keeps, is analysed as it is afresh.
#include <nlohmann/json.hpp>

#include "fuzz_common.h"
#include "lsp/diagnostics.h"
#include "lsp/document_text.h"
#include "lsp/framing.h"
#include "lsp/message_json.h"
#include "lsp/positions.h"
#include "lsp/server.h"
#include "report/json_report.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends;
  using namespace amends::lsp;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  size_t at = 0;
  MessageReader reader(
      [&](char* buffer, size_t room) -> long {
        size_t n = std::min({room, size_t{7}, bytes.size() - at});  // a few bytes at a time
        bytes.copy(buffer, n, at);
        at += n;
        return static_cast<long>(n);
      },
      1 << 16);
  std::string body;
  for (int i = 0; i < 64 && reader.Next(&body) == MessageReader::Result::kMessage; ++i) {
    const nlohmann::json usual = nlohmann::json::parse(body, nullptr, false);
    for (size_t long_string : {size_t{0}, size_t{16}}) {
      const nlohmann::json fast = ParseMessageJson(body, long_string);
      if (fast.is_discarded() != usual.is_discarded() || (!usual.is_discarded() && fast != usual))
        std::abort();
    }
    RepairLoneSurrogates(&body);
    (void)nlohmann::json::parse(body, nullptr, false);
  }

  const Analyzer& analyzer = fuzz::EmbeddedAnalyzer();
  const DocumentKind kind = static_cast<DocumentKind>(size % 3);
  DocumentText text;
  Request request;
  std::string error;
  if (!text.Prepare(kind, bytes, &request, &error)) return 0;
  Analysis analysis = analyzer.Analyze(request);
  {
    // Its first half, then the whole, with one cache.
    AnalysisCache cache;
    Analysis cached;
    std::string half(bytes.substr(0, bytes.size() / 2));
    DocumentText half_text;
    Request half_request;
    if (half_text.Prepare(kind, half, &half_request, &error))
      analyzer.Analyze(half_request, &cached, &cache);
    analyzer.Analyze(request, &cached, &cache);
    std::string got, want;
    AppendChecklistJson(analyzer, cached, &got);
    AppendChecklistJson(analyzer, analysis, &want);
    if (got != want) std::abort();
  }
  auto diagnostics = CollectDiagnostics(analysis, text, {}, 50);
  LineIndex index(bytes);
  const bool valid_utf8 = FindInvalidUtf8(bytes) == kValidUtf8;
  for (const DocumentDiagnostic& d : diagnostics) {
    if (d.start > d.end || d.end > bytes.size()) std::abort();
    for (PositionEncoding e : {PositionEncoding::kUtf16, PositionEncoding::kUtf8}) {
      (void)DiagnosticJson(d, index, e)
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      LspPosition p = index.ToPosition(d.start, e);
      if (index.ToOffset(p, e) > d.start) std::abort();
      if (index.ToOffset({p.line, p.character + 1000}, e) > bytes.size()) std::abort();
    }
    (void)HoverMarkdown(d);
    // A replacement cuts the document at character boundaries: the text
    // with it applied is as valid UTF-8 as the document was.
    if (d.replacement && kind != DocumentKind::kMail && valid_utf8) {
      std::string fixed(bytes.substr(0, d.start));
      fixed += *d.replacement;
      fixed += bytes.substr(d.end);
      if (FindInvalidUtf8(fixed) != kValidUtf8) std::abort();
    }
  }
  return 0;
}
