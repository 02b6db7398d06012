// `amends serve` through HTTP, as its clients use it: the native API equal
// to the CLI's bytes, the LanguageTool shape against a fixture pair, the
// limits, and the signals.
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "run_amends.h"
#include "serve_process.h"

using amends::testing::Amends;
using amends::testing::ReadFile;
using amends::testing::ServeProcess;
using amends::testing::TempPath;
using amends::testing::WaitFor;
using amends::testing::WriteFile;

namespace {

const std::string kSource = AMENDS_SOURCE_DIR;

httplib::Client ClientOf(const ServeProcess& server) {
  httplib::Client client("127.0.0.1", server.port());
  client.set_connection_timeout(10);
  client.set_read_timeout(30);
  return client;
}

std::string JsonBody(const std::string& text, const std::string& name = "",
                     const std::string& situation = "") {
  nlohmann::json body = {{"text", text}};
  if (!name.empty()) body["customer_name"] = name;
  if (!situation.empty()) body["situation"] = situation;
  return body.dump();
}

// Percent-encodes every byte but letters and digits, as a form field.
std::string FormEncode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// UTF-16 code units of UTF-8 text, counted independently of the server.
size_t Utf16Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += ((c & 0xC0) != 0x80) + (c >= 0xF0);
  return n;
}

}  // namespace

TEST_CASE("serve: /v1/check answers the bytes check --format json prints", "[serve]") {
  ServeProcess server({"--no-config"}, {});
  REQUIRE(server.ok());
  auto client = ClientOf(server);
  struct Case {
    std::string draft, name, situation;
  };
  for (const Case& c : {Case{"late-parcel.txt", "", ""}, Case{"good-recovery.txt", "Alex", ""},
                        Case{"routine-howto.txt", "Zoe Martin", "recovery"},
                        Case{"unicode-crlf.txt", "", ""}}) {  // a BOM and CRLF line ends
    std::string path = kSource + "/corpora/drafts/" + c.draft;
    std::string args = "--no-config check --format json";
    if (!c.name.empty()) args += " --customer-name '" + c.name + "'";
    if (!c.situation.empty()) args += " --situation " + c.situation;
    auto cli = Amends(args + " '" + path + "'");
    REQUIRE(cli.exit_code <= 1);
    auto res =
        client.Post("/v1/check", JsonBody(ReadFile(path), c.name, c.situation), "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body == cli.out);
  }
}

TEST_CASE("serve: /v1/audit answers one line per line, as amends audit", "[serve]") {
  ServeProcess server({"--no-config"}, {});
  REQUIRE(server.ok());
  std::string input =
      "{\"id\":1,\"text\":\"Sorry for any inconvenience, but that is our policy.\"}\n"
      "not json\n"
      "{\"id\":\"b\",\"text\":\"Hi Mary, I am sorry the parcel was late. I have refunded the "
      "shipping.\",\"customer_name\":\"Mary\"}\n";
  std::string file = TempPath("serve-audit.jsonl");
  WriteFile(file, input);
  auto cli = Amends("--no-config audit '" + file + "'");
  auto res = ClientOf(server).Post("/v1/audit", input, "application/x-ndjson");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body == cli.out);
  CHECK(std::count(res->body.begin(), res->body.end(), '\n') == 3);
}

