#include "fuzz_common.h"

#include <cstdio>

#include "report/text_report.h"

namespace amends::fuzz {
namespace {

[[noreturn]] void Fail(const char* what, size_t a, size_t b, size_t size) {
  std::fprintf(stderr, "invariant broken: %s (start %zu, end %zu, text size %zu)\n", what, a, b,
               size);
  std::abort();
}

bool IsBoundary(std::string_view text, size_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

void AnalyzeAndRender(const Analyzer& analyzer, const Request& request) {
  Analysis a = analyzer.Analyze(request);
  const std::string_view text = request.text;
  for (const CheckResult& check : a.checklist) {
    for (const Finding& f : check.findings) {
      if (f.span.start > f.span.end || f.span.end > text.size())
        Fail("finding span outside the draft", f.span.start, f.span.end, text.size());
      if (f.span.start < request.begin)
        Fail("finding span before the BOM end", f.span.start, f.span.end, text.size());
      if (!IsBoundary(text, f.span.start) || !IsBoundary(text, f.span.end))
        Fail("finding span splits a character", f.span.start, f.span.end, text.size());
    }
  }
  std::string json =
      ChecklistJson(analyzer, a).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  TextReportOptions options;
  options.show_passes = true;
  std::string report = TextReport(analyzer, a, "fuzz.txt", options);
  if (report.find('\x1b') != std::string::npos)
    Fail("escape byte reached the text report", 0, 0, text.size());
}

}  // namespace amends::fuzz
