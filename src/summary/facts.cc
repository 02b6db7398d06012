#include "summary/facts.h"

namespace amends::summary {

std::vector<CheckInfo> CheckInfos(const Analyzer& analyzer) {
  std::vector<CheckInfo> out;
  for (const CheckDef& c : analyzer.checks().checks) out.push_back({c.id, c.title, c.enabled});
  return out;
}

ReplyFacts FactsFor(const Analyzer& analyzer, const Analysis& analysis, std::string_view text,
                    const ReplyContext& context) {
  const auto& defs = analyzer.checks().checks;
  ReplyFacts f;
  f.agent = context.agent;
  f.team = context.team;
  f.month = context.month;
  f.status.assign(defs.size(), kNotApplicable);
  f.needs_fix = !analysis.ready_to_send;
  ReviewReply& review = f.review;
  // Control characters become spaces so the text is safe to show; a cut
  // on a UTF-8 boundary keeps offsets valid.
  size_t keep = text.size();
  if (keep > kReviewTextBytes) {
    keep = kReviewTextBytes;
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  }
  for (const CheckResult& r : analysis.checklist) {
    ptrdiff_t i = r.check - defs.data();
    if (i < 0 || static_cast<size_t>(i) >= defs.size()) continue;
    int s = r.status == Status::kPass ? kPass
            : r.status == Status::kFix ? kFix
            : r.status == Status::kConsider ? kConsider
                                            : kNotApplicable;
    f.status[i] = s;
    if (s != kFix && s != kConsider) continue;
    (s == kFix ? review.fixes : review.considers)++;
    for (const Finding& finding : r.findings) {
      if (finding.span.empty() || finding.span.end > text.size()) continue;
      std::string phrase =
          FoldPhrase(text.substr(finding.span.start, finding.span.end - finding.span.start));
      if (!phrase.empty()) f.phrases.emplace_back(static_cast<int>(i), std::move(phrase));
      if (finding.span.end <= keep)
        review.findings.push_back({r.check->id, finding.span.start, finding.span.end});
    }
  }
  if (review.fixes + review.considers > 0) {
    f.has_review = true;
    review.id = context.id_json;
    review.agent = context.agent;
    review.team = context.team;
    review.month = context.month;
    review.text.assign(text.substr(0, keep));
    for (char& c : review.text)
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) c = ' ';
  }
  return f;
}

}  // namespace amends::summary
