// What a new user meets in the first hour, through the program: runs that
// checked nothing say so and exit 2, empty drafts are refused, the gate
// does not send an empty reply unless told to, and a reply in another
// language is not graded by the English rules, other encodings are read,
// and the command line suggests what a typo meant.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "run_amends.h"

namespace fs = std::filesystem;

namespace {

using amends::testing::Amends;
using amends::testing::ReadFile;
using amends::testing::Run;
using amends::testing::TempPath;
using amends::testing::WriteFile;

const std::string kExports = std::string(AMENDS_SOURCE_DIR) + "/corpora/exports/";

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

TEST_CASE("audit: a Zendesk export without users says it checked nothing, and why",
          "[first-hour][audit]") {
  // The fixture's tickets without their side-loaded "users".
  std::string export_text = ReadFile(kExports + "zendesk.jsonl"), stripped;
  for (size_t start = 0, nl; start < export_text.size(); start = nl + 1) {
    nl = export_text.find('\n', start);
    if (nl == std::string::npos) nl = export_text.size();
    std::string line = export_text.substr(start, nl - start);
    size_t users = line.find(", \"users\":");
    if (users != std::string::npos) line = line.substr(0, users) + "}";
    stripped += line + "\n";
  }
  REQUIRE(stripped.find("\"users\"") == std::string::npos);
  std::string path = TempPath("no-users.zendesk.jsonl"), html = path + ".html";
  WriteFile(path, stripped);
  Run r = Amends("audit --input zendesk --html " + Quoted(html) + " " + Quoted(path));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("this audit checked nothing: no author roles") != std::string::npos);
  CHECK(r.err.find("--users FILE") != std::string::npos);
  CHECK(ReadFile(html).find("--users FILE") != std::string::npos);

  // The same tickets with their users are checked as before.
  Run with_users = Amends("audit --input zendesk " + Quoted(kExports + "zendesk.jsonl"));
  CHECK(with_users.err.find("checked nothing") == std::string::npos);
  CHECK(with_users.err.find("amends: 0 replies checked") == std::string::npos);
}

TEST_CASE("audit: an empty input or one with no agent reply exits 2", "[first-hour][audit]") {
  std::string empty = TempPath("nothing.jsonl");
  WriteFile(empty, "\n\n");
  Run r = Amends("audit " + Quoted(empty));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("this audit checked nothing: no agent reply in") != std::string::npos);

  std::string csv = TempPath("customers-only.csv");
  WriteFile(csv, "body,role\nWhere is my parcel?,customer\n");
  Run customers = Amends("audit --input csv --text-col body --role-col role " + Quoted(csv));
  CHECK(customers.exit_code == 2);
  CHECK(customers.err.find("--agent-roles") != std::string::npos);
}

TEST_CASE("check: an empty or white-space draft is nothing to check", "[first-hour][check]") {
  for (const std::string& text :
       {std::string(""), std::string(" \n\t\r\n"), std::string("\xEF\xBB\xBF\xC2\xA0\n")}) {
    Run r = Amends("check -", text);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("<stdin>: nothing to check: the draft is empty") != std::string::npos);
    CHECK(r.out.empty());
  }
  Run email = Amends("check -", "From: a@x.org\nTo: b@x.org\nSubject: hi\n\n\n");
  CHECK(email.exit_code == 2);
  CHECK(email.err.find("nothing to check") != std::string::npos);
}

TEST_CASE("gate: an empty reply is not sent unless --allow-empty", "[first-hour][gate]") {
  std::string sent = TempPath("sent-empty");
  std::string sender = " -- sh -c 'cat > \"$0\"' " + Quoted(sent);
  std::string message = "From: a@x.org\nTo: b@x.org\nSubject: hi\n\n  \n";
  fs::remove(sent);
  Run refused = Amends("gate" + sender, message);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("not sent: the reply is empty") != std::string::npos);
  CHECK_FALSE(fs::exists(sent));
  Run warn = Amends("gate --warn-only" + sender, message);
  CHECK(warn.exit_code == 2);
  CHECK_FALSE(fs::exists(sent));
  Run allowed = Amends("gate --allow-empty" + sender, message);
  CHECK(allowed.exit_code == 0);
  CHECK(ReadFile(sent) == message);
}

const std::string kSpanish =
    "Hola Marta, lamentamos cualquier inconveniente, pero el transportista perdió tu pedido. "
    "Te enviamos uno nuevo hoy mismo y debería llegar el viernes.\n";

TEST_CASE("check: a reply in Spanish is not checked, and says so", "[first-hour][language]") {
  Run text = Amends("check --color never -", kSpanish);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("not checked: looks like Spanish") != std::string::npos);
  CHECK(text.out.find("--language en") != std::string::npos);
  CHECK(text.out.find("ready to send") == std::string::npos);

  Run json = Amends("check --format json -", kSpanish);
  CHECK(json.exit_code == 0);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["language"]["code"] == "es");
  CHECK(j["language"]["confidence"].get<int>() >= 80);
  REQUIRE_FALSE(j["checklist"].empty());
  for (const auto& c : j["checklist"]) {
    CHECK(c["status"] == "n/a");
    CHECK(c["findings"].empty());
  }

  // --language en: graded by the English rules, no "language" member.
  Run forced = Amends("check --language en --format json -", kSpanish);
  auto f = nlohmann::json::parse(forced.out);
  CHECK_FALSE(f.contains("language"));
  Run bad = Amends("check --language fr -", kSpanish);
  CHECK(bad.exit_code == 2);
}