TEST_CASE("serve: /v2/check answers the LanguageTool fixture's response", "[serve][languagetool]") {
  ServeProcess server({"--no-config"}, {});
  REQUIRE(server.ok());
  std::string dir = kSource + "/tests/fixtures/languagetool/";
  auto res = ClientOf(server).Post("/v2/check", ReadFile(dir + "check.request"),
                                   "application/x-www-form-urlencoded");
  REQUIRE(res);
  CHECK(res->status == 200);
  auto got = nlohmann::json::parse(res->body);
  auto want = nlohmann::json::parse(ReadFile(dir + "check.response.json"));
  CHECK(got.dump(1) == want.dump(1));
  // Every member LanguageTool's documented match has, with its type.
  REQUIRE(!got["matches"].empty());
  for (const auto& m : got["matches"]) {
    CHECK(m["message"].is_string());
    CHECK(m["shortMessage"].is_string());
    CHECK(m["offset"].is_number_unsigned());
    CHECK(m["length"].is_number_unsigned());
    CHECK(m["replacements"].is_array());
    CHECK(m["context"]["text"].is_string());
    CHECK(m["context"]["offset"].is_number_unsigned());
    CHECK(m["context"]["length"].is_number_unsigned());
    CHECK(m["sentence"].is_string());
    CHECK(m["rule"]["id"].is_string());
    CHECK(m["rule"]["description"].is_string());
    CHECK(m["rule"]["issueType"].is_string());
    CHECK(m["rule"]["category"]["id"].is_string());
    CHECK(m["rule"]["category"]["name"].is_string());
    CHECK(m["type"]["typeName"].is_string());
  }
}

TEST_CASE("serve: /v2/check offsets count UTF-16 units of the client's text",
          "[serve][languagetool]") {
  ServeProcess server({"--no-config"}, {});
  REQUIRE(server.ok());
  auto client = ClientOf(server);
  const std::string phrase = "apologize for any";  // apology.non_apology's match
  // U+1F600 is two UTF-16 units and four bytes: offsets must count two.
  std::string text = "Hi Mary \xF0\x9F\x98\x80, we " + phrase + " inconvenience caused.";
  auto res = client.Post("/v2/check", "language=en-US&text=" + FormEncode(text),
                         "application/x-www-form-urlencoded");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  auto got = nlohmann::json::parse(res->body);
  bool found = false;
  for (const auto& m : got["matches"])
    if (m["rule"]["id"] == "apology.non_apology") {
      found = true;
      CHECK(m["offset"] == Utf16Length(text.substr(0, text.find(phrase))));
      CHECK(m["offset"] == 8 + 2 + 5);  // "Hi Mary ", the emoji, ", we "
      CHECK(m["length"] == phrase.size());
    }
  CHECK(found);

  SECTION("data annotation: markup stays out of the analysis, offsets point into it") {
    nlohmann::json data = nlohmann::json::parse(R"({"annotation": [{"markup": "<p>"},
        {"text": "We apologize for any inconvenience."},
        {"markup": "</p>", "interpretAs": "\n\n"}]})");
    // ltex sends a form body labelled application/json.
    auto r = client.Post("/v2/check", "language=en-US&data=" + FormEncode(data.dump()),
                         "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    bool seen = false;
    auto matches = nlohmann::json::parse(r->body)["matches"];
    for (const auto& m : matches)
      if (m["rule"]["id"] == "apology.non_apology") {
        seen = true;
        // The finding spans what its literal replacement replaces.
        CHECK(m["offset"] == 3);  // "<p>"
        CHECK(m["length"] == std::string("We apologize for any inconvenience").size());
        CHECK(m["replacements"] == nlohmann::json::parse(R"([{"value": "I'm sorry"}])"));
      }
    CHECK(seen);
  }
  SECTION("disabledRules and enabledOnly filter by check id or family") {
    std::string body = "text=" + FormEncode(text);
    auto off = client.Post("/v2/check", body + "&disabledRules=apology",
                           "application/x-www-form-urlencoded");
    REQUIRE(off);
    auto off_matches = nlohmann::json::parse(off->body)["matches"];
    for (const auto& m : off_matches) CHECK(m["rule"]["category"]["name"] != "apology");
    auto only =
        client.Post("/v2/check", body + "&enabledRules=apology.non_apology&enabledOnly=true",
                    "application/x-www-form-urlencoded");
    REQUIRE(only);
    auto matches = nlohmann::json::parse(only->body)["matches"];
    REQUIRE(matches.size() >= 1);
    for (const auto& m : matches) CHECK(m["rule"]["id"] == "apology.non_apology");
  }
  SECTION("a language amends does not read is a 400") {
    auto r =
        client.Post("/v2/check", "language=de-DE&text=Hallo", "application/x-www-form-urlencoded");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->body.find("de-DE") != std::string::npos);
  }
}

