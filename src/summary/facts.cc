#include "summary/facts.h"

#include "checks/logic_kind.h"
#include "util/utf8.h"

namespace amends::summary {
namespace {

CheckKind KindOf(const CheckDef& c) {
  return c.logic->left_out ? CheckKind::kLeftOut : CheckKind::kDid;
}

// `text` cut to `max` bytes on a UTF-8 boundary, control characters other
// than newline and tab made spaces so it is safe to show.
std::string Shown(std::string_view text, size_t max) {
  std::string out(TruncateUtf8(text, max));
  for (char& c : out)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) c = ' ';
  return out;
}

}  // namespace

std::vector<CheckInfo> CheckInfos(const Analyzer& analyzer) {
  std::vector<CheckInfo> out;
  for (const CheckDef& c : analyzer.checks().checks)
    out.push_back({c.id, c.title, KindOf(c), c.enabled});
  return out;
}

ReplyFacts FactsFor(const Analyzer& analyzer, const Analysis& analysis, std::string_view text,
                    const ReplyContext& context) {
  const auto& defs = analyzer.checks().checks;
  ReplyFacts f;
  f.agent = context.agent;
  f.team = context.team;
  f.month = context.month;
  f.status.assign(defs.size(), Status::kNotApplicable);
  f.needs_fix = !analysis.ready_to_send;
  ReviewReply& review = f.review;
  // The findings kept are those inside the shown text (Shown cuts at the
  // same boundary).
  const size_t keep = TruncateUtf8(text, kReviewTextBytes).size();
  for (const CheckResult& r : analysis.checklist) {
    ptrdiff_t i = r.check - defs.data();
    if (i < 0 || static_cast<size_t>(i) >= defs.size()) continue;
    const Status s = r.status;
    f.status[i] = s;
    if (s != Status::kFix && s != Status::kConsider) continue;
    (s == Status::kFix ? review.fixes : review.considers)++;
    review.fired.push_back({r.check->id, s});
    for (const Finding& finding : r.findings) {
      if (finding.span.empty() || finding.span.end > text.size()) continue;
      std::string phrase =
          FoldPhrase(text.substr(finding.span.start, finding.span.end - finding.span.start));
      if (!phrase.empty()) f.phrases.emplace_back(static_cast<int>(i), std::move(phrase));
      if (finding.span.end <= keep)
        review.findings.push_back({r.check->id, finding.span.start, finding.span.end});
    }
  }
  // Only replies that need a fix are worth a reviewer's time first.
  if (f.needs_fix) {
    f.has_review = true;
    review.id = context.id_json;
    review.agent = context.agent;
    review.team = context.team;
    review.month = context.month;
    review.text = Shown(text, kReviewTextBytes);
    review.customer_message = Shown(context.customer_message, kReviewTextBytes);
  }
  return f;
}

}  // namespace amends::summary
