#include "report/json_report.h"

#include <unordered_map>

#include "report/json_writer.h"
#include "report/positions.h"

namespace amends {
namespace {

// A check's title and why, already escaped: an audit writes them into
// every record (about 4 KB of its 7), so they are escaped once per thread
// and reused while the check's text is unchanged.
struct EscapedCheckText {
  std::string title, why;            // what was escaped
  std::string title_json, why_json;  // as JSON string literals
};

const EscapedCheckText& Escaped(const CheckDef& check) {
  thread_local std::unordered_map<const CheckDef*, EscapedCheckText> cache;
  EscapedCheckText& e = cache[&check];
  // Compared, not trusted: another CheckDef may later live at this address.
  if (e.title != check.title || e.why != check.why || e.title_json.empty()) {
    e.title = check.title;
    e.why = check.why;
    e.title_json.clear();
    e.why_json.clear();
    JsonWriter::Escape(check.title, &e.title_json);
    JsonWriter::Escape(check.why, &e.why_json);
  }
  return e;
}

}  // namespace

void AppendChecklistJson(const Analyzer& analyzer, const Analysis& analysis, std::string* out,
                         std::string_view id_json) {
  const Document& doc = analysis.draft;
  const auto& rules = analyzer.lexicon().rules;
  PositionIndex index(doc.text, doc.begin);
  JsonWriter w(out);
  w.BeginObject();
  if (!id_json.empty()) {
    w.Key("id");
    w.Raw(id_json);
  }
  w.Key("schema");
  w.String(kSchemaVersion);

  w.Key("situation");
  w.BeginObject();
  w.Key("value");
  w.String(analysis.situation.recovery ? "recovery" : "routine");
  w.Key("forced");
  w.Bool(analysis.situation.forced);
  w.Key("evidence");
  w.BeginArray();
  for (const Evidence& e : analysis.situation.evidence) {
    w.BeginObject();
    w.Key("source");
    w.String(e.from_customer ? "customer_message" : "draft");
    w.Key("rule");
    w.String(rules[e.rule].id);
    w.Key("start");
    w.Uint(e.span.start);
    w.Key("end");
    w.Uint(e.span.end);
    w.Key("text");
    w.String(e.text);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  w.Key("ready_to_send");
  w.Bool(analysis.ready_to_send);
  w.Key("customer_name");
  if (analysis.customer.first.empty()) w.Null();
  else w.String(analysis.customer.first);

  w.Key("checklist");
  w.BeginArray();
  for (const CheckResult& r : analysis.checklist) {
    w.BeginObject();
    w.Key("id");
    w.String(r.check->id);
    w.Key("status");
    w.String(StatusName(r.status));
    const EscapedCheckText& text = Escaped(*r.check);
    w.Key("title");
    w.Raw(text.title_json);
    w.Key("why");
    w.Raw(text.why_json);
    w.Key("findings");
    w.BeginArray();
    for (const Finding& f : r.findings) {
      Position a = index.At(f.span.start);
      Position b = index.At(f.span.end);
      w.BeginObject();
      w.Key("start");
      w.Uint(f.span.start);
      w.Key("end");
      w.Uint(f.span.end);
      w.Key("line");
      w.Uint(a.line);
      w.Key("column");
      w.Uint(a.column);
      w.Key("utf16_start");
      w.Uint(a.utf16);
      w.Key("utf16_end");
      w.Uint(b.utf16);
      w.Key("text");
      w.String(doc.Original(f.span));
      w.Key("message");
      w.String(f.message);
      w.Key("suggestion");
      if (f.suggestion.empty()) w.Null();
      else w.String(f.suggestion);
      if (f.rule >= 0) {
        w.Key("rule");
        w.String(rules[f.rule].id);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

nlohmann::ordered_json ChecklistJson(const Analyzer& analyzer, const Analysis& analysis) {
  std::string text;
  AppendChecklistJson(analyzer, analysis, &text);
  return nlohmann::ordered_json::parse(text);
}

}  // namespace amends
