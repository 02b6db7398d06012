#include "report/languagetool_report.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "report/json_writer.h"
#include "report/positions.h"
#include "util/utf8.h"

#ifndef AMENDS_REPORT_VERSION
#define AMENDS_REPORT_VERSION "0.0.0"
#endif

namespace amends {
namespace {

constexpr size_t kContextChars = 40;  // code points either side, as LanguageTool gives

struct Match {
  uint32_t offset, length;  // UTF-16 units of the client's text
  const CheckResult* result;
  const Finding* finding;
};

// Every match the frame wants, in offset order.
std::vector<Match> CollectMatches(const Analysis& analysis, const LanguageToolFrame& frame,
                                  const ReportOptions& options, const PositionIndex& index,
                                  uint32_t index_end) {
  auto utf16 = [&](uint32_t offset, bool is_end) {
    if (frame.utf16_offset) return frame.utf16_offset(offset, is_end);
    return index.At(std::min(offset, index_end)).utf16;
  };
  std::vector<Match> matches;
  std::vector<const Finding*> findings;
  for (const CheckResult& r : analysis.checklist) {
    if (!r.check->enabled || (r.status != Status::kFix && r.status != Status::kConsider)) continue;
    if (frame.wanted && !frame.wanted(*r.check)) continue;
    // The first max_findings in text order, as the checklist writes them.
    findings.clear();
    for (const Finding& f : r.findings) findings.push_back(&f);
    std::stable_sort(findings.begin(), findings.end(), [](const Finding* a, const Finding* b) {
      return a->span.start != b->span.start ? a->span.start < b->span.start
                                            : a->span.end < b->span.end;
    });
    if (options.max_findings && findings.size() > options.max_findings)
      findings.resize(options.max_findings);
    for (const Finding* f : findings) {
      uint32_t offset = utf16(f->span.start, false), stop = utf16(f->span.end, true);
      matches.push_back({offset, stop >= offset ? stop - offset : 0, &r, f});
    }
  }
  std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.length < b.length;
  });
  return matches;
}

// `{"text","offset","length"}`: up to kContextChars code points either side
// of [start, end), on one line.
void AppendContext(std::string_view text, uint32_t start, uint32_t end, JsonWriter* w) {
  size_t from = std::min<size_t>(start, text.size()), to = std::min<size_t>(end, text.size());
  for (size_t n = 0; from > 0 && n < kContextChars; ++n) {
    --from;
    while (from > 0 && IsUtf8Continuation(text[from])) --from;
  }
  for (size_t n = 0; to < text.size() && n < kContextChars; ++n) {
    ++to;
    while (to < text.size() && IsUtf8Continuation(text[to])) ++to;
  }
  std::string shown(text.substr(from, to - from));
  for (char& c : shown)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';  // one line, the same length
  const size_t match_start = std::min<size_t>(start, text.size());
  w->BeginObject();
  w->Key("text");
  w->String(shown);
  w->Key("offset");
  w->Uint(Utf16Length(text.substr(from, match_start - from)));
  w->Key("length");
  w->Uint(Utf16Length(text.substr(match_start, std::min<size_t>(end, text.size()) - match_start)));
  w->EndObject();
}

void AppendHead(std::string_view language, JsonWriter* w) {
  const std::string name = LanguageToolLanguageName(language);
  w->Key("software");
  w->Raw("{\"name\":\"amends\",\"version\":\"" AMENDS_REPORT_VERSION
         "\",\"buildDate\":\"\",\"apiVersion\":1,\"premium\":false,\"status\":\"\"}");
  w->Key("warnings");
  w->Raw("{\"incompleteResults\":false}");
  w->Key("language");
  w->BeginObject();
  w->Key("name");
  w->String(name);
  w->Key("code");
  w->String(language);
  w->Key("detectedLanguage");
  w->BeginObject();
  w->Key("name");
  w->String(name);
  w->Key("code");
  w->String(language);
  w->Key("confidence");
  w->Raw("1.0");
  w->EndObject();
  w->EndObject();
}

void AppendMatch(const Match& m, const Analysis& analysis, std::string_view shown_text,
                 std::string* message, JsonWriter* w) {
  const CheckDef& check = *m.result->check;
  const Span span = m.finding->span;
  const std::string family = check.id.substr(0, check.id.find('.'));
  std::string category = family;
  std::transform(category.begin(), category.end(), category.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  message->assign(m.finding->message);
  if (!m.finding->suggestion.empty())
    message->append(" Suggestion: ").append(m.finding->suggestion);
  w->BeginObject();
  w->Key("message");
  w->String(*message);
  w->Key("shortMessage");
  w->String(check.title);
  w->Key("replacements");
  w->BeginArray();
  if (m.finding->replacement) {  // a literal one the rule gives
    w->BeginObject();
    w->Key("value");
    w->String(*m.finding->replacement);
    w->EndObject();
  }
  w->EndArray();
  w->Key("offset");
  w->Uint(m.offset);
  w->Key("length");
  w->Uint(m.length);
  w->Key("context");
  AppendContext(shown_text, span.start, span.end, w);
  w->Key("sentence");
  const Document& doc = analysis.draft;
  if (doc.sentences.empty()) {
    w->String("");
  } else {
    const Sentence& s = doc.sentences[doc.SentenceAt(span.start)];
    const size_t from = std::min<size_t>(s.start, shown_text.size());
    w->String(shown_text.substr(from, std::min<size_t>(s.end, shown_text.size()) - from));
  }
  w->Key("type");
  w->Raw("{\"typeName\":\"Other\"}");
  w->Key("rule");
  w->BeginObject();
  w->Key("id");
  w->String(check.id);
  w->Key("description");
  w->String(check.title);
  w->Key("issueType");
  w->String(m.result->status == Status::kFix ? "grammar" : "style");
  w->Key("category");
  w->BeginObject();
  w->Key("id");
  w->String(category);
  w->Key("name");
  w->String(family);
  w->EndObject();
  w->EndObject();
  w->Key("ignoreForIncompleteSentence");
  w->Bool(false);
  w->Key("contextForSureMatch");
  w->Uint(0);
  w->EndObject();
}

}  // namespace

uint32_t Utf16Length(std::string_view utf8) {
  uint32_t n = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++n;  // each code point…
    if (c >= 0xF0) ++n;           // …and a surrogate pair's second half
  }
  return n;
}

std::string LanguageToolLanguageName(std::string_view code) {
  if (code == "en-GB") return "English (GB)";
  if (code == "en-US") return "English (US)";
  if (code == "en-AU") return "English (Australian)";
  if (code == "en-CA") return "English (Canadian)";
  return "English";
}

void AppendLanguageToolJson(const Analysis& analysis, const LanguageToolFrame& frame,
                            const ReportOptions& options, std::string* out) {
  const Document& doc = analysis.draft;
  const std::string_view shown_text = frame.positions_in.value_or(doc.text);
  PositionIndex index(shown_text, frame.positions_in ? 0 : doc.begin);
  const std::vector<Match> matches =
      CollectMatches(analysis, frame, options, index, static_cast<uint32_t>(shown_text.size()));
  // Written straight from the analysis, as the native checklist is: no
  // JSON tree on the way.
  JsonWriter w(out);
  w.BeginObject();
  AppendHead(frame.language, &w);
  w.Key("matches");
  w.BeginArray();
  std::string message;
  for (const Match& m : matches) AppendMatch(m, analysis, shown_text, &message, &w);
  w.EndArray();
  w.EndObject();
}

}  // namespace amends
