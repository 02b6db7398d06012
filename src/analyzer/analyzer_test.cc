#include "analyzer/analyzer.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace amends;

namespace {

// Every hit of every rule on `text`, as comparable tuples.
std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> AllHits(const Analyzer& a,
                                                              const std::string& text) {
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> out;
  for (RuleScope scope : {RuleScope::kDraft, RuleScope::kCustomer})
    for (const Hit& h : a.Hits(text, scope)) out.emplace_back(h.rule, h.span.start, h.span.end);
  return out;
}

const char kExtraRule[] =
    "rule team.sorry_for_wait\n"
    "  tag: apology\n"
    "  match: sorry for the (long|endless) wait\n"
    "  fire: We're sorry for the long wait.\n"
    "  pass: Thanks for waiting.\n";

// The built-in files with kExtraRule added to apology.rules: files the
// embedded image was not made from.
std::vector<LexiconFile> FilesWithEditedApologyRules() {
  std::vector<LexiconFile> files = EmbeddedLexiconFiles();
  for (LexiconFile& f : files)
    if (f.name.find("apology.rules") != std::string::npos)
      f.content += "\n" + std::string(kExtraRule);
  return files;
}

}  // namespace

TEST_CASE("the embedded lexicon image is current and gives what compiling gives", "[image]") {
  std::string error;
  auto compiled = Analyzer::Load(EmbeddedLexiconFiles(), &error);
  REQUIRE(compiled);
  auto imaged = Analyzer::Load(EmbeddedLexiconFiles(), &error, EmbeddedLexiconImage());
  REQUIRE(imaged);
  CHECK_FALSE(compiled->from_image());
  REQUIRE(imaged->from_image());
  // The phrase index is read from the image in place, not built again.
  CHECK_FALSE(compiled->matcher_from_image());
  CHECK(imaged->matcher_from_image());
  REQUIRE(imaged->lexicon().rules.size() == compiled->lexicon().rules.size());
  CHECK(imaged->lexicon().phrases.size() == compiled->lexicon().phrases.size());
  CHECK(imaged->names().first_names.size() == compiled->names().first_names.size());
  CHECK(imaged->checks().checks.size() == compiled->checks().checks.size());
  // Every rule's examples hit the same rules at the same spans.
  size_t texts = 0;
  for (const Rule& r : compiled->lexicon().rules) {
    for (const auto* examples : {&r.fire, &r.pass}) {
      for (const RuleExample& e : *examples) {
        INFO(r.id << ": " << e.text);
        CHECK(AllHits(*imaged, e.text) == AllHits(*compiled, e.text));
        ++texts;
      }
    }
  }
  for (size_t i = 0; i < compiled->lexicon().rules.size(); ++i) {
    const Rule& c = compiled->lexicon().rules[i];
    const Rule& m = imaged->lexicon().rules[i];
    REQUIRE(m.replacements.size() == c.replacements.size());
    for (size_t k = 0; k < c.replacements.size(); ++k) {
      CHECK(m.replacements[k].from == c.replacements[k].from);
      CHECK(m.replacements[k].to == c.replacements[k].to);
    }
    texts += c.fixes.size();  // RunRuleExamples counts them too
  }
  CHECK(texts > 900);
  std::vector<std::string> failures;
  CHECK(RunRuleExamples(*imaged, &failures) == static_cast<int>(texts));
  CHECK(failures.empty());
}

