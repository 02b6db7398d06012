#include "report/json_report.h"

#include <charconv>
#include <cstring>
#include <functional>
#include <vector>

#include "report/json_writer.h"
#include "report/positions.h"

namespace amends {
namespace {

// The index of the result's check in the analyzer's checks, or SIZE_MAX
// for a check of another set.
size_t CheckIndex(const Analyzer& analyzer, const CheckResult& r) {
  const std::vector<CheckDef>& checks = analyzer.checks().checks;
  std::less_equal<const CheckDef*> le;
  if (checks.empty() || !le(checks.data(), r.check) || !le(r.check, &checks.back())) return SIZE_MAX;
  return static_cast<size_t>(r.check - checks.data());
}

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
  size_t check = CheckIndex(analyzer, r);
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

// The lexicon text a finding shows, already as JSON: per rule its message,
// suggestion (or null) and `,"rule":"id"`; per check its message and
// suggestion. Rendered once per thread and analyzer, like CheckHead; a
// finding whose text is not one of these (it names the customer) is
// escaped each time.
struct FindingText {
  std::string message, suggestion, rule;
};
struct FindingTexts {
  uint64_t serial = 0;
  std::vector<FindingText> rules, checks;
};

void RenderFindingText(std::string_view message, std::string_view suggestion, FindingText* t) {
  JsonWriter::Escape(message, &t->message);
  if (suggestion.empty()) t->suggestion = "null";
  else JsonWriter::Escape(suggestion, &t->suggestion);
}

const FindingTexts& TextsFor(const Analyzer& analyzer) {
  thread_local FindingTexts cache;
  if (cache.serial == analyzer.serial()) return cache;
  cache.serial = analyzer.serial();
  const auto& rules = analyzer.lexicon().rules;
  const auto& checks = analyzer.checks().checks;
  cache.rules.assign(rules.size(), {});
  for (size_t i = 0; i < rules.size(); ++i) {
    RenderFindingText(rules[i].message, rules[i].suggestion, &cache.rules[i]);
    cache.rules[i].rule = ",\"rule\":";
    JsonWriter::Escape(rules[i].id, &cache.rules[i].rule);
  }
  cache.checks.assign(checks.size(), {});
  for (size_t i = 0; i < checks.size(); ++i)
    RenderFindingText(checks[i].message, checks[i].suggestion, &cache.checks[i]);
  return cache;
}

// One finding: {"start":…,"end":…,"line":…,"column":…,"utf16_start":…,
// "utf16_end":…,"text":…,"message":…,"suggestion":…[,"rule":…]}.
void AppendFinding(const Analyzer& analyzer, const FindingTexts& texts, const CheckResult& r,
                   const Finding& finding, const Document& doc, const PositionIndex& index,
                   std::string* out) {
  Position a = index.At(finding.span.start);
  Position b = index.At(finding.span.end);
  char buf[160];
  char* p = buf;
  auto put = [&p](std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  };
  auto number = [&p](uint32_t v) { p = std::to_chars(p, p + 10, v).ptr; };
  put("{\"start\":");
  number(finding.span.start);
  put(",\"end\":");
  number(finding.span.end);
  put(",\"line\":");
  number(a.line);
  put(",\"column\":");
  number(a.column);
  put(",\"utf16_start\":");
  number(a.utf16);
  put(",\"utf16_end\":");
  number(b.utf16);
  put(",\"text\":");
  out->append(buf, p);
  JsonWriter::Escape(doc.Original(finding.span), out);
  out->append(",\"message\":");
  const CheckDef& check = *r.check;
  const auto& rules = analyzer.lexicon().rules;
  const size_t check_index = CheckIndex(analyzer, r);
  const FindingText* check_text =
      check_index < texts.checks.size() ? &texts.checks[check_index] : nullptr;
  const FindingText* rule_text = finding.rule >= 0 ? &texts.rules[finding.rule] : nullptr;
  // A view is the cached text when it is that very string (the same bytes
  // at the same address) of the finding's rule or check.
  auto append = [&](std::string_view view, const std::string Rule::*rule_field,
                    const std::string CheckDef::*check_field, const std::string FindingText::*json,
                    bool suggestion) {
    if (suggestion && view.empty()) {
      out->append("null");
    } else if (rule_text && view.data() == (rules[finding.rule].*rule_field).data() &&
               view.size() == (rules[finding.rule].*rule_field).size()) {
      out->append(rule_text->*json);
    } else if (check_text && view.data() == (check.*check_field).data() &&
               view.size() == (check.*check_field).size()) {
      out->append(check_text->*json);
    } else {
      JsonWriter::Escape(view, out);
    }
  };
  append(finding.message, &Rule::message, &CheckDef::message, &FindingText::message, false);
  out->append(",\"suggestion\":");
  append(finding.suggestion, &Rule::suggestion, &CheckDef::suggestion, &FindingText::suggestion,
         true);
  if (rule_text) out->append(rule_text->rule);
  out->push_back('}');
}

}  // namespace

void AppendChecklistJson(const Analyzer& analyzer, const Analysis& analysis, std::string* out,
                         std::string_view id_json) {
  const Document& doc = analysis.draft;
  const auto& rules = analyzer.lexicon().rules;
  PositionIndex index(doc.text, doc.begin);
  const FindingTexts& texts = TextsFor(analyzer);
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
    out->push_back('[');
    for (size_t i = 0; i < r.findings.size(); ++i) {
      if (i) out->push_back(',');
      AppendFinding(analyzer, texts, r, r.findings[i], doc, index, out);
    }
    out->append("]}", 2);
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
