// Check logic kinds, over a small lexicon written for the test so the
// results do not move when the real lexicon grows.
#include <catch2/catch.hpp>

#include "analyzer/analyzer.h"

using namespace amends;

namespace {

const char* kChecks = R"(situation
  draft: trouble apology
  customer: complaint

check apology.missing
  title: T
  why: W
  status: fix
  applies: recovery
  logic: require apology
  message: No apology.
  suggest: Say sorry.

check apology.late
  title: T
  why: W
  status: consider
  applies: recovery
  logic: late apology within 2
  message: Late.

check undone
  title: T
  why: W
  status: fix
  logic: sequence apology then contrast
  message: Undone.

check cant
  title: T
  why: W
  status: consider
  logic: flag cant unless alternative
  message: Cannot.

check options
  title: T
  why: W
  status: consider
  logic: count option at-least 3
  message: Too many.

check works
  title: T
  why: W
  status: consider
  applies: recovery
  logic: require ask_works if solution
  message: Ask.

check name.missing
  title: T
  why: W
  status: consider
  logic: name
  message: Name.

check name.mismatch
  title: T
  why: W
  status: fix
  logic: name-mismatch
  message: Wrong name.
)";

const char* kRules = R"(rule t.apology
  tag: apology
  match: sorry
  unless: sorry to hear
  fire: sorry
  pass: sorry to hear
rule t.trouble
  tag: trouble
  match: late|broken
  fire: late
  pass: fine
rule t.complaint
  tag: complaint
  applies: customer
  match: broken
  fire: it is broken
  pass: it works
rule t.contrast
  tag: contrast
  match: but
  fire: but
  pass: and
rule t.cant
  tag: cant
  match: we can't
  fire: we can't
  pass: we can
rule t.alternative
  tag: alternative
  match: instead
  fire: instead
  pass: also
rule t.option
  tag: option
  match: option
  fire: option
  pass: choice
rule t.solution
  tag: solution
  match: refunded
  fire: refunded
  pass: refund
rule t.works
  tag: ask_works
  match: does that work
  fire: does that work
  pass: that works
rule t.generic
  tag: generic_salutation
  match: dear customer
  suggest: Write "Dear Mary," and not "Dear Maryland".
  fire: dear customer
  pass: dear mary
)";

const Analyzer& Demo() {
  static std::unique_ptr<Analyzer> a = [] {
    std::string error;
    auto loaded = Analyzer::Load({{"checks.def", kChecks}, {"t.rules", kRules}}, &error);
    INFO(error);
    REQUIRE(loaded);
    return loaded;
  }();
  return *a;
}

struct Result {
  Analysis analysis;
  std::string text;
  std::string customer;  // evidence from it views it
  const CheckResult& Get(const std::string& id) const {
    for (const CheckResult& r : analysis.checklist)
      if (r.check->id == id) return r;
    FAIL("no check " << id);
    throw;
  }
  Status StatusOf(const std::string& id) const { return Get(id).status; }
  std::string FirstSpan(const std::string& id) const {
    const CheckResult& r = Get(id);
    if (r.findings.empty()) return "<none>";
    return std::string(analysis.draft.Original(r.findings[0].span));
  }
};

// The texts are stored in the Result so the Document's views survive moves.
std::shared_ptr<Result> Run(const std::string& text, const std::string& name = "",
                            std::optional<std::string> customer = std::nullopt,
                            std::optional<bool> forced = std::nullopt) {
  auto r = std::make_shared<Result>();
  r->text = text;
  Request req;
  req.text = r->text;
  req.customer_name = name;
  if (customer) {
    r->customer = *customer;
    req.customer_message = r->customer;
  }
  req.force_recovery = forced;
  r->analysis = Demo().Analyze(req);
  return r;
}

}  // namespace

TEST_CASE("require: fires when absent, a pass carries the span that satisfied it", "[checks]") {
  auto missing = Run("The parcel is late. It ships today.");
  CHECK(missing->analysis.situation.recovery);
  CHECK(missing->StatusOf("apology.missing") == Status::kFix);
  CHECK(missing->Get("apology.missing").findings.at(0).span.empty());
  CHECK_FALSE(missing->analysis.ready_to_send);

  auto present = Run("The parcel is late and I am sorry.");
  CHECK(present->StatusOf("apology.missing") == Status::kPass);
  CHECK(present->FirstSpan("apology.missing") == "sorry");
}

TEST_CASE("recovery-only checks are n/a on routine replies, --situation forces", "[checks]") {
  auto routine = Run("Your invoice is attached.");
  CHECK_FALSE(routine->analysis.situation.recovery);
  CHECK(routine->StatusOf("apology.missing") == Status::kNotApplicable);
  CHECK(routine->analysis.ready_to_send);

  auto forced = Run("Your invoice is attached.", "", std::nullopt, true);
  CHECK(forced->analysis.situation.forced);
  CHECK(forced->StatusOf("apology.missing") == Status::kFix);

  auto from_customer = Run("Your invoice is attached.", "", std::string("My order is broken"));
  CHECK(from_customer->analysis.situation.recovery);
  REQUIRE(from_customer->analysis.situation.evidence.size() == 1);
  CHECK(from_customer->analysis.situation.evidence[0].from_customer);
  CHECK(from_customer->analysis.situation.evidence[0].text == "broken");
}