TEST_CASE("an image read without its examples matches the same, and says it has none", "[image]") {
  std::string error;
  auto full = Analyzer::Load(EmbeddedLexiconFiles(), &error, EmbeddedLexiconImage());
  auto lean = Analyzer::Load(EmbeddedLexiconFiles(), &error, EmbeddedLexiconImage(),
                             /*rule_examples=*/false);
  REQUIRE(full);
  REQUIRE(lean);
  REQUIRE(lean->from_image());
  CHECK(full->has_rule_examples());
  CHECK_FALSE(lean->has_rule_examples());
  REQUIRE(lean->lexicon().rules.size() == full->lexicon().rules.size());
  size_t examples = 0, replacements = 0;
  for (size_t i = 0; i < full->lexicon().rules.size(); ++i) {
    const Rule& f = full->lexicon().rules[i];
    const Rule& l = lean->lexicon().rules[i];
    CHECK(l.fire.empty());
    CHECK(l.pass.empty());
    CHECK(l.fixes.empty());
    CHECK(l.id == f.id);
    CHECK(l.message == f.message);
    CHECK(l.file == f.file);
    CHECK(l.replacements.size() == f.replacements.size());
    replacements += l.replacements.size();
    for (const RuleExample& e : f.fire) {
      INFO(f.id << ": " << e.text);
      CHECK(AllHits(*lean, e.text) == AllHits(*full, e.text));
      ++examples;
    }
  }
  CHECK(examples > 900);
  CHECK(replacements > 0);
  // Running the examples of an analyzer that has none is a failure, not a pass.
  std::vector<std::string> failures;
  CHECK(RunRuleExamples(*lean, &failures) == 0);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].find("without their examples") != std::string::npos);
  // Rules compiled from files keep theirs whatever is asked.
  auto compiled = Analyzer::Load(EmbeddedLexiconFiles(), &error, {}, /*rule_examples=*/false);
  REQUIRE(compiled);
  CHECK(compiled->has_rule_examples());
  CHECK_FALSE(compiled->lexicon().rules.front().fire.empty());
}

TEST_CASE("an image made from other files is ignored", "[image]") {
  std::vector<LexiconFile> files = FilesWithEditedApologyRules();
  std::string error;
  auto a = Analyzer::Load(files, &error, EmbeddedLexiconImage());
  REQUIRE(a);
  CHECK_FALSE(a->from_image());
  CHECK(AllHits(*a, "We are sorry for the endless wait.").size() >= 1);
  std::string damaged(EmbeddedLexiconImage().substr(0, EmbeddedLexiconImage().size() / 2));
  auto b = Analyzer::Load(EmbeddedLexiconFiles(), &error, damaged);
  REQUIRE(b);
  CHECK_FALSE(b->from_image());
  CHECK(b->lexicon().rules.size() > 100);
}

TEST_CASE("an image trusted as built with its files is not hashed against them", "[image]") {
  // Only the embedded pair is loaded this way (the test above holds it to
  // its hash): an edited file beside a trusted image is not noticed.
  std::vector<LexiconFile> files = FilesWithEditedApologyRules();
  std::string error;
  auto trusted = Analyzer::Load(files, &error, EmbeddedLexiconImage(), /*rule_examples=*/false,
                                Analyzer::ImageCheck::kBuiltTogether);
  REQUIRE(trusted);
  CHECK(trusted->from_image());
  auto has_extra_rule = [](const Analyzer& a) {
    const auto& rules = a.lexicon().rules;
    return std::any_of(rules.begin(), rules.end(),
                       [](const Rule& r) { return r.id == "team.sorry_for_wait"; });
  };
  CHECK_FALSE(has_extra_rule(*trusted));
  auto checked = Analyzer::Load(files, &error, EmbeddedLexiconImage(), /*rule_examples=*/false);
  REQUIRE(checked);
  CHECK_FALSE(checked->from_image());
  CHECK(has_extra_rule(*checked));
}

TEST_CASE("team rule files compile on top of an image", "[image]") {
  std::vector<LexiconFile> files = EmbeddedLexiconFiles();
  files.push_back({"team/extra.rules", kExtraRule});
  std::string error;
  auto a = Analyzer::Load(files, &error, EmbeddedLexiconImage());
  REQUIRE(a);
  CHECK(a->from_image());
  CHECK_FALSE(a->matcher_from_image());  // its index holds the team's rule too
  const auto& rules = a->lexicon().rules;
  REQUIRE(rules.back().id == "team.sorry_for_wait");
  auto hits = a->Hits("We're so sorry for the long wait.", RuleScope::kDraft);
  CHECK(std::any_of(hits.begin(), hits.end(),
                    [&](const Hit& h) { return h.rule == rules.size() - 1; }));
  std::vector<std::string> failures;
  RunRuleExamples(*a, &failures);
  CHECK(failures.empty());

  // A team rule may not take a built-in rule's id.
  files.push_back({"team/dup.rules",
                   "rule apology.sorry\n  tag: apology\n  match: soz\n"
                   "  fire: soz\n  pass: fine\n"});
  CHECK_FALSE(Analyzer::Load(files, &error, EmbeddedLexiconImage()));
  CHECK(error.find(
            "duplicate rule id 'apology.sorry' (first defined at lexicons/en/apology.rules:") !=
        std::string::npos);
}

