// The LanguageTool-compatible API: POST /v2/check and GET /v2/languages in
// the shape LanguageTool's own server answers, so its clients (browser
// extension, Thunderbird, LTeX, Obsidian…) show amends findings as they are.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/analyzer.h"
#include "serve/native_api.h"
#include "serve/reply.h"

namespace amends::serve {

// Where a run of the analysed text came from in the text the client sent:
// `data` annotation replaces markup with its interpretAs, and matches must
// point into the annotated original.
struct TextPiece {
  uint32_t plain_begin, plain_end;                 // bytes of LtRequest::text
  uint32_t original_utf16, original_utf16_length;  // in the client's text
  bool markup;  // an interpretAs stand-in: a match inside maps to its edges
};

struct LtRequest {
  std::string text;               // what is analysed
  std::vector<TextPiece> pieces;  // empty: `text` is the client's text
  std::string language = "en-US";
  std::set<std::string> enabled, disabled;  // check ids or their family
  bool enabled_only = false;
};

// Reads the form fields (`text` or `data`, `language`, `enabledRules`,
// `disabledRules`, `enabledOnly`, `level`) from a form body, or from a JSON
// object with the same members (a body that starts with '{'). Returns false
// with `*error` naming the field and byte.
bool ParseLtRequest(std::string_view body, LtRequest* out, std::string* error);

Reply CheckLanguageTool(const Analyzer& analyzer, std::string_view body, const Budget& budget);

// The languages: English only, in the codes clients ask for.
Reply LanguageToolLanguages();

}  // namespace amends::serve
