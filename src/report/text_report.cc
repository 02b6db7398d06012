#include "report/text_report.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "report/positions.h"
#include "util/utf8.h"

namespace amends {
namespace {

constexpr int kMaxSnippet = 80;

std::string Snippet(std::string_view text) {
  std::string s = EscapeControls(text);
  for (char& c : s)
    if (c == '\n' || c == '\t') c = ' ';
  if (s.size() > kMaxSnippet) {
    s = std::string(TruncateUtf8(s, kMaxSnippet)) + "…";
  }
  return s;
}

// A consider of a recovery-only check whose findings all mark where
// something missing would go ("Promise an update").
bool OnlyMissing(const CheckResult& r) {
  if (r.status != Status::kConsider || !r.check->recovery_only || r.findings.empty()) return false;
  return std::all_of(r.findings.begin(), r.findings.end(),
                     [](const Finding& f) { return f.span.empty(); });
}

// "empathy" for empathy.missing; other ids in full ("solution.ask").
std::string ShortName(const std::string& id) {
  const std::string suffix = ".missing";
  if (id.size() > suffix.size() &&
      id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0)
    return id.substr(0, id.size() - suffix.size());
  return id;
}

}  // namespace

std::string TextReport(const Analyzer& analyzer, const Analysis& analysis,
                       const std::string& source_name, const TextReportOptions& options) {
  auto paint = [&](const char* code, const std::string& s) {
    return options.color ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  };
  const Document& doc = analysis.draft;
  PositionIndex index(doc.text, doc.begin);
  int fixes = 0, considers = 0, passes = 0, na = 0;
  std::string body;
  // Recovery-only considers that only say something is missing are one
  // line together unless --all asks for each.
  std::vector<std::string> worth_adding;
  if (!options.show_passes) {
    for (const CheckResult& r : analysis.checklist)
      if (OnlyMissing(r)) worth_adding.push_back(ShortName(r.check->id));
    if (worth_adding.size() < 2) worth_adding.clear();
  }
  uint32_t insert_shown = UINT32_MAX;  // where the last "(here)" was shown
  for (const CheckResult& r : analysis.checklist) {
    switch (r.status) {
      case Status::kFix:
        ++fixes;
        break;
      case Status::kConsider:
        ++considers;
        break;
      case Status::kPass:
        ++passes;
        break;
      case Status::kNotApplicable:
        ++na;
        break;
    }
    bool flagged = r.status == Status::kFix || r.status == Status::kConsider;
    if (!flagged && !options.show_passes) continue;
    if (!worth_adding.empty() && OnlyMissing(r)) continue;
    std::string label = StatusName(r.status);
    label.resize(9, ' ');
    const char* color = r.status == Status::kFix        ? "1;31"
                        : r.status == Status::kConsider ? "33"
                        : r.status == Status::kPass     ? "32"
                                                        : "2";
    body += "  " + paint(color, label) + EscapeControls(r.check->id) + " — " +
            EscapeControls(r.check->title) + "\n";
    const size_t shown = FindingsShown(r, options.report);
    for (size_t i = 0; i < shown; ++i) {
      const Finding& f = r.findings[i];
      Position p = index.At(f.span.start);
      std::string where = std::to_string(p.line) + ":" + std::to_string(p.column);
      std::string text(doc.Original(f.span));
      if (f.span.empty()) {
        // Where something missing would go, once for all that go there.
        if (f.span.start != insert_shown)
          body += "      " + where + "  (here: where the body starts)\n";
        insert_shown = f.span.start;
      } else {
        body += "      " + where + "  \"" + paint("1", Snippet(text)) + "\"\n";
      }
      if (flagged) {
        // Messages can quote the customer's name as given: escape them too.
        body += "        " + EscapeControls(f.message) + "\n";
        if (!f.suggestion.empty()) body += "        → " + EscapeControls(f.suggestion) + "\n";
      }
    }
    if (shown < r.total_findings())
      body += "      … and " + std::to_string(r.total_findings() - shown) + " more\n";
  }
  if (!worth_adding.empty()) {
    std::string list;
    for (const std::string& name : worth_adding) list += (list.empty() ? "" : ", ") + name;
    body += "  " + paint("33", "consider ") + "Also worth adding: " + EscapeControls(list) +
            "\n        (amends check --all shows each with a suggestion)\n";
  }
  std::string head = EscapeControls(source_name) + ": " +
                     (analysis.situation.recovery ? "recovery" : "routine") + " reply";
  if (analysis.situation.forced) head += " (as told)";
  head += ", ";
  std::string evidence;  // why it counts as a recovery, in one line
  if (analysis.situation.recovery && !analysis.situation.forced &&
      !analysis.situation.evidence.empty()) {
    // What the customer wrote says it best; else the reply's own cue.
    const auto& all = analysis.situation.evidence;
    auto customer =
        std::find_if(all.begin(), all.end(), [](const Evidence& x) { return x.from_customer; });
    const Evidence& e = customer != all.end() ? *customer : all.front();
    evidence = std::string("  recovery: ") +
               (e.from_customer ? "the customer wrote \"" : "the reply says \"") + Snippet(e.text) +
               "\"";
    if (size_t more = all.size() + analysis.situation.evidence_left_out - 1)
      evidence += " (and " + std::to_string(more) + " more)";
    evidence += "\n";
  }
  if (!analysis.language.english) {
    // Its checks are all n/a: say so rather than "ready to send".
    return head + paint("33", "not checked: looks like " + analysis.language.name) + " (" +
           std::to_string(analysis.language.confidence) +
           "% of its letters); --language en checks it with the English rules\n";
  }
  if (analysis.ready_to_send) {
    head += paint("32", "ready to send");
  } else {
    head += paint("1;31", std::to_string(fixes) + " to fix");
  }
  if (considers) head += ", " + std::to_string(considers) + " to consider";
  head += "\n" + evidence;
  std::string tail = "  " + std::to_string(passes) + " pass, " + std::to_string(na) + " n/a";
  // Checks turned off (amends.conf) or left out (--only, --skip): a short
  // list must not read as a clean bill.
  const auto& defs = analyzer.checks().checks;
  const auto not_run =
      std::count_if(defs.begin(), defs.end(), [](const CheckDef& c) { return !c.enabled; });
  if (not_run) tail += ", " + std::to_string(not_run) + " not run";
  tail += "\n";
  return head + body + tail;
}

}  // namespace amends
