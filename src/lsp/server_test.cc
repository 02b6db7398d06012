#include "lsp/server.h"

#include <catch2/catch.hpp>

#include "lsp/document_text.h"

using namespace amends;
using namespace amends::lsp;
using nlohmann::json;

namespace {

// A client in the test: sends messages, keeps what the server sent.
struct Client {
  Server server{[] {
                  LspOptions o;
                  o.load.no_config = true;
                  return o;
                }(),
                nullptr};
  std::vector<json> received;
  int next_id = 1;

  std::vector<json> Send(json message) {
    message["jsonrpc"] = "2.0";
    std::vector<std::string> out;
    server.Handle(message.dump(), false, &out);
    std::vector<json> got;
    for (const std::string& m : out) got.push_back(json::parse(m));
    received.insert(received.end(), got.begin(), got.end());
    return got;
  }
  json Request(const std::string& method, json params) {
    int id = next_id++;
    for (const json& m : Send({{"id", id}, {"method", method}, {"params", params}}))
      if (m.contains("id") && m["id"] == id) return m;
    FAIL("no response to " << method);
    return nullptr;
  }
  std::vector<json> Notify(const std::string& method, json params) {
    return Send({{"method", method}, {"params", params}});
  }
  // The last diagnostics published for `uri`.
  json Diagnostics(const std::string& uri) const {
    for (auto it = received.rbegin(); it != received.rend(); ++it)
      // value(): a response has no "method", and a const json's operator[]
      // must only be asked for members it has.
      if (it->value("method", "") == "textDocument/publishDiagnostics" && it->contains("params") &&
          (*it)["params"].value("uri", "") == uri)
        return (*it)["params"].value("diagnostics", json());
    return nullptr;
  }
  json Initialize(bool utf8) {
    json caps = json::object();
    if (utf8) caps["general"]["positionEncodings"] = {"utf-8", "utf-16"};
    return Request("initialize", {{"processId", nullptr}, {"capabilities", caps}});
  }
  void Open(const std::string& uri, const std::string& text, const std::string& language = "") {
    Notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", language}, {"version", 1}, {"text", text}}}});
  }
};

const json* WithCode(const json& diagnostics, const std::string& code) {
  for (const json& d : diagnostics)
    if (d.value("code", "") == code) return &d;
  return nullptr;
}

const std::string kDraft =
    "Hi Mary \xF0\x9F\x98\x80,\n\nWe apologize for any inconvenience. Per our policy, refunds "
    "take 5 days.\n";

}  // namespace

