#include "report/sink.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "app/prepare_input.h"
#include "built_in_analyzer.h"
#include "report/compact_report.h"
#include "report/json_report.h"
#include "report/languagetool_report.h"
#include "report/text_report.h"
#include "run_amends.h"

using namespace amends;

namespace {

const Analyzer& TheAnalyzer() { return testing::BuiltInAnalyzer(); }

std::string ReadDoc(const std::string& name) { return testing::ReadDoc(name); }

}  // namespace

TEST_CASE("every sink kind is found by its name and nothing else is", "[sink]") {
  REQUIRE(SinkKinds().size() >= 3);
  CHECK(SinkKinds().front().name == "text");  // the default comes first
  std::set<std::string_view> names;
  for (const SinkKind& kind : SinkKinds()) {
    CHECK(names.insert(kind.name).second);  // no name twice
    CHECK_FALSE(kind.description.empty());
    CHECK(FindSink(kind.name) == &kind);
    REQUIRE(kind.make() != nullptr);
    CHECK(SinkKindsHelp().find(std::string(kind.name)) != std::string::npos);
  }
  CHECK(FindSink("") == nullptr);
  CHECK(FindSink("JSON") == nullptr);
  CHECK(FindSink("xml") == nullptr);
}

TEST_CASE("every sink kind is named in the docs", "[sink]") {
  std::string docs = ReadDoc("json-schema.md") + ReadDoc("serve.md");
  REQUIRE_FALSE(docs.empty());
  for (const SinkKind& kind : SinkKinds()) {
    INFO(kind.name);
    CHECK(docs.find("`--format " + std::string(kind.name) + "`") != std::string::npos);
  }
}

TEST_CASE("the sinks write what the report functions write, with a newline", "[sink]") {
  Request request;
  request.text = "Hi Mary, sorry for any inconvenience, but the courier lost it.";
  request.customer_name = "Mary Lee";
  Analysis analysis = TheAnalyzer().Analyze(request);
  SinkInput input{TheAnalyzer(), analysis, "draft.txt", ReportOptions{2}};

  std::string json_expected;
  AppendChecklistJson(TheAnalyzer(), analysis, &json_expected, {}, ReportOptions{2});
  std::string compact_expected;
  AppendCompactJson(TheAnalyzer(), analysis, &compact_expected, {}, ReportOptions{2});
  TextReportOptions text;
  text.report.max_findings = 2;
  std::string text_expected = TextReport(TheAnalyzer(), analysis, "draft.txt", text);

  std::string languagetool_expected;
  AppendLanguageToolJson(analysis, {}, ReportOptions{2}, &languagetool_expected);

  std::string out;
  FindSink("json")->make()->Write(input, &out);
  CHECK(out == json_expected + "\n");
  CHECK(nlohmann::json::parse(out)["schema"] == kSchemaVersion);

  out.clear();
  FindSink("compact")->make()->Write(input, &out);
  CHECK(out == compact_expected + "\n");
  CHECK(nlohmann::json::parse(out)["schema"] == kCompactSchemaVersion);

  out.clear();
  FindSink("languagetool")->make()->Write(input, &out);
  CHECK(out == languagetool_expected + "\n");
  CHECK(nlohmann::json::parse(out)["matches"].size() >= 2);

  out = "kept|";  // a sink appends
  input.preamble = "email: the text/plain part\n";
  FindSink("text")->make()->Write(input, &out);
  CHECK(out == "kept|email: the text/plain part\n" + text_expected);
  CHECK(out.back() == '\n');
}

namespace {

// UTF-16 code units of `text`'s first `bytes` bytes (well-formed UTF-8).
uint32_t Utf16Units(std::string_view text, size_t bytes) {
  uint32_t units = 0;
  for (size_t i = 0; i < bytes; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

// The byte offset in `text` after `units` UTF-16 code units.
size_t BytesOfUnits(std::string_view text, size_t units) {
  size_t i = 0;
  for (size_t seen = 0; i < text.size() && seen < units; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) seen += c >= 0xF0 ? 2 : 1;
  }
  while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  return i;
}

}  // namespace

TEST_CASE("the json sink counts an email's positions in its decoded body", "[sink][email]") {
  // The quoted line is blanked in the analysed text, byte for byte, so its
  // accented letters and emoji count as more UTF-16 units there than in
  // the body a mail plugin shows.
  Source source{"reply.eml",
                "From: Sam <sam@example.com>\r\nTo: Zoë <zoe@example.com>\r\n"
                "Subject: Re: où est mon colis\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                "> Où est mon colis? Ça fait trois semaines 😡\r\n\r\n"
                "Sorry for any inconvenience this may have caused.\r\n",
                0};
  app::PreparedInput prepared;
  Request request;
  std::string error;
  REQUIRE(app::PrepareInput("email", &source, &prepared, &request, &error));
  REQUIRE(prepared.is_email);
  const std::string& body = prepared.reply.body;
  REQUIRE(body != prepared.reply.analyzed);
  Analysis analysis = TheAnalyzer().Analyze(request);

  SinkInput input{TheAnalyzer(), analysis, "reply.eml", ReportOptions{}};
  input.email = &prepared.reply;
  std::string out;
  FindSink("json")->make()->Write(input, &out);
  auto json = nlohmann::json::parse(out);
  REQUIRE(json.contains("email"));
  CHECK(json["email"]["body"] == body);
  size_t findings = 0;
  for (const auto& check : json["checklist"])
    for (const auto& f : check["findings"]) {
      const size_t start = f["start"], end = f["end"];
      INFO(check["id"] << " " << start << ".." << end);
      CHECK(f["utf16_start"] == Utf16Units(body, start));
      CHECK(f["utf16_end"] == Utf16Units(body, end));
      if (start < end) CHECK(f["text"] == body.substr(start, end - start));
      ++findings;
    }
  CHECK(findings > 0);
  const size_t hedge = body.find("Sorry for any");
  REQUIRE(hedge != std::string::npos);
  CHECK(Utf16Units(body, hedge) < Utf16Units(prepared.reply.analyzed, hedge));

  // LanguageTool's answer: one match per finding that flags, at the same
  // UTF-16 place, its context read from the body.
  out.clear();
  FindSink("languagetool")->make()->Write(input, &out);
  auto lt = nlohmann::json::parse(out);
  std::multiset<std::tuple<std::string, size_t, size_t>> want, got;
  for (const auto& check : json["checklist"])
    if (check["status"] == "fix" || check["status"] == "consider")
      for (const auto& f : check["findings"])
        want.emplace(check["id"].get<std::string>(), f["utf16_start"].get<size_t>(),
                     f["utf16_end"].get<size_t>() - f["utf16_start"].get<size_t>());
  for (const auto& m : lt["matches"]) {
    got.emplace(m["rule"]["id"].get<std::string>(), m["offset"].get<size_t>(),
                m["length"].get<size_t>());
    const std::string context = m["context"]["text"];
    const size_t at = BytesOfUnits(context, m["context"]["offset"]);
    const size_t stop = at + BytesOfUnits(context.substr(at), m["context"]["length"]);
    INFO(m["rule"]["id"] << " " << context);
    REQUIRE(stop <= context.size());
    CHECK(body.find(context.substr(at, stop - at)) != std::string::npos);
  }
  CHECK_FALSE(want.empty());
  CHECK(got == want);
}
