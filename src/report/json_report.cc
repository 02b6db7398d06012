#include "report/json_report.h"

#include <vector>

#include "report/json_writer.h"
#include "report/positions.h"

namespace amends {
namespace {

// The start of a check's object for each status, up to its findings:
// {"id":…,"status":…,"title":…,"why":…,"findings":
// An audit writes these into every record (about 4 KB of its 7), so they
// are rendered once per thread for the analyzer in use.
const std::string& CheckHead(const Analyzer& analyzer, const CheckResult& r) {
  constexpr size_t kStatuses = 4;
  struct Cache {
    uint64_t serial = 0;
    std::vector<std::string> heads;  // check * kStatuses + status
  };
  thread_local Cache cache;
  const std::vector<CheckDef>& checks = analyzer.checks().checks;
  if (cache.serial != analyzer.serial()) {
    cache.serial = analyzer.serial();
    cache.heads.assign(checks.size() * kStatuses, std::string());
  }
  size_t check = static_cast<size_t>(r.check - checks.data());
  thread_local std::string uncached;
  // A result of another check set (not from this analyzer) is rendered
  // each time.
  std::string& head = check < checks.size()
                          ? cache.heads[check * kStatuses + static_cast<size_t>(r.status)]
                          : (uncached.clear(), uncached);
  if (head.empty()) {
    JsonWriter w(&head);
    w.BeginObject();
    w.Key("id");
    w.String(r.check->id);
    w.Key("status");
    w.String(StatusName(r.status));
    w.Key("title");
    w.String(r.check->title);
    w.Key("why");
    w.String(r.check->why);
    w.Key("findings");
  }
  return head;
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
    w.Raw(CheckHead(analyzer, r));  // an object left open at "findings":
    JsonWriter f(out);
    f.BeginArray();
    for (const Finding& finding : r.findings) {
      Position a = index.At(finding.span.start);
      Position b = index.At(finding.span.end);
      f.BeginObject();
      f.Key("start");
      f.Uint(finding.span.start);
      f.Key("end");
      f.Uint(finding.span.end);
      f.Key("line");
      f.Uint(a.line);
      f.Key("column");
      f.Uint(a.column);
      f.Key("utf16_start");
      f.Uint(a.utf16);
      f.Key("utf16_end");
      f.Uint(b.utf16);
      f.Key("text");
      f.String(doc.Original(finding.span));
      f.Key("message");
      f.String(finding.message);
      f.Key("suggestion");
      if (finding.suggestion.empty()) f.Null();
      else f.String(finding.suggestion);
      if (finding.rule >= 0) {
        f.Key("rule");
        f.String(rules[finding.rule].id);
      }
      f.EndObject();
    }
    f.EndArray();
    out->push_back('}');
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