TEST_CASE("lsp: initialize negotiates the position encoding", "[lsp]") {
  Client utf16;
  json r = utf16.Initialize(false);
  CHECK(r["result"]["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(r["result"]["capabilities"]["textDocumentSync"]["change"] == 1);
  Client utf8;
  CHECK(utf8.Initialize(true)["result"]["capabilities"]["positionEncoding"] == "utf-8");
}

TEST_CASE("lsp: requests before initialize and after shutdown are refused", "[lsp]") {
  Client c;
  CHECK(c.Request("textDocument/hover", json::object())["error"]["code"] == -32002);
  c.Initialize(false);
  CHECK(c.Request("no/such", json::object())["error"]["code"] == -32601);
  CHECK(c.Request("shutdown", nullptr)["result"].is_null());
  CHECK(c.Request("textDocument/hover", json::object())["error"]["code"] == -32600);
  c.Notify("exit", nullptr);
  CHECK(c.server.exited());
  CHECK(c.server.exit_code() == 0);
  Client abrupt;
  abrupt.Initialize(false);
  abrupt.Notify("exit", nullptr);
  CHECK(abrupt.server.exit_code() == 1);
}

TEST_CASE("lsp: diagnostics on open and change, in the negotiated encoding", "[lsp]") {
  for (bool utf8 : {false, true}) {
    Client c;
    c.Initialize(utf8);
    c.Open("file:///d.txt", kDraft);
    json d = c.Diagnostics("file:///d.txt");
    const json* apology = WithCode(d, "apology.non_apology");
    REQUIRE(apology);
    CHECK((*apology)["severity"] == kSeverityWarning);
    CHECK((*apology)["source"] == "amends");
    CHECK((*apology)["range"]["start"] == json({{"line", 2}, {"character", 0}}));
    const json* policy = WithCode(d, "policy.reciting");
    REQUIRE(policy);
    // Line 0 holds the emoji: a position after it differs by encoding.
    const json* name = WithCode(d, "name.missing");
    (void)name;
    c.Notify("textDocument/didChange",
             {{"textDocument", {{"uri", "file:///d.txt"}, {"version", 2}}},
              {"contentChanges", {{{"text", "Hi Mary \xF0\x9F\x98\x80, per our policy, no.\n"}}}}});
    d = c.Diagnostics("file:///d.txt");
    policy = WithCode(d, "policy.reciting");
    REQUIRE(policy);
    // "Hi Mary " 8, the emoji 2 units or 4 bytes, ", " 2.
    CHECK((*policy)["range"]["start"]["character"] == (utf8 ? 14 : 12));
    CHECK_FALSE(WithCode(d, "apology.non_apology"));
  }
}

TEST_CASE("lsp: hover says why and what to write", "[lsp]") {
  Client c;
  c.Initialize(false);
  c.Open("file:///d.txt", kDraft);
  json r = c.Request("textDocument/hover", {{"textDocument", {{"uri", "file:///d.txt"}}},
                                            {"position", {{"line", 2}, {"character", 5}}}});
  std::string value = r["result"]["contents"]["value"];
  CHECK(value.find("apology.non_apology") != std::string::npos);
  CHECK(value.find("*Why:*") != std::string::npos);
  CHECK(value.find("*Suggestion:*") != std::string::npos);
  CHECK(c.Request("textDocument/hover", {{"textDocument", {{"uri", "file:///none"}}},
                                         {"position", {{"line", 0}, {"character", 0}}}})["result"]
            .is_null());
}

TEST_CASE("lsp: code actions replace, disable, and fix all", "[lsp]") {
  Client c;
  c.Initialize(false);
  c.Open("file:///d.txt", kDraft);
  json r = c.Request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", "file:///d.txt"}}},
       {"range",
        {{"start", {{"line", 2}, {"character", 3}}}, {"end", {{"line", 2}, {"character", 3}}}}},
       {"context", {{"diagnostics", json::array()}}}});
  const json& actions = r["result"];
  const json* replace = nullptr;
  const json* disable_file = nullptr;
  const json* fix_all = nullptr;
  for (const json& a : actions) {
    std::string title = a["title"];
    if (title.rfind("Replace \"We apologize for any inconvenience\"", 0) == 0) replace = &a;
    if (title == "Disable apology.non_apology for this file") disable_file = &a;
    if (a["kind"] == "source.fixAll.amends") fix_all = &a;
  }
  REQUIRE(replace);
  const json& edit = (*replace)["edit"]["changes"]["file:///d.txt"][0];
  CHECK(edit["newText"] == "I'm sorry");
  CHECK(edit["range"]["start"] == json({{"line", 2}, {"character", 0}}));
  CHECK(edit["range"]["end"] == json({{"line", 2}, {"character", 34}}));
  REQUIRE(fix_all);
  CHECK((*fix_all)["edit"]["changes"]["file:///d.txt"].size() == 2);
  REQUIRE(disable_file);
  c.Request("workspace/executeCommand", {{"command", (*disable_file)["command"]["command"]},
                                         {"arguments", (*disable_file)["command"]["arguments"]}});
  CHECK_FALSE(WithCode(c.Diagnostics("file:///d.txt"), "apology.non_apology"));
  c.Open("file:///e.txt", kDraft);  // another file: still on
  CHECK(WithCode(c.Diagnostics("file:///e.txt"), "apology.non_apology"));
  c.Request("workspace/executeCommand",
            {{"command", "amends.disableCheck"},
             {"arguments",
              {{{"uri", "file:///e.txt"}, {"check", "policy.reciting"}, {"scope", "workspace"}}}}});
  CHECK_FALSE(WithCode(c.Diagnostics("file:///e.txt"), "policy.reciting"));
  CHECK_FALSE(WithCode(c.Diagnostics("file:///d.txt"), "policy.reciting"));
}

