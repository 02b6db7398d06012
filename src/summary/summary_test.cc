#include "summary/summary.h"

#include <catch2/catch.hpp>

#include "summary/html_report.h"

namespace amends::summary {
namespace {

std::vector<CheckInfo> Checks() { return {{"a.one", "First"}, {"b.two", "Second"}}; }

ReplyFacts Facts(int i) {
  ReplyFacts f;
  f.agent = i % 3 ? "Ann" : "<b>Bob</b>";
  f.month = i % 2 ? "2024-01" : "2024-02";
  f.status = {i % 4 == 0 ? kFix : kPass, i % 5 == 0 ? kNotApplicable : kConsider};
  f.needs_fix = i % 4 == 0;
  f.phrases = {{1, "sorry for any"}};
  f.has_review = true;
  f.review.id = "\"r" + std::to_string(i) + "\"";
  f.review.agent = f.agent;
  f.review.month = f.month;
  f.review.fixes = f.needs_fix;
  f.review.considers = 1;
  f.review.text = "Sorry for any <script>alert(1)</script> trouble";
  f.review.findings = {{"b.two", 0, 13}};
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
  CHECK(j["checks"][0]["fired"] == 25);
  CHECK(j["checks"][1]["evaluated"] == 80);
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
  CHECK(!Summary::FromJson(nlohmann::json{{"schema", "other"}}, &back, &error));
  CHECK(!Summary::FromJson(nlohmann::json::parse(R"({"schema":"amends.audit-summary/1"})"), &back,
                           &error));
}

TEST_CASE("summary: checks that did not run are listed apart, and merge", "[summary]") {
  std::vector<CheckInfo> one_ran = {{"a.one", "First", true}, {"b.two", "Second", false}};
  Summary s(one_ran, 5);
  ReplyFacts f = Facts(0);
  f.status = {kFix, kNotApplicable};  // b.two did not run
  f.phrases.clear();
  f.review.findings = {{"a.one", 0, 5}};
  s.AddReply(f);
  auto j = s.ToJson();
  REQUIRE(j["checks"].size() == 1);
  CHECK(j["checks"][0]["id"] == "a.one");
  CHECK(j["not_run"] == nlohmann::ordered_json::array({"b.two"}));
  std::string html = HtmlReport(s);
  CHECK(html.find("<p class=\"meta\" id=\"checks-run\">1 of 2 checks ran: a.one</p>") !=
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
  CHECK(m["checks"][1]["title"] == "Second");
  CHECK(m["not_run"].empty());
  CHECK(HtmlReport(back).find("checks-run") == std::string::npos);
  // Every check ran: nothing said.
  CHECK(HtmlReport(both).find("checks-run") == std::string::npos);
}

TEST_CASE("html report: every piece of export text is escaped", "[summary][html]") {
  Summary s(Checks(), 5);
  for (int i = 0; i < 8; ++i) s.AddReply(Facts(i));
  std::string html = HtmlReport(s);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>Bob") == std::string::npos);
  CHECK(html.find("&lt;b&gt;Bob&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("<mark title=\"b.two\" data-check=\"b.two\">Sorry for any</mark>") !=
        std::string::npos);
  CHECK(html.find("id=\"chart-checks\"") != std::string::npos);
  CHECK(html.find("://") == std::string::npos);  // nothing fetched
  CHECK(html.find("src=") == std::string::npos);
  CHECK(HtmlEscape("a&b<'\">\x1b") == "a&amp;b&lt;&#39;&quot;&gt;");
  CHECK(Percent(1, 3) == "33.3%");
}

}  // namespace amends::summary