TEST_CASE("unless patterns cancel a hit", "[checks]") {
  auto sympathy = Run("Sorry to hear the parcel is late.");
  CHECK(sympathy->StatusOf("apology.missing") == Status::kFix);
}

TEST_CASE("late: the first apology after the opening sentences", "[checks]") {
  auto early = Run("Hi Ann,\nSorry about this. It is late. We fixed it.");
  CHECK(early->StatusOf("apology.late") == Status::kPass);
  auto late = Run("Hi Ann,\nThe parcel is late. The van broke. We fixed it. Sorry.");
  CHECK(late->StatusOf("apology.late") == Status::kConsider);
  CHECK(late->FirstSpan("apology.late") == "Sorry");
}

TEST_CASE("sequence: an apology undone later in the same sentence", "[checks]") {
  auto undone = Run("Sorry, but the parcel is late.");
  CHECK(undone->StatusOf("undone") == Status::kFix);
  CHECK(undone->FirstSpan("undone") == "Sorry, but");
  auto next = Run("Sorry. But the parcel is late.");
  CHECK(next->StatusOf("undone") == Status::kFix);
  CHECK(next->FirstSpan("undone") == "Sorry. But");
  auto later = Run("Sorry. The parcel is late, but it ships.");
  CHECK(later->StatusOf("undone") == Status::kPass);
  auto before = Run("But the parcel is late, sorry.");
  CHECK(before->StatusOf("undone") == Status::kPass);
}

TEST_CASE("flag unless: an alternative anywhere clears it", "[checks]") {
  CHECK(Run("We can't refund it.")->StatusOf("cant") == Status::kConsider);
  CHECK(Run("We can't refund it. We will send a voucher instead.")->StatusOf("cant") ==
        Status::kPass);
}

TEST_CASE("count: three distinct hits", "[checks]") {
  CHECK(Run("One option. Another option.")->StatusOf("options") == Status::kPass);
  auto many = Run("One option. Another option. A third option.");
  CHECK(many->StatusOf("options") == Status::kConsider);
  CHECK(many->Get("options").findings.size() == 3);
}

TEST_CASE("require if: only when the condition holds", "[checks]") {
  CHECK(Run("It is late.")->StatusOf("works") == Status::kNotApplicable);
  CHECK(Run("It is late. I refunded you.")->StatusOf("works") == Status::kConsider);
  CHECK(Run("It is late. I refunded you. Does that work?")->StatusOf("works") == Status::kPass);
}

TEST_CASE("name: known name used, missing, or a generic salutation", "[checks]") {
  CHECK(Run("Thanks for writing.")->StatusOf("name.missing") == Status::kNotApplicable);
  CHECK(Run("Dear customer, thanks.")->StatusOf("name.missing") == Status::kConsider);
  CHECK(Run("Hi Mary, thanks.", "Mary Smith")->StatusOf("name.missing") == Status::kPass);
  auto missing = Run("Hi there, thanks.", "Mary");
  CHECK(missing->StatusOf("name.missing") == Status::kConsider);
  CHECK(missing->Get("name.missing").findings.at(0).suggestion ==
        "Greet them by first name: \"Hi Mary,\"");
  // No name given, but the greeting names someone: the reply does use a name.
  // The suggestions' placeholder name becomes the customer's.
  CHECK(Run("Dear customer, thanks.", "Ann Lee")->Get("name.missing").findings.at(0).suggestion ==
        "Write \"Dear Ann,\" and not \"Dear Maryland\".");
  CHECK(Run("Dear customer, thanks.")->Get("name.missing").findings.at(0).suggestion ==
        "Write \"Dear Mary,\" and not \"Dear Maryland\".");
  auto greeted = Run("Hi Mary, thanks.");
  CHECK(greeted->StatusOf("name.missing") == Status::kPass);
  CHECK(greeted->FirstSpan("name.missing") == "Hi Mary,");
}

TEST_CASE("name mismatch: the greeting names someone else", "[checks]") {
  auto wrong = Run("Hi Marie, thanks.", "Mary");
  CHECK(wrong->StatusOf("name.mismatch") == Status::kFix);
  CHECK(wrong->FirstSpan("name.mismatch") == "Marie");
  CHECK(Run("Hi Mary, thanks.", "mary")->StatusOf("name.mismatch") == Status::kPass);
  CHECK(Run("Hi Marie, thanks.")->StatusOf("name.mismatch") == Status::kNotApplicable);
}
