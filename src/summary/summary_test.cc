#include "summary/summary.h"

#include <catch2/catch.hpp>

#include "summary/html_report.h"

namespace amends::summary {
namespace {

// b.two (a phrase the reply used) is listed after a.missing (a step left
// out) in checks.def order; the summary puts what replies did first.
std::vector<CheckInfo> Checks() {
  return {{"a.missing", "First", CheckKind::kLeftOut}, {"b.two", "Second", CheckKind::kDid}};
}

ReplyFacts Facts(int i) {
  ReplyFacts f;
  f.agent = i % 3 ? "Ann" : "<b>Bob</b>";
  f.month = i % 2 ? "2024-01" : "2024-02";
  f.status = {i % 4 == 0 ? Status::kFix : Status::kPass,
              i % 5 == 0 ? Status::kNotApplicable : Status::kConsider};
  f.needs_fix = i % 4 == 0;
  f.phrases = {{1, "sorry for any"}};
  f.has_review = f.needs_fix;
  f.review.id = "\"r" + std::to_string(i) + "\"";
  f.review.agent = f.agent;
  f.review.month = f.month;
  f.review.fixes = f.needs_fix;
  f.review.considers = 1;
  f.review.text = "Sorry for any <script>alert(1)</script> trouble";
  f.review.customer_message = "Where is my <img onerror=alert(2)> parcel?";
  f.review.findings = {{"b.two", 0, 13}};
  f.review.fired = {{"b.two", Status::kConsider}};
  if (f.needs_fix) f.review.fired.insert(f.review.fired.begin(), {"a.missing", Status::kFix});
  f.team = i % 2 ? "360001" : "42";
  f.review.team = f.team;
  return f;
}

}  // namespace

TEST_CASE("summary: shards merged equal one run, in any split", "[summary]") {
  Summary whole(Checks(), 7), left(Checks(), 7), right(Checks(), 7);
  for (int i = 0; i < 100; ++i) {
    whole.AddReply(Facts(i));
    (i % 3 == 0 ? left : right).AddReply(Facts(i));
  }
  whole.AddError();
  right.AddError();
  left.Merge(right);
  CHECK(left.ToJson() == whole.ToJson());
  auto j = whole.ToJson();
  CHECK(j["totals"]["records"] == 101);
  CHECK(j["totals"]["needs_fix"] == 25);
  CHECK(j["checks"][0]["id"] == "b.two");  // what replies did first
  CHECK(j["checks"][0]["kind"] == "did");
  CHECK(j["checks"][1]["kind"] == "left_out");
  CHECK(j["checks"][1]["fired"] == 25);
  CHECK(j["checks"][0]["evaluated"] == 80);
  CHECK(j["worst_replies"].size() == 7);
  CHECK(j["phrases"][0]["count"] == 100);
  CHECK(j["agents"]["Ann"]["replies"] == 66);
}

TEST_CASE("summary: JSON round trip", "[summary]") {
  Summary s(Checks(), 5);
  for (int i = 0; i < 20; ++i) s.AddReply(Facts(i));
  Summary back;
  std::string error;
  REQUIRE(Summary::FromJson(nlohmann::json::parse(s.ToJson().dump()), &back, &error));
  CHECK(back.ToJson() == s.ToJson());
  CHECK(back.checks()[back.ChecksOf(CheckKind::kLeftOut)[0]].id == "a.missing");
  CHECK(back.Review().front().customer_message == s.Review().front().customer_message);
  CHECK(!Summary::FromJson(nlohmann::json{{"schema", "other"}}, &back, &error));
  CHECK(!Summary::FromJson(nlohmann::json::parse(R"({"schema":"amends.audit-summary/1"})"), &back,
                           &error));
}

TEST_CASE("summary: older summaries read (no kind, no fired, replies without a fix)", "[summary]") {
  auto j = nlohmann::json::parse(R"({"schema":"amends.audit-summary/1",
    "totals":{"replies":2,"errors":0,"needs_fix":1},
    "checks":[{"id":"x.missing","title":"X","evaluated":2,"fix":1,"consider":0},
              {"id":"y.flag","title":"Y","evaluated":2,"fix":0,"consider":1}],
    "agents":{},"teams":{},"months":{},"phrases":[],
    "worst_replies":[{"id":"a","fixes":1,"considers":0,"text":"t","findings":[]},
                     {"id":"b","fixes":0,"considers":1,"text":"u","findings":[]}]})");
  Summary s;
  std::string error;
  REQUIRE(Summary::FromJson(j, &s, &error));
  CHECK(s.checks()[0].kind == CheckKind::kLeftOut);
  CHECK(s.checks()[1].kind == CheckKind::kDid);
  REQUIRE(s.Review().size() == 1);  // only the reply that needs a fix
  CHECK(s.Review()[0].id == "\"a\"");
  j["checks"][0]["kind"] = "sometimes";
  CHECK_FALSE(Summary::FromJson(j, &s, &error));
  CHECK(error.find("unknown kind") != std::string::npos);
}