TEST_CASE("an analysis past its deadline gives up, one before it is the same as none",
          "[analyzer][deadline]") {
  std::string error;
  auto a = Analyzer::Load(EmbeddedLexiconFiles(), &error, EmbeddedLexiconImage());
  REQUIRE(a);
  Request request;
  request.text = "Hi Ann, sorry for any inconvenience, but the courier lost it.";
  request.customer_message = std::string_view("My parcel never arrived.");
  request.customer_name = "Ann Lee";
  Analysis plain = a->Analyze(request);
  CHECK_FALSE(plain.out_of_time);
  REQUIRE_FALSE(plain.checklist.empty());

  // One Analysis reused, as an audit thread does: a timed-out reply leaves
  // nothing behind for the next.
  Analysis reused;
  request.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  a->Analyze(request, &reused);
  CHECK(reused.out_of_time);
  CHECK(reused.checklist.empty());
  CHECK_FALSE(reused.ready_to_send);

  request.deadline = std::chrono::steady_clock::now() + std::chrono::hours(1);
  a->Analyze(request, &reused);
  CHECK_FALSE(reused.out_of_time);
  CHECK(reused.ready_to_send == plain.ready_to_send);
  REQUIRE(reused.checklist.size() == plain.checklist.size());
  for (size_t i = 0; i < plain.checklist.size(); ++i) {
    CHECK(reused.checklist[i].status == plain.checklist[i].status);
    CHECK(reused.checklist[i].findings.size() == plain.checklist[i].findings.size());
  }
}

TEST_CASE("a cap on findings keeps the first ones and counts the rest", "[analyzer][cap]") {
  std::string error;
  auto a = Analyzer::Load(EmbeddedLexiconFiles(), &error, EmbeddedLexiconImage());
  REQUIRE(a);
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Sorry for any inconvenience. ";
  std::string customer;
  for (int i = 0; i < 30; ++i) customer += "It broke again. ";
  Request request;
  request.text = text;
  request.customer_message = std::string_view(customer);
  Analysis all = a->Analyze(request);
  request.keep_findings = 3;
  Analysis capped = a->Analyze(request);

  REQUIRE(capped.checklist.size() == all.checklist.size());
  bool some_capped = false;
  for (size_t i = 0; i < all.checklist.size(); ++i) {
    const CheckResult& x = all.checklist[i];
    const CheckResult& y = capped.checklist[i];
    CHECK(y.status == x.status);
    CHECK(x.left_out == 0);
    CHECK(y.total_findings() == x.findings.size());
    REQUIRE(y.findings.size() == std::min<size_t>(x.findings.size(), 3));
    for (size_t f = 0; f < y.findings.size(); ++f) {
      CHECK(y.findings[f].span.start == x.findings[f].span.start);
      CHECK(y.findings[f].span.end == x.findings[f].span.end);
    }
    some_capped |= y.left_out > 0;
  }
  CHECK(some_capped);

  // Evidence: up to the cap from each text, so the customer's first cue
  // stays even when the draft has more than the cap.
  CHECK(capped.situation.recovery == all.situation.recovery);
  CHECK(capped.situation.evidence.size() + capped.situation.evidence_left_out ==
        all.situation.evidence.size());
  size_t from_customer = 0;
  for (const Evidence& e : capped.situation.evidence) from_customer += e.from_customer;
  CHECK(from_customer >= 1);
  CHECK(from_customer <= 3);
}