TEST_CASE("check: an English reply with a foreign greeting is checked", "[first-hour][language]") {
  Run r = Amends("check --format json -",
                 "Hola María, sorry for any inconvenience, but the courier lost it.\n");
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK_FALSE(j.contains("language"));
}

TEST_CASE("audit: replies in other languages are n/a, line by line", "[first-hour][language]") {
  std::string path = TempPath("mixed.jsonl");
  nlohmann::json es = {{"id", "es"}, {"text", kSpanish}};
  nlohmann::json en = {{"id", "en"}, {"text", "Sorry for any inconvenience, but it is late."}};
  WriteFile(path, es.dump() + "\n" + en.dump() + "\n");
  for (const char* form : {"", "--compact "}) {
    INFO(form);
    Run r = Amends(std::string("--no-config audit ") + form + Quoted(path));
    CHECK(r.exit_code == 1);
    size_t nl = r.out.find('\n');
    REQUIRE(nl != std::string::npos);
    auto first = nlohmann::json::parse(r.out.substr(0, nl));
    auto second = nlohmann::json::parse(r.out.substr(nl + 1));
    CHECK(first["language"]["code"] == "es");
    CHECK(first["ready_to_send"] == true);
    CHECK_FALSE(second.contains("language"));
    CHECK(second["ready_to_send"] == false);
  }
}

TEST_CASE("check: a UTF-16 file with a byte-order mark is read", "[first-hour][encoding]") {
  const std::string utf8 = "Hi Zoë, sorry for any inconvenience, but the courier lost it.\n";
  Run expected = Amends("--no-config check --format json -", utf8);
  REQUIRE(expected.exit_code == 1);
  std::string le = "\xFF\xFE";
  // Zoë: every character here is in the BMP and below U+0100 but ë.
  for (unsigned char c : std::string("Hi Zo")) le += std::string{static_cast<char>(c), '\0'};
  le += std::string("\xEB\0", 2);
  for (unsigned char c : std::string(", sorry for any inconvenience, but the courier lost it.\n"))
    le += std::string{static_cast<char>(c), '\0'};
  std::string path = TempPath("utf16.txt");
  WriteFile(path, le);
  Run r = Amends("--no-config check --format json " + Quoted(path));
  CHECK(r.exit_code == 1);
  CHECK(r.out == expected.out);
}

TEST_CASE("check: --encoding decodes Windows-1252, and invalid UTF-8 suggests it",
          "[first-hour][encoding]") {
  std::string path = TempPath("cp1252.txt");
  WriteFile(path, "Hi Ren\xE9, we apologise for any inconvenience caused.\n");
  Run bad = Amends("check " + Quoted(path));
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find(path + ":1:7: invalid UTF-8 (byte 0xe9 at offset 6)") != std::string::npos);
  CHECK(bad.err.find("--encoding windows-1252") != std::string::npos);
  Run good = Amends("--no-config check --format json --encoding windows-1252 " + Quoted(path));
  CHECK(good.exit_code == 1);
  Run utf8 = Amends("--no-config check --format json -",
                    "Hi Ren\xC3\xA9, we apologise for any inconvenience caused.\n");
  CHECK(good.out == utf8.out);
  Run unknown = Amends("check --encoding klingon " + Quoted(path));
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown encoding 'klingon'") != std::string::npos);
}

TEST_CASE("cli: a mistyped command or option is answered with a suggestion", "[first-hour][cli]") {
  Run command = Amends("chek draft.txt");
  CHECK(command.exit_code == 2);
  CHECK(command.err.find("unknown command 'chek'; did you mean 'check'?") != std::string::npos);
  Run option = Amends("check --fromat json -", "Hi.\n");
  CHECK(option.exit_code == 2);
  CHECK(option.err.find("unknown option '--fromat' for 'amends check'; did you mean '--format'?") !=
        std::string::npos);
}

TEST_CASE("cli: help names DIR and FILE, the audit formats and exit statuses",
          "[first-hour][cli]") {
  Run top = Amends("--help");
  CHECK(top.exit_code == 0);
  CHECK(top.out.find("DIR:DIR") == std::string::npos);
  CHECK(top.out.find("FILE:FILE") == std::string::npos);
  CHECK(top.out.find("--lexicons DIR") != std::string::npos);
  CHECK(top.out.find("also when its output is piped") != std::string::npos);
  Run audit = Amends("audit --help");
  CHECK(audit.exit_code == 0);
  CHECK(audit.out.find("FILE:FILE") == std::string::npos);
  for (const char* format :
       {"jsonl", "zendesk", "freshdesk", "helpscout", "intercom", "csv", "mbox"})
    CHECK(audit.out.find(format) != std::string::npos);
  CHECK(audit.out.find("Exit status: 0 every reply is ready to send") != std::string::npos);
  CHECK(audit.out.find("an audit that checked nothing") != std::string::npos);
}

