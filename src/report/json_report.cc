#include "report/json_report.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <vector>

#include "report/json_writer.h"
#include "report/positions.h"

namespace amends {
namespace {

// What the checklist writes the same way for every draft, rendered as
// JSON once per thread and analyzer (keyed on Analyzer::serial()). An
// audit writes it into every record: the check heads alone are about 4 KB
// of 7.
struct FindingText {
  std::string message, suggestion, rule;  // rule: `,"rule":"id"`; suggestion may be null
};
struct Rendered {
  static constexpr size_t kStatuses = 4;
  uint64_t serial = 0;
  // Per check and status, its object up to its findings:
  // {"id":…,"status":…,"title":…,"why":…,"findings":
  std::vector<std::string> heads;  // check * kStatuses + status
  // The text a finding shows, per rule and per check. A finding whose text
  // is not one of these (it names the customer) is escaped each time.
  std::vector<FindingText> rules, checks;
};

void RenderHead(const CheckDef& check, Status status, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id");
  w.String(check.id);
  w.Key("status");
  w.String(StatusName(status));
  w.Key("title");
  w.String(check.title);
  w.Key("why");
  w.String(check.why);
  w.Key("findings");
}

void RenderFindingText(std::string_view message, std::string_view suggestion, FindingText* t) {
  JsonWriter::Escape(message, &t->message);
  if (suggestion.empty()) t->suggestion = "null";
  else JsonWriter::Escape(suggestion, &t->suggestion);
}

const Rendered& RenderedFor(const Analyzer& analyzer) {
  thread_local Rendered cache;
  if (cache.serial == analyzer.serial()) return cache;
  cache.serial = analyzer.serial();
  const auto& rules = analyzer.lexicon().rules;
  const auto& checks = analyzer.checks().checks;
  cache.heads.assign(checks.size() * Rendered::kStatuses, std::string());
  for (size_t i = 0; i < cache.heads.size(); ++i)
    RenderHead(checks[i / Rendered::kStatuses], static_cast<Status>(i % Rendered::kStatuses),
               &cache.heads[i]);
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
// `check_text` is the rendering of the result's check, or null when it is
// not this analyzer's.
void AppendFinding(const Analyzer& analyzer, const Rendered& rendered, const CheckResult& r,
                   const FindingText* check_text, const Finding& finding, const Document& doc,
                   const PositionIndex& index, uint32_t index_end, std::string* out) {
  Position a = index.At(std::min(finding.span.start, index_end));
  Position b = index.At(std::min(finding.span.end, index_end));
  PieceBuffer<160> buf;
  buf.Put("{\"start\":");
  buf.Number(finding.span.start);
  buf.Put(",\"end\":");
  buf.Number(finding.span.end);
  buf.Put(",\"line\":");
  buf.Number(a.line);
  buf.Put(",\"column\":");
  buf.Number(a.column);
  buf.Put(",\"utf16_start\":");
  buf.Number(a.utf16);
  buf.Put(",\"utf16_end\":");
  buf.Number(b.utf16);
  buf.Put(",\"text\":");
  buf.AppendTo(out);
  JsonWriter::Escape(doc.Original(finding.span), out);
  out->append(",\"message\":");
  const CheckDef& check = *r.check;
  const auto& rules = analyzer.lexicon().rules;
  const FindingText* rule_text = finding.rule >= 0 ? &rendered.rules[finding.rule] : nullptr;
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
  if (finding.replacement) {  // only where the rule offers exact text
    out->append(",\"replacements\":[");
    JsonWriter::Escape(*finding.replacement, out);
    out->push_back(']');
  }
  out->push_back('}');
}

}  // namespace

void AppendChecklistJson(const Analyzer& analyzer, const Analysis& analysis, std::string* out,
                         const ChecklistFrame& frame, const ReportOptions& options) {
  const Document& doc = analysis.draft;
  const auto& rules = analyzer.lexicon().rules;
  const std::string_view positions_in = frame.positions_in.value_or(doc.text);
  PositionIndex index(positions_in, frame.positions_in ? 0 : doc.begin);
  const auto index_end = static_cast<uint32_t>(positions_in.size());
  const Rendered& rendered = RenderedFor(analyzer);
  JsonWriter w(out);
  w.BeginObject();
  if (!frame.leading_members.empty()) w.Raw(frame.leading_members);
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
  const auto& evidence = analysis.situation.evidence;
  const size_t evidence_shown =
      options.max_findings == 0 ? evidence.size() : std::min(evidence.size(), options.max_findings);
  for (size_t i = 0; i < evidence_shown; ++i) {
    const Evidence& e = evidence[i];
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
  if (const size_t all = evidence.size() + analysis.situation.evidence_left_out;
      evidence_shown < all) {
    w.Key("more");
    w.Uint(all - evidence_shown);
  }
  w.EndObject();

  w.Key("ready_to_send");
  w.Bool(analysis.ready_to_send);
  if (!analysis.language.english) {  // not checked: every check below is n/a
    w.Key("language");
    w.BeginObject();
    w.Key("code");
    w.String(analysis.language.code);
    w.Key("confidence");
    w.Uint(static_cast<uint64_t>(analysis.language.confidence));
    w.EndObject();
  }
  w.Key("customer_name");
  if (analysis.customer.first.empty()) w.Null();
  else w.String(analysis.customer.first);

  w.Key("checklist");
  w.BeginArray();
  std::string uncached;
  for (const CheckResult& r : analysis.checklist) {
    // The check's object, left open at "findings": (a result of another
    // check set than this analyzer's is rendered here).
    const size_t check = analyzer.CheckIndex(r);
    const FindingText* check_text = nullptr;
    if (check < rendered.checks.size()) {
      w.Raw(rendered.heads[check * Rendered::kStatuses + static_cast<size_t>(r.status)]);
      check_text = &rendered.checks[check];
    } else {
      uncached.clear();
      RenderHead(*r.check, r.status, &uncached);
      w.Raw(uncached);
    }
    out->push_back('[');
    const size_t shown = FindingsShown(r, options);
    for (size_t i = 0; i < shown; ++i) {
      if (i) out->push_back(',');
      AppendFinding(analyzer, rendered, r, check_text, r.findings[i], doc, index, index_end, out);
    }
    if (shown < r.total_findings()) {
      out->append("],\"more\":");
      out->append(std::to_string(r.total_findings() - shown));
      out->append("}", 1);
    } else {
      out->append("]}", 2);
    }
  }
  w.EndArray();
  if (!frame.trailing_members.empty()) w.Raw(frame.trailing_members);
  w.EndObject();
}

nlohmann::ordered_json ChecklistJson(const Analyzer& analyzer, const Analysis& analysis,
                                     const ReportOptions& options) {
  std::string text;
  AppendChecklistJson(analyzer, analysis, &text, {}, options);
  return nlohmann::ordered_json::parse(text);
}

}  // namespace amends
