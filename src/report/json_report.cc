#include "report/json_report.h"

#include "report/positions.h"

namespace amends {
namespace {

nlohmann::ordered_json SpanJson(const PositionIndex& index, std::string_view text, Span span) {
  Position a = index.At(span.start);
  Position b = index.At(span.end);
  nlohmann::ordered_json j;
  j["start"] = span.start;
  j["end"] = span.end;
  j["line"] = a.line;
  j["column"] = a.column;
  j["utf16_start"] = a.utf16;
  j["utf16_end"] = b.utf16;
  j["text"] = std::string(text.substr(span.start, span.end - span.start));
  return j;
}

}  // namespace

nlohmann::ordered_json ChecklistJson(const Analyzer& analyzer, const Analysis& analysis) {
  const Document& doc = analysis.draft;
  PositionIndex index(doc.text, doc.begin);
  nlohmann::ordered_json out;
  out["schema"] = kSchemaVersion;

  nlohmann::ordered_json situation;
  situation["value"] = analysis.situation.recovery ? "recovery" : "routine";
  situation["forced"] = analysis.situation.forced;
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (const Evidence& e : analysis.situation.evidence) {
    nlohmann::ordered_json j;
    j["source"] = e.from_customer ? "customer_message" : "draft";
    j["rule"] = analyzer.lexicon().rules[e.rule].id;
    j["start"] = e.span.start;
    j["end"] = e.span.end;
    j["text"] = e.text;
    evidence.push_back(std::move(j));
  }
  situation["evidence"] = std::move(evidence);
  out["situation"] = std::move(situation);
  out["ready_to_send"] = analysis.ready_to_send;
  out["customer_name"] = analysis.customer.first.empty()
                             ? nlohmann::ordered_json(nullptr)
                             : nlohmann::ordered_json(analysis.customer.first);

  nlohmann::ordered_json checklist = nlohmann::ordered_json::array();
  for (const CheckResult& r : analysis.checklist) {
    nlohmann::ordered_json c;
    c["id"] = r.check->id;
    c["status"] = StatusName(r.status);
    c["title"] = r.check->title;
    c["why"] = r.check->why;
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const Finding& f : r.findings) {
      nlohmann::ordered_json j = SpanJson(index, doc.text, f.span);
      j["message"] = f.message;
      j["suggestion"] = f.suggestion.empty() ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(f.suggestion);
      if (f.rule >= 0) j["rule"] = analyzer.lexicon().rules[f.rule].id;
      findings.push_back(std::move(j));
    }
    c["findings"] = std::move(findings);
    checklist.push_back(std::move(c));
  }
  out["checklist"] = std::move(checklist);
  return out;
}

}  // namespace amends
