// Every check through the real lexicon: a draft that must make it flag and
// one that must not, including the traps (negation, sympathy vs apology,
// quoted customer text, names that are words).
#include <catch2/catch.hpp>

#include "analyzer/analyzer.h"

using namespace amends;

namespace {

const Analyzer& Real() {
  static std::unique_ptr<Analyzer> a = [] {
    std::string error;
    auto loaded = Analyzer::Load(EmbeddedLexiconFiles(), &error);
    INFO(error);
    REQUIRE(loaded);
    return loaded;
  }();
  return *a;
}

struct Case {
  const char* check;
  const char* draft;
  bool flagged;
  const char* customer_name = "";
};

Status StatusOf(const Case& c) {
  Request r;
  std::string text = c.draft;
  r.text = text;
  r.customer_name = c.customer_name;
  r.force_recovery = true;  // recovery-only checks apply
  Analysis a = Real().Analyze(r);
  for (const CheckResult& res : a.checklist)
    if (res.check->id == c.check) return res.status;
  FAIL("no check " << c.check);
  return Status::kNotApplicable;
}

const Case kCases[] = {
    {"apology.missing", "Your parcel is on its way now.", true},
    {"apology.missing", "I'm so sorry your parcel was late.", false},
    {"apology.missing", "Sorry to hear the parcel was late.", true},   // sympathy only
    {"apology.missing", "I'm not sorry about the new layout.", true},  // negated
    {"apology.late",
     "Hi Ann,\nThe van broke down. The driver was new. We sent another. Sorry about that.", true},
    {"apology.late", "Hi Ann,\nI'm sorry about the delay. We sent another parcel.", false},
    {"apology.non_apology", "We apologize for any inconvenience this may have caused.", true},
    {"apology.non_apology", "I'm sorry if you feel that way.", true},
    {"apology.non_apology", "Sorry for the inconvenience, we've refunded you.", false},
    {"apology.undone_by_but", "We're sorry, but our policy doesn't allow refunds.", true},
    {"apology.undone_by_but", "We're sorry. We've refunded the fee.", false},
    {"responsibility.missing", "The parcel was late. It ships today.", true},
    {"responsibility.missing", "That was our mistake, and we've fixed it.", false},
    {"blame.third_party", "The courier lost your parcel.", true},
    {"blame.third_party", "We lost your parcel, and that's on us.", false},
    {"blame.customer", "You should have read the instructions first.", true},
    {"blame.customer", "This wasn't your fault at all.", false},
    {"excuse", "Due to high volume, replies are delayed.", true},
    {"excuse", "We replied as soon as we saw your message.", false},
    {"policy.reciting", "Per our policy, we can't refund opened items.", true},
    {"policy.reciting", "I can refund it today.", false},
    {"cant.focus", "We can't refund opened items.", true},
    {"cant.focus", "We can't refund opened items, but we can send a replacement instead.", false},
    {"cant.focus", "We can't wait to see you again!", false},
    {"name.missing", "Dear valued customer, your order shipped.", true},
    {"name.missing", "Hi Mary, your order shipped.", false, "Mary Jones"},
    {"name.missing", "We will ship it today.", true, "Will"},  // "will" is not Will
    {"name.missing", "Hi Will, we shipped it today.", false, "Will"},
    {"name.mismatch", "Hi Marie, your order shipped.", true, "Mary"},
    {"name.mismatch", "Hi Mary, your order shipped.", false, "Mary"},
    {"empathy.missing", "Your order shipped.", true},
    {"empathy.missing", "I understand how frustrating this has been.", false},
    {"tone.defensive", "Calm down, it's only a small delay.", true},
    {"tone.defensive", "Thanks for your patience while we fix it.", false},
    {"tone.shouting", "Please READ the instructions!!", true},
    {"tone.shouting", "Please DM us your order number and we'll check with USPS.", false},
    {"solution.missing", "We're looking into it.", true},
    {"solution.missing", "I've refunded the shipping fee.", false},
    {"solution.ask", "I've refunded the fee.", true},
    {"solution.ask", "What can we do to make this right for you?", false},
    {"options.too_many",
     "You can get a refund, or you can exchange it. Alternatively, you can keep it for store "
     "credit. "
     "Another option is a repair.",
     true},
    {"options.too_many", "I've sent a replacement.", false},
    {"solution.check", "I've refunded the shipping fee.", true},
    {"solution.check", "I've refunded the shipping fee. Does that work for you?", false},
    {"prevention.missing", "I've refunded the fee.", true},
    {"prevention.missing", "I've shared this with the team so it doesn't happen again.", false},
    {"restitution.missing", "I've sent the right size.", true},
    {"restitution.missing", "I've added a $10 credit to your account.", false},
    {"updates.missing", "I've sent the right size.", true},
    {"updates.missing", "I'll keep you posted on the tracking.", false},
    {"thanks.missing", "I've sent the right size.", true},
    {"thanks.missing", "Thank you for letting us know.", false},
};

}  // namespace

TEST_CASE("each check flags its must-fire drafts and passes its must-not drafts", "[checklist]") {
  for (const Case& c : kCases) {
    Status s = StatusOf(c);
    bool flagged = s == Status::kFix || s == Status::kConsider;
    INFO(c.check << " on: " << c.draft << " (status " << StatusName(s) << ")");
    CHECK(flagged == c.flagged);
  }
}

TEST_CASE("every check in checks.def has a must-fire and a must-not draft here", "[checklist]") {
  for (const CheckDef& check : Real().checks().checks) {
    bool fires = false, passes = false;
    for (const Case& c : kCases) {
      if (check.id != c.check) continue;
      (c.flagged ? fires : passes) = true;
    }
    INFO(check.id);
    CHECK(fires);
    CHECK(passes);
  }
}

TEST_CASE("the customer's words quoted in a draft are not the agent's", "[checklist]") {
  Request r;
  std::string text =
      "You wrote \"you should have shipped it faster\", and you are right: I've sent it.";
  r.text = text;
  Analysis a = Real().Analyze(r);
  for (const CheckResult& res : a.checklist)
    if (res.check->id == "blame.customer") CHECK(res.status == Status::kPass);
}