TEST_CASE("serve: /v2/languages, /healthz, /metrics and the page", "[serve]") {
  ServeProcess server({"--no-config"}, {});
  REQUIRE(server.ok());
  auto client = ClientOf(server);
  auto languages = client.Get("/v2/languages");
  REQUIRE(languages);
  bool us = false;
  auto language_list = nlohmann::json::parse(languages->body);
  for (const auto& l : language_list) us = us || l["longCode"] == "en-US";
  CHECK(us);
  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  REQUIRE(client.Post("/v1/check", JsonBody("Hello"), "application/json"));
  // Counted once the answer is written, so maybe just after the client read it.
  std::string metrics;
  CHECK(WaitFor(
      [&] {
        auto m = client.Get("/metrics");
        metrics = m ? m->body : "";
        return metrics.find("amends_requests_total{path=\"/v1/check\",code=\"200\"} 1") !=
               std::string::npos;
      },
      5));
  CHECK(metrics.find("amends_request_duration_seconds_bucket{le=\"+Inf\"}") != std::string::npos);
  CHECK(metrics.find("amends_requests_in_flight") != std::string::npos);
  CHECK(metrics.find("amends_requests_rejected_total{reason=\"busy\"} 0") != std::string::npos);
  auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
  // Self-contained: nothing loaded from elsewhere.
  CHECK(page->body.find("src=") == std::string::npos);
  CHECK(page->body.find("<link") == std::string::npos);
  CHECK(page->body.find("@import") == std::string::npos);
}

TEST_CASE("serve: bad requests get a 4xx JSON error naming what and where", "[serve][bad-input]") {
  ServeProcess server({"--no-config"}, {"--max-concurrent", "4"});
  REQUIRE(server.ok());
  auto client = ClientOf(server);
  auto error_of = [](const httplib::Result& r) {
    return nlohmann::json::parse(r->body)["error"].get<std::string>();
  };
  auto bad_json = client.Post("/v1/check", "{\"text\": tru}", "application/json");
  REQUIRE(bad_json);
  CHECK(bad_json->status == 400);
  CHECK(error_of(bad_json).find("request body: byte 1") == 0);
  auto bad_utf8 = client.Post("/v1/check", "{\"text\": \"caf\xC3\"}", "application/json");
  REQUIRE(bad_utf8);
  CHECK(bad_utf8->status == 400);
  CHECK(error_of(bad_utf8).find("byte") != std::string::npos);
  auto no_text = client.Post("/v1/check", "{\"customer_name\": \"Mary\"}", "application/json");
  REQUIRE(no_text);
  CHECK(no_text->status == 400);
  CHECK(error_of(no_text) == "request body: \"text\" is missing");
  auto bad_form = client.Post("/v2/check", "text=abc%zzdef", "application/x-www-form-urlencoded");
  REQUIRE(bad_form);
  CHECK(bad_form->status == 400);
  CHECK(error_of(bad_form) == "form body: byte 9: '%' is not followed by two hexadecimal digits");
  auto bad_form_utf8 = client.Post("/v2/check", "text=ab%FF", "application/x-www-form-urlencoded");
  REQUIRE(bad_form_utf8);
  CHECK(bad_form_utf8->status == 400);
  CHECK(error_of(bad_form_utf8).find("text: byte 3") == 0);
  auto blank = client.Post("/v1/check", JsonBody(" \n\t "), "application/json");
  REQUIRE(blank);
  CHECK(blank->status == 422);
  CHECK(error_of(blank) == "nothing to check: the draft is empty");
  auto nowhere = client.Get("/v3/nothing");
  REQUIRE(nowhere);
  CHECK(nowhere->status == 404);
  CHECK(error_of(nowhere).find("/v3/nothing") != std::string::npos);
  // The server goes on.
  auto fine = client.Post("/v1/check", JsonBody("Hello"), "application/json");
  REQUIRE(fine);
  CHECK(fine->status == 200);
}

