#include "report/compact_report.h"

#include <charconv>
#include <cstring>
#include <vector>

#include "report/json_writer.h"

namespace amends {
namespace {

bool Fired(Status s) { return s == Status::kFix || s == Status::kConsider; }

// What a reader of the compact form takes a finding to say when the line
// does not spell it out: its rule's text, else its check's (as
// `amends rules --format json` lists them).
std::string_view Default(const std::string* rule_text, const std::string& check_text) {
  return rule_text && !rule_text->empty() ? std::string_view(*rule_text)
                                          : std::string_view(check_text);
}

// The JSON that is the same on every line, rendered once per thread and
// analyzer (keyed on Analyzer::serial()): a line holds little else, so
// writing it key by key was most of the compact form's cost.
struct Rendered {
  uint64_t serial = 0;
  // Per check: {"id":…,"status":"fix","findings":[ and the same for consider.
  std::vector<std::string> fix, consider;
  std::vector<std::string> rules;  // per rule: ,"rule":…
};

const Rendered& RenderedFor(const Analyzer& analyzer) {
  thread_local Rendered cache;
  if (cache.serial == analyzer.serial()) return cache;
  cache.serial = analyzer.serial();
  const auto& checks = analyzer.checks().checks;
  cache.fix.assign(checks.size(), std::string());
  cache.consider.assign(checks.size(), std::string());
  for (size_t i = 0; i < checks.size(); ++i) {
    for (Status s : {Status::kFix, Status::kConsider}) {
      std::string& head = s == Status::kFix ? cache.fix[i] : cache.consider[i];
      head = "{\"id\":";
      JsonWriter::Escape(checks[i].id, &head);
      head += ",\"status\":\"";
      head += StatusName(s);
      head += "\",\"findings\":[";
    }
  }
  const auto& rules = analyzer.lexicon().rules;
  cache.rules.assign(rules.size(), std::string());
  for (size_t i = 0; i < rules.size(); ++i) {
    cache.rules[i] = ",\"rule\":";
    JsonWriter::Escape(rules[i].id, &cache.rules[i]);
  }
  return cache;
}

// The check's rendered head, or null for a check of another check set
// than the analyzer's.
const std::string* HeadOf(const Analyzer& analyzer, const Rendered& rendered,
                          const CheckResult& r) {
  const size_t i = analyzer.CheckIndex(r);
  if (i == SIZE_MAX) return nullptr;
  return r.status == Status::kFix ? &rendered.fix[i] : &rendered.consider[i];
}

void AppendFinding(const Rendered& rendered, const std::vector<Rule>& rules, const CheckDef& check,
                   const Finding& f, const Document& doc, std::string* out) {
  PieceBuffer<48> buf;
  buf.Put("{\"start\":");
  buf.Number(f.span.start);
  buf.Put(",\"end\":");
  buf.Number(f.span.end);
  buf.AppendTo(out);
  if (f.span.end > f.span.start) {
    out->append(",\"text\":");
    JsonWriter::Escape(doc.Original(f.span), out);
  }
  const Rule* rule = f.rule >= 0 ? &rules[f.rule] : nullptr;
  if (rule) out->append(rendered.rules[f.rule]);
  // Spelled out only when this reply's text differs from what the lexicon
  // says (it names the customer, or the check's text replaces its rule's).
  if (f.message != Default(rule ? &rule->message : nullptr, check.message)) {
    out->append(",\"message\":");
    JsonWriter::Escape(f.message, out);
  }
  if (f.suggestion != Default(rule ? &rule->suggestion : nullptr, check.suggestion)) {
    out->append(",\"suggestion\":");
    if (f.suggestion.empty()) out->append("null");
    else JsonWriter::Escape(f.suggestion, out);
  }
  out->push_back('}');
}

}  // namespace

void AppendCompactJson(const Analyzer& analyzer, const Analysis& analysis, std::string* out,
                       std::string_view leading_members, const ReportOptions& options) {
  const Rendered& rendered = RenderedFor(analyzer);
  const auto& rules = analyzer.lexicon().rules;
  out->push_back('{');
  if (!leading_members.empty()) {
    out->append(leading_members);
    out->push_back(',');
  }
  out->append("\"schema\":\"");
  out->append(kCompactSchemaVersion);
  out->append(analysis.situation.recovery ? "\",\"situation\":\"recovery\""
                                          : "\",\"situation\":\"routine\"");
  out->append(analysis.ready_to_send ? ",\"ready_to_send\":true" : ",\"ready_to_send\":false");
  if (!analysis.language.english) {  // codes are ASCII letters: nothing to escape
    out->append(",\"language\":{\"code\":\"" + analysis.language.code +
                "\",\"confidence\":" + std::to_string(analysis.language.confidence) + "}");
  }
  out->append(",\"checklist\":[");
  bool first = true;
  std::string uncached;
  for (const CheckResult& r : analysis.checklist) {
    if (!Fired(r.status)) continue;
    if (!first) out->push_back(',');
    first = false;
    const CheckDef& check = *r.check;
    if (const std::string* head = HeadOf(analyzer, rendered, r)) {
      out->append(*head);
    } else {
      uncached = "{\"id\":";
      JsonWriter::Escape(check.id, &uncached);
      uncached += ",\"status\":\"";
      uncached += StatusName(r.status);
      uncached += "\",\"findings\":[";
      out->append(uncached);
    }
    const size_t shown = FindingsShown(r, options);
    for (size_t i = 0; i < shown; ++i) {
      if (i) out->push_back(',');
      AppendFinding(rendered, rules, check, r.findings[i], analysis.draft, out);
    }
    out->push_back(']');
    if (shown < r.total_findings()) {
      out->append(",\"more\":");
      out->append(std::to_string(r.total_findings() - shown));
    }
    out->push_back('}');
  }
  out->append("]}");
}

}  // namespace amends