// A recovery that leaves out several recovery-only considers.
const std::string kLateParcel =
    "Hi Sam,\n\nYour parcel never arrived. A new one ships today.\n\nAlex\n";

TEST_CASE("check: the text says why a reply is a recovery, in one line", "[first-hour][explain]") {
  std::string message = TempPath("customer.txt");
  WriteFile(message, "My parcel never arrived and nobody answers.\n");
  Run r = Amends("--no-config check --color never --customer-message " + Quoted(message) + " -",
                 "Hi Sam, a new parcel ships today.\n");
  CHECK(r.out.find("\n  recovery: the customer wrote \"") != std::string::npos);
  // Preferred to the reply's own cues when both are there.
  Run both = Amends("--no-config check --color never --customer-message " + Quoted(message) + " -",
                    "Hi Sam, sorry for the delay. A new parcel ships today.\n");
  CHECK(both.out.find("\n  recovery: the customer wrote \"") != std::string::npos);
  Run forced = Amends("--no-config check --color never --situation recovery -",
                      "Hi Sam, a new parcel ships today.\n");
  CHECK(forced.out.find("  recovery: ") == std::string::npos);  // as told: no evidence to give
}

TEST_CASE("check: recovery-only missing considers are one line unless --all",
          "[first-hour][explain]") {
  Run r = Amends("--no-config check --color never --situation recovery -", kLateParcel);
  INFO(r.out);
  CHECK(r.out.find("Also worth adding: ") != std::string::npos);
  CHECK(r.out.find("(amends check --all shows each") != std::string::npos);
  // Where missing things would go is said once, not once per check.
  size_t first = r.out.find("(here");
  REQUIRE(first != std::string::npos);
  CHECK(r.out.find("(here", first + 1) == std::string::npos);
  Run all = Amends("--no-config check --color never --all --situation recovery -", kLateParcel);
  CHECK(all.out.find("Also worth adding") == std::string::npos);
  CHECK(all.out.find("thanks.missing") != std::string::npos);
}

TEST_CASE("check: a hedged apology is not called no apology at all", "[first-hour][explain]") {
  Run r = Amends("--no-config check --format json --situation recovery -",
                 "Hi Sam, we apologize for any inconvenience. A new parcel ships today.\n");
  auto j = nlohmann::json::parse(r.out);
  bool saw_missing = false;
  for (const auto& c : j["checklist"]) {
    if (c["id"] != "apology.missing" || c["status"] == "pass") continue;
    saw_missing = true;
    CHECK(c["findings"][0]["message"].get<std::string>().find("no genuine apology") !=
          std::string::npos);
  }
  CHECK(saw_missing);
}

TEST_CASE("check: suggestions name the customer, and a greeting by name passes",
          "[first-hour][explain]") {
  Run named = Amends("--no-config check --color never --customer-name 'Ann Lee' -",
                     "Dear valued customer, your refund went out today.\n");
  CHECK(named.out.find("\"Hi Ann,\"") != std::string::npos);
  CHECK(named.out.find("Mary") == std::string::npos);
  Run greeted =
      Amends("--no-config check --format json -", "Hi Mary,\n\nYour refund went out today.\n");
  auto j = nlohmann::json::parse(greeted.out);
  for (const auto& c : j["checklist"]) {
    if (c["id"] != "name.missing") continue;
    CHECK(c["status"] == "pass");
    CHECK(c["findings"][0]["text"] == "Hi Mary,");
  }
}

TEST_CASE("explain: a family lists its checks, sources name the seeds", "[first-hour][explain]") {
  Run family = Amends("--no-config explain apology");
  CHECK(family.exit_code == 0);
  for (const char* id : {"apology.missing", "apology.late", "apology.non_apology"})
    CHECK(family.out.find(id) != std::string::npos);
  Run one = Amends("--no-config explain apology.missing");
  CHECK(one.out.find("Sources:\n  000  You Screwed Up.") != std::string::npos);
  Run rules = Amends("--no-config rules --format json");
  auto j = nlohmann::json::parse(rules.out);
  CHECK(j[0]["sources"][0]["title"].get<std::string>().size() > 5);
}

TEST_CASE("eval and audit take --language too", "[first-hour][language]") {
  Run help = Amends("eval --help");
  CHECK(help.out.find("--language") != std::string::npos);
  Run bad = Amends("audit --language es -");
  CHECK(bad.exit_code == 2);
  std::string path = TempPath("one-spanish.jsonl");
  nlohmann::json es = {{"id", "es"}, {"text", kSpanish}};
  WriteFile(path, es.dump() + "\n");
  Run forced = Amends("--no-config audit --language en " + Quoted(path));
  CHECK(forced.out.find("\"language\"") == std::string::npos);
  CHECK(forced.out.find("\"status\":\"fix\"") != std::string::npos);  // graded in English
}

}  // namespace
