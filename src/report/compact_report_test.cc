#include "report/compact_report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "built_in_analyzer.h"
#include "report/json_report.h"

using namespace amends;

namespace {

const Analyzer& TheAnalyzer() { return testing::BuiltInAnalyzer(); }

const CheckDef& CheckNamed(const std::string& id) {
  for (const CheckDef& c : TheAnalyzer().checks().checks)
    if (c.id == id) return c;
  FAIL("no check " << id);
  std::abort();
}

const Rule* RuleNamed(const nlohmann::ordered_json& id) {
  if (!id.is_string()) return nullptr;
  for (const Rule& r : TheAnalyzer().lexicon().rules)
    if (r.id == id.get<std::string>()) return &r;
  FAIL("no rule " << id);
  return nullptr;
}

// A finding's text as a reader of the compact form works it out: the line's
// own, else the rule's, else the check's (what `amends rules --format json`
// lists).
nlohmann::ordered_json Resolved(const nlohmann::ordered_json& finding, const char* key,
                                const CheckDef& check, const std::string Rule::*rule_text,
                                const std::string CheckDef::*check_text) {
  if (finding.contains(key)) return finding[key];
  const Rule* rule = finding.contains("rule") ? RuleNamed(finding["rule"]) : nullptr;
  const std::string& text =
      rule && !(rule->*rule_text).empty() ? rule->*rule_text : check.*check_text;
  return text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(text);
}

}  // namespace

TEST_CASE("the compact checklist holds the full one's fired checks, and nothing is lost",
          "[compact]") {
  struct Case {
    std::string text, customer_name, customer_message;
  } cases[] = {
      {"Hi Mary, sorry for any inconvenience, but the courier lost it. Due to high volume "
       "there is nothing I can do.",
       "Ann Lee", "My parcel never arrived."},
      {"I'm so sorry, but as per our policy we cannot refund this.", "", "It broke."},
      {"Your invoice is attached. Thanks!", "Bo", ""},
      {"Hi Smith, I'm sorry that was our mistake. I've sent a replacement; it arrives Friday. "
       "WE ARE VERY BUSY!!",
       "Ann Smith", "Where is my order?"},
      {"\xEF\xBB\xBFHi,\r\nSorry for any inconvenience caused \xF0\x9F\x98\x80 caf\xC3\xA9.\r\n",
       "", "It never came"},
  };
  size_t fired = 0, spelled_out = 0;
  for (const Case& c : cases) {
    INFO(c.text);
    Request request;
    request.text = c.text;
    request.begin = c.text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    request.customer_name = c.customer_name;
    if (!c.customer_message.empty()) request.customer_message = c.customer_message;
    Analysis a = TheAnalyzer().Analyze(request);
    nlohmann::ordered_json full = ChecklistJson(TheAnalyzer(), a);
    std::string line;
    AppendCompactJson(TheAnalyzer(), a, &line, "\"id\":\"r1\",\"ticket\":7");
    CHECK(line.find('\n') == std::string::npos);
    nlohmann::ordered_json compact = nlohmann::ordered_json::parse(line);
    CHECK(compact.begin().key() == "id");
    CHECK(compact["ticket"] == 7);
    CHECK(compact["schema"] == kCompactSchemaVersion);
    CHECK(compact["situation"] == full["situation"]["value"]);
    CHECK(compact["ready_to_send"] == full["ready_to_send"]);
    auto next = compact["checklist"].begin();
    for (const auto& check : full["checklist"]) {
      if (check["status"] != "fix" && check["status"] != "consider") continue;
      ++fired;
      REQUIRE(next != compact["checklist"].end());
      const auto& got = *next++;
      CHECK(got["id"] == check["id"]);
      CHECK(got["status"] == check["status"]);
      CHECK_FALSE(got.contains("title"));
      CHECK_FALSE(got.contains("why"));
      CHECK(got.value("more", 0) == check.value("more", 0));
      const CheckDef& def = CheckNamed(check["id"]);
      REQUIRE(got["findings"].size() == check["findings"].size());
      for (size_t i = 0; i < check["findings"].size(); ++i) {
        const auto& want = check["findings"][i];
        const auto& f = got["findings"][i];
        CHECK(f["start"] == want["start"]);
        CHECK(f["end"] == want["end"]);
        CHECK(f.value("text", "") == want["text"]);
        CHECK(f.value("rule", nlohmann::ordered_json()) ==
              want.value("rule", nlohmann::ordered_json()));
        CHECK_FALSE(f.contains("line"));
        CHECK(Resolved(f, "message", def, &Rule::message, &CheckDef::message) == want["message"]);
        CHECK(Resolved(f, "suggestion", def, &Rule::suggestion, &CheckDef::suggestion) ==
              want["suggestion"]);
        spelled_out += static_cast<size_t>(f.contains("message")) +
                       static_cast<size_t>(f.contains("suggestion"));
      }
    }
    CHECK(next == compact["checklist"].end());
  }
  CHECK(fired > 10);
  CHECK(spelled_out > 0);  // the greeting that names the wrong customer says so
}

TEST_CASE("the compact checklist caps findings as the full one does", "[compact]") {
  std::string draft;
  for (int i = 0; i < 120; ++i) draft += "Sorry for any inconvenience. ";
  Request request;
  request.text = draft;
  Analysis a = TheAnalyzer().Analyze(request);
  std::string line;
  AppendCompactJson(TheAnalyzer(), a, &line, {}, ReportOptions{4});
  auto j = nlohmann::json::parse(line);
  CHECK_FALSE(j.contains("id"));
  const nlohmann::json* non_apology = nullptr;
  for (const auto& c : j["checklist"])
    if (c["id"] == "apology.non_apology") non_apology = &c;
  REQUIRE(non_apology);
  CHECK((*non_apology)["findings"].size() == 4);
  CHECK((*non_apology)["more"] == 116);
  // Far smaller than the full form of the same draft.
  std::string full;
  AppendChecklistJson(TheAnalyzer(), a, &full, {}, ReportOptions{4});
  CHECK(line.size() * 3 < full.size());
}