TEST_CASE("summary: checks that did not run are listed apart, and merge", "[summary]") {
  std::vector<CheckInfo> one_ran = {{"a.missing", "First", CheckKind::kLeftOut, true},
                                    {"b.two", "Second", CheckKind::kDid, false}};
  Summary s(one_ran, 5);
  ReplyFacts f = Facts(0);
  f.status = {Status::kFix, Status::kNotApplicable};  // b.two did not run
  f.phrases.clear();
  f.review.findings = {{"a.missing", 0, 5}};
  s.AddReply(f);
  auto j = s.ToJson();
  REQUIRE(j["checks"].size() == 1);
  CHECK(j["checks"][0]["id"] == "a.missing");
  CHECK(j["not_run"] == nlohmann::ordered_json::array({"b.two"}));
  std::string html = HtmlReport(s);
  CHECK(html.find("<p class=\"meta\" id=\"checks-run\">1 of 2 checks ran: a.missing</p>") !=
        std::string::npos);

  // Through JSON and a merge with a shard that ran both: b.two ran.
  Summary back;
  std::string error;
  REQUIRE(Summary::FromJson(nlohmann::json::parse(j.dump()), &back, &error));
  CHECK(back.ToJson() == j);
  Summary both(Checks(), 5);
  both.AddReply(Facts(1));
  back.Merge(both);
  auto m = back.ToJson();
  CHECK(m["checks"].size() == 2);
  CHECK(m["checks"][0]["title"] == "Second");  // what replies did comes first
  CHECK(m["checks"][0]["kind"] == "did");
  CHECK(m["not_run"].empty());
  CHECK(HtmlReport(back).find("checks-run") == std::string::npos);
  // Every check ran: nothing said.
  CHECK(HtmlReport(both).find("checks-run") == std::string::npos);
}

TEST_CASE("html report: every piece of export text is escaped", "[summary][html]") {
  Summary s(Checks(), 5);
  for (int i = 0; i < 8; ++i) s.AddReply(Facts(i));
  HtmlOptions options;
  options.team_names = {{"42", "<script>alert(3)</script> Parcels"}};
  std::string html = HtmlReport(s, options);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(3)&lt;/script&gt; Parcels") != std::string::npos);
  CHECK(html.find("Where is my &lt;img onerror=alert(2)&gt; parcel?") != std::string::npos);
  CHECK(html.find("<b>Bob") == std::string::npos);
  CHECK(html.find("&lt;b&gt;Bob&lt;/b&gt;") != std::string::npos);
  // A highlight names its check in text, not only in the tooltip.
  CHECK(html.find(
            "<mark class=\"consider\" title=\"Second\" data-check=\"b.two\">Sorry for "
            "any</mark><span class=\"check-name consider\" data-check=\"b.two\">Second</span>") !=
        std::string::npos);
  CHECK(html.find("id=\"chart-did\"") != std::string::npos);
  size_t did = html.find("<section id=\"did\">"), left_out = html.find("<section id=\"left-out\">");
  CHECK(did < left_out);
  CHECK(left_out != std::string::npos);
  CHECK(html.find("id=\"empty-audit\"") == std::string::npos);
  CHECK(html.find("://") == std::string::npos);  // nothing fetched
  CHECK(html.find("src=") == std::string::npos);
  CHECK(HtmlEscape("a&b<'\">\x1b") == "a&amp;b&lt;&#39;&quot;&gt;");
  CHECK(Percent(1, 3) == "33.3%");
}

TEST_CASE("html report: an audit that checked nothing says so", "[summary][html]") {
  Summary s(Checks(), 5);
  s.AddError();
  std::string html = HtmlReport(s);
  CHECK(html.find("<p id=\"empty-audit\"") != std::string::npos);
  CHECK(html.find("1 record could not be read") != std::string::npos);
  CHECK(html.find("<section id=\"did\">") == std::string::npos);
  HtmlOptions why;
  why.empty_reason = "no author roles: side-load users or pass --users FILE <here>";
  html = HtmlReport(s, why);
  CHECK(html.find("nothing to report: no author roles: side-load users or pass --users FILE "
                  "&lt;here&gt;.</p>") != std::string::npos);
}

}  // namespace amends::summary
