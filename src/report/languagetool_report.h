// Report stage: a checklist in the shape LanguageTool's HTTP server answers
// POST /v2/check with, so LanguageTool's clients (browser extension,
// Thunderbird, LTeX, Obsidian…) show amends findings with no code of their
// own. `amends serve` answers /v2/check with it; `check --format
// languagetool` prints it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/analyzer.h"
#include "report/report_options.h"

namespace amends {

// What one answer carries besides the analysis. Views: alive for the call.
struct LanguageToolFrame {
  // The language code the client asked for, echoed in "language".
  std::string_view language = "en-US";
  // Which fired checks become matches; empty: every enabled check. Only
  // `fix` and `consider` results are matches whatever this says.
  std::function<bool(const CheckDef&)> wanted;
  // A byte offset of the analysed text as UTF-16 units of the text the
  // client sent (`is_end`: the offset ends a match), when the two differ
  // (LanguageTool's `data` annotation replaces markup). Empty: UTF-16 units
  // of `positions_in`.
  std::function<uint32_t(uint32_t offset, bool is_end)> utf16_offset;
  // The text context and sentences are shown from and, without
  // `utf16_offset`, offsets are counted in, when it is not the analysed
  // draft: an email's decoded body (as ChecklistFrame::positions_in).
  std::optional<std::string_view> positions_in;
};

// Appends LanguageTool's answer object for one analysed draft to `*out`, as
// one line of compact JSON without a newline. A finding is a match at its
// span; one with an empty span (something missing) is a zero-length match
// there. Matches are in offset order; at most `options.max_findings` per
// check, the first in text order. `analysis.draft.text` must still be alive.
void AppendLanguageToolJson(const Analysis& analysis, const LanguageToolFrame& frame,
                            const ReportOptions& options, std::string* out);

// The name LanguageTool gives a language code ("en-GB" → "English (GB)").
std::string LanguageToolLanguageName(std::string_view code);

// UTF-16 code units of UTF-8 text (four-byte sequences count two).
uint32_t Utf16Length(std::string_view utf8);

}  // namespace amends