TEST_CASE("serve: the access log has method, path, status and size, never the text", "[serve]") {
  ServeProcess server({"--no-config"}, {});
  REQUIRE(server.ok());
  const std::string secret = "Zanzibar-parcel-4471";
  auto res = ClientOf(server).Post("/v1/check", JsonBody("Hi, your " + secret + " is late."),
                                   "application/json");
  REQUIRE(res);
  REQUIRE(
      WaitFor([&] { return server.Stderr().find("POST /v1/check 200") != std::string::npos; }, 5));
  CHECK(server.Stderr().find(secret) == std::string::npos);
}

TEST_CASE("serve: a body over --max-bytes is a 413", "[serve][limits]") {
  ServeProcess server({"--no-config", "--max-bytes", "1000"}, {});
  REQUIRE(server.ok());
  auto client = ClientOf(server);
  auto big = client.Post("/v1/check", JsonBody(std::string(2000, 'a')), "application/json");
  REQUIRE(big);
  CHECK(big->status == 413);
  CHECK(big->body.find("larger than 1000 bytes") != std::string::npos);
  auto small = client.Post("/v1/check", JsonBody("Hello"), "application/json");
  REQUIRE(small);
  CHECK(small->status == 200);
  CHECK(WaitFor(
      [&] {
        auto metrics = client.Get("/metrics");
        return metrics &&
               metrics->body.find("amends_requests_rejected_total{reason=\"too_large\"} 1") !=
                   std::string::npos;
      },
      5));
}

TEST_CASE("serve: --token-file requires the bearer token", "[serve][limits]") {
  std::string token_file = TempPath("serve-token");
  WriteFile(token_file, "s3cret-token\n");
  ServeProcess server({"--no-config"}, {"--token-file", token_file});
  REQUIRE(server.ok());
  auto client = ClientOf(server);
  auto missing = client.Post("/v1/check", JsonBody("Hello"), "application/json");
  REQUIRE(missing);
  CHECK(missing->status == 401);
  auto wrong = client.Post("/v1/check", {{"Authorization", "Bearer s3cret-tokem"}},
                           JsonBody("Hello"), "application/json");
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  CHECK(wrong->body.find("wrong") != std::string::npos);
  auto right = client.Post("/v1/check", {{"Authorization", "Bearer s3cret-token"}},
                           JsonBody("Hello"), "application/json");
  REQUIRE(right);
  CHECK(right->status == 200);
  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 401);
}

TEST_CASE("serve: CORS answers the allowed origins' preflight", "[serve][limits]") {
  ServeProcess server({"--no-config"}, {"--allow-origin", "moz-extension://*"});
  REQUIRE(server.ok());
  auto client = ClientOf(server);
  auto ok = client.Options("/v2/check", {{"Origin", "moz-extension://1234-abcd"},
                                         {"Access-Control-Request-Method", "POST"}});
  REQUIRE(ok);
  CHECK(ok->status == 204);
  CHECK(ok->get_header_value("Access-Control-Allow-Origin") == "moz-extension://1234-abcd");
  CHECK(ok->get_header_value("Access-Control-Allow-Headers").find("Authorization") !=
        std::string::npos);
  auto refused = client.Options("/v2/check", {{"Origin", "https://evil.example"}});
  REQUIRE(refused);
  CHECK(refused->status == 403);
  auto post = client.Post("/v2/check", {{"Origin", "moz-extension://1234-abcd"}}, "text=Hello",
                          "application/x-www-form-urlencoded");
  REQUIRE(post);
  CHECK(post->get_header_value("Access-Control-Allow-Origin") == "moz-extension://1234-abcd");
}