TEST_CASE("lsp: configuration takes amends.conf's settings", "[lsp]") {
  Client c;
  c.Initialize(false);
  c.Open("file:///d.txt", kDraft);
  REQUIRE(WithCode(c.Diagnostics("file:///d.txt"), "policy.reciting"));
  c.Notify("workspace/didChangeConfiguration",
           {{"settings",
             {{"amends",
               {{"checks", {{"policy.reciting", "off"}, {"apology.non_apology", "consider"}}}}}}}});
  json d = c.Diagnostics("file:///d.txt");
  CHECK_FALSE(WithCode(d, "policy.reciting"));
  REQUIRE(WithCode(d, "apology.non_apology"));
  CHECK((*WithCode(d, "apology.non_apology"))["severity"] == kSeverityInformation);
  // A bad setting is shown and changes nothing.
  auto sent = c.Notify("workspace/didChangeConfiguration",
                       {{"settings", {{"amends", {{"checks", {{"no.such", "off"}}}}}}}});
  REQUIRE(sent.size() == 1);
  CHECK(sent[0]["method"] == "window/showMessage");
  CHECK(std::string(sent[0]["params"]["message"]).find("unknown check 'no.such'") !=
        std::string::npos);
}

TEST_CASE("lsp: an empty document, a bad message, a huge document", "[lsp]") {
  Client c;
  c.Initialize(false);
  c.Open("file:///empty.txt", "  \n");
  CHECK(c.Diagnostics("file:///empty.txt").empty());
  std::vector<std::string> out;
  c.server.Handle("not json", false, &out);
  REQUIRE(out.size() == 1);
  CHECK(json::parse(out[0])["error"]["code"] == -32700);
  c.Open("file:///big.txt", std::string((1u << 20) + 1, 'a'));
  json d = c.Diagnostics("file:///big.txt");
  REQUIRE(d.size() == 1);
  CHECK(std::string(d[0]["message"]).find("larger than") != std::string::npos);
  // Wrong types: an error answer, not a crash.
  CHECK(c.Request("textDocument/hover", {{"textDocument", 5}})["result"].is_null());
}

TEST_CASE("lsp: markdown code and link targets are not read as the reply", "[lsp]") {
  std::string md =
      "Hi Mary,\n\n```\nper our policy, no\n```\n\nSee [the `calm down` page]"
      "(https://x.example/per-our-policy). <!-- per our policy, -->\n";
  std::string blank = BlankMarkdown(md);
  CHECK(blank.size() == md.size());
  CHECK(blank.find("policy") == std::string::npos);
  CHECK(blank.find("calm") == std::string::npos);
  CHECK(blank.find("See [the ") != std::string::npos);
  Client c;
  c.Initialize(false);
  c.Open("file:///r.md", md, "markdown");
  CHECK_FALSE(WithCode(c.Diagnostics("file:///r.md"), "policy.reciting"));
}

