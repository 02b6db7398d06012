#include "serve/lt_api.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "built_in_analyzer.h"
#include "report/sink.h"

using namespace amends;
using amends::serve::LtRequest;
using amends::serve::ParseLtRequest;

TEST_CASE("lt request: text, language and rule lists from a form", "[serve][languagetool]") {
  LtRequest r;
  std::string error;
  REQUIRE(
      ParseLtRequest("text=Hi+there&language=en-GB&disabledRules=blame,+apology.late"
                     "&enabledOnly=false&level=picky&motherTongue=de",
                     &r, &error));
  CHECK(r.text == "Hi there");
  CHECK(r.language == "en-GB");
  CHECK(r.disabled == std::set<std::string>{"blame", "apology.late"});
  CHECK_FALSE(r.enabled_only);
  CHECK(r.pieces.empty());
}

TEST_CASE("lt request: data annotation keeps text, stands in for markup", "[serve][languagetool]") {
  LtRequest r;
  std::string error;
  std::string data =
      R"({"annotation":[{"markup":"<p>"},{"text":"Hi \u00e9"},{"markup":"<br/>","interpretAs":"\n"},{"text":"ok"}]})";
  REQUIRE(ParseLtRequest(std::string("{\"language\":\"auto\",\"data\":") + data + "}", &r, &error));
  CHECK(r.text == "Hi \xC3\xA9\nok");
  REQUIRE(r.pieces.size() == 4);
  CHECK(r.pieces[1].original_utf16 == 3);          // after "<p>"
  CHECK(r.pieces[3].original_utf16 == 3 + 4 + 5);  // "<p>", "Hi é", "<br/>"
  CHECK(r.pieces[2].markup);
  CHECK(r.language == "en-US");  // auto
}

TEST_CASE("lt request: what is wrong, named", "[serve][languagetool]") {
  LtRequest r;
  std::string error;
  CHECK_FALSE(ParseLtRequest("language=en-US", &r, &error));
  CHECK(error == "request: needs a \"text\" or a \"data\" field");
  CHECK_FALSE(ParseLtRequest("text=a&language=fr", &r, &error));
  CHECK(error.find("language: 'fr' is not supported") == 0);
  CHECK_FALSE(ParseLtRequest("data=%7B%22annotation%22%3A%5B%7B%7D%5D%7D", &r, &error));
  CHECK(error == "data: annotation[0]: needs a string \"text\" or \"markup\"");
  CHECK_FALSE(ParseLtRequest("data=%7Bx", &r, &error));
  CHECK(error.find("data: byte 2: not JSON") == 0);
  CHECK_FALSE(ParseLtRequest("text=a&enabledOnly=yes", &r, &error));
  CHECK(error == "enabledOnly: must be true or false");
}

TEST_CASE("lt check: the answer is the languagetool sink's for the same text",
          "[serve][languagetool]") {
  const Analyzer* analyzer = &testing::BuiltInAnalyzer();
  const std::string text =
      "We apologize for any inconvenience, but per our policy we can't refund it.";
  std::string form = text;
  std::replace(form.begin(), form.end(), ' ', '+');
  serve::Reply reply =
      serve::CheckLanguageTool(*analyzer, "language=en-US&text=" + form, serve::Budget{});
  REQUIRE(reply.status == 200);

  Request request;
  request.text = text;
  Analysis analysis = analyzer->Analyze(request);
  SinkInput input{*analyzer, analysis, "-", ReportOptions{serve::Budget{}.max_findings}};
  std::string sink;
  FindSink("languagetool")->make()->Write(input, &sink);
  CHECK(reply.body + "\n" == sink);
  CHECK(nlohmann::json::parse(reply.body)["matches"].size() >= 3);
}