TEST_CASE("serve: past --max-concurrent requests get 503 with Retry-After", "[serve][limits]") {
  ServeProcess server({"--no-config"}, {"--max-concurrent", "1", "--quiet"});
  REQUIRE(server.ok());
  // A long audit holds the one slot while short checks knock.
  std::string line =
      "{\"text\":\"Dear valued customer, we apologize for any inconvenience, but per our policy "
      "you should have ordered express. Due to the high volume of orders it was delayed.\"}\n";
  std::string big;
  while (big.size() < 600000) big += line;
  std::atomic<bool> done{false};
  int big_status = 0;
  std::thread holder([&] {
    auto client = ClientOf(server);
    client.set_read_timeout(120);
    auto r = client.Post("/v1/audit", big, "application/x-ndjson");
    big_status = r ? r->status : -1;
    done = true;
  });
  // Knock once the audit holds the slot.
  REQUIRE(WaitFor(
      [&] {
        auto m = ClientOf(server).Get("/metrics");
        return done || (m && m->body.find("amends_requests_in_flight 1") != std::string::npos);
      },
      30));
  bool busy = false;
  std::string retry_after;
  auto client = ClientOf(server);
  while (!done && !busy) {
    auto r = client.Post("/v1/check", JsonBody("Hello"), "application/json");
    if (r && r->status == 503) {
      busy = true;
      retry_after = r->get_header_value("Retry-After");
    }
  }
  holder.join();
  CHECK(big_status == 200);
  CHECK(busy);
  CHECK(retry_after == "1");
}

TEST_CASE("serve: SIGHUP reloads, keeping the old checks when the new config fails",
          "[serve][signals]") {
  std::string dir = TempPath("serve-reload");
  std::filesystem::create_directories(dir);
  std::string conf = dir + "/amends.conf";
  WriteFile(conf, "# nothing yet\n");
  ServeProcess server({}, {}, dir);
  REQUIRE(server.ok());
  auto client = ClientOf(server);
  std::string draft = "We apologize for any inconvenience this may have caused.";
  auto has_check = [&](const std::string& id) {
    auto r = client.Post("/v1/check", JsonBody(draft), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    auto checklist = nlohmann::json::parse(r->body)["checklist"];
    for (const auto& c : checklist)
      if (c["id"] == id) return true;
    return false;
  };
  REQUIRE(has_check("apology.non_apology"));

  WriteFile(conf, "check apology.no_such_check\n  status: off\n");
  server.Signal(SIGHUP);
  REQUIRE(WaitFor([&] { return server.Stderr().find("reload failed") != std::string::npos; }, 10));
  CHECK(server.Stderr().find("amends.conf:1:") != std::string::npos);
  CHECK(has_check("apology.non_apology"));  // still serving the old checks

  WriteFile(conf, "check apology.non_apology\n  status: off\n");
  server.Signal(SIGHUP);
  REQUIRE(WaitFor([&] { return server.Stderr().find("reloaded") != std::string::npos; }, 10));
  CHECK_FALSE(has_check("apology.non_apology"));

  server.Signal(SIGTERM);
  CHECK(server.Wait(20) == 0);
}

TEST_CASE("serve: SIGTERM finishes the request in flight, then exits 0", "[serve][signals]") {
  ServeProcess server({"--no-config"}, {"--quiet"});
  REQUIRE(server.ok());
  std::string line = "{\"text\":\"We apologize for any inconvenience, but it is our policy.\"}\n";
  std::string big;
  while (big.size() < 300000) big += line;
  int status = 0;
  std::string body;
  std::thread request([&] {
    auto client = ClientOf(server);
    client.set_read_timeout(120);
    auto r = client.Post("/v1/audit", big, "application/x-ndjson");
    status = r ? r->status : -1;
    if (r) body = r->body;
  });
  // Signal once the request is being worked on.
  REQUIRE(WaitFor(
      [&] {
        auto m = ClientOf(server).Get("/metrics");
        return m && m->body.find("amends_requests_in_flight 1") != std::string::npos;
      },
      30));
  server.Signal(SIGTERM);
  request.join();
  CHECK(status == 200);
  CHECK(static_cast<size_t>(std::count(body.begin(), body.end(), '\n')) ==
        big.size() / line.size());
  CHECK(server.Wait(20) == 0);
}