TEST_CASE("lsp: a mail document's findings point into the message", "[lsp]") {
  std::string eml =
      "From: Jo <jo@example.com>\r\nTo: Mary Smith <mary@example.com>\r\nSubject: Re: parcel\r\n"
      "\r\nHi Mary,\r\n\r\nPer our policy, refunds take 5 days.\r\n\r\n> where is my parcel\r\n";
  Client c;
  c.Initialize(false);
  c.Open("file:///reply.eml", eml, "mail");
  json diagnostics = c.Diagnostics("file:///reply.eml");
  const json* policy = WithCode(diagnostics, "policy.reciting");
  REQUIRE(policy);
  CHECK((*policy)["range"]["start"] == json({{"line", 6}, {"character", 0}}));
  json r = c.Request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", "file:///reply.eml"}}},
       {"range",
        {{"start", {{"line", 6}, {"character", 1}}}, {"end", {{"line", 6}, {"character", 1}}}}},
       {"context", {{"only", {"quickfix"}}}}});
  bool replaced = false;
  for (const json& a : r["result"])
    if (a.contains("edit")) {
      const json& e = a["edit"]["changes"]["file:///reply.eml"][0];
      CHECK(e["newText"] == "R");
      CHECK(e["range"]["end"] == json({{"line", 6}, {"character", 17}}));
      replaced = true;
    }
  CHECK(replaced);
}

TEST_CASE("lsp: file URIs name paths", "[lsp]") {
  CHECK(PathOfUri("file:///home/a%20b/c.txt") == "/home/a b/c.txt");
  CHECK(PathOfUri("file://host/x") == "/x");
  CHECK(PathOfUri("untitled:1").empty());
}

TEST_CASE("lsp: an escaped lone surrogate reads as U+FFFD", "[lsp]") {
  std::string body = R"({"a":"x\ud83d y \ude00 \\ud83d \ud83d\ude00"})";
  CHECK(RepairLoneSurrogates(&body));
  CHECK(body == R"({"a":"x\uFFFD y \uFFFD \\ud83d \ud83d\ude00"})");
  std::string clean = R"({"a":"\ud83d\ude00 \n"})";
  CHECK_FALSE(RepairLoneSurrogates(&clean));
  Client c;
  c.Initialize(false);
  std::vector<std::string> out;
  c.server.Handle(
      R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":)"
      R"({"uri":"file:///s.txt","languageId":"","version":1,"text":"Per our policy, no \ud83d."}}})",
      false, &out);
  REQUIRE(out.size() == 1);
  CHECK(json::parse(out[0])["method"] == "textDocument/publishDiagnostics");
}

TEST_CASE("lsp: publishDiagnostics is written as its json values dump", "[lsp]") {
  const std::string text = "Hi \"Zo\xC3\xAB\",\n\tSorry \xF0\x9F\x98\x94 for the wait\\.\n";
  std::vector<DocumentDiagnostic> diagnostics(3);
  diagnostics[0] = {0, 2, "greeting", Status::kConsider, "Greeting", "why", "", "", std::nullopt};
  diagnostics[1] = {
      4, 9, "name", Status::kFix, "A \"name\"", "", "Zo\xC3\xAB \\ \x01 \x1f", "", std::nullopt};
  diagnostics[2] = {static_cast<uint32_t>(text.size() - 5),
                    static_cast<uint32_t>(text.size()),
                    "late",
                    Status::kConsider,
                    "Late",
                    "",
                    "\ttab\r\n",
                    "",
                    "x"};
  LineIndex index(text);
  for (PositionEncoding encoding : {PositionEncoding::kUtf16, PositionEncoding::kUtf8}) {
    for (int64_t version : {int64_t{0}, int64_t{7}, int64_t{-3}, int64_t{1} << 40}) {
      json list = json::array();
      for (const DocumentDiagnostic& d : diagnostics)
        list.push_back(DiagnosticJson(d, index, encoding));
      std::string want = json{
          {"jsonrpc", "2.0"},
          {"method", "textDocument/publishDiagnostics"},
          {"params",
           {{"uri", "file:///a%20b/\xC3\xA9.txt"},
            {"version", version},
            {"diagnostics",
             list}}}}.dump();
      CHECK(PublishDiagnosticsJson("file:///a%20b/\xC3\xA9.txt", version, diagnostics, index,
                                   encoding) == want);
    }
  }
  CHECK(PublishDiagnosticsJson("u", 1, {}, index, PositionEncoding::kUtf16) ==
        R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics",)"
        R"("params":{"diagnostics":[],"uri":"u","version":1}})");
}
