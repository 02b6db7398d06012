// The program as a user runs it: exit codes, stdin, errors, JSON contract,
// audit, and golden checklists for the drafts in corpora/drafts.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "run_amends.h"

namespace fs = std::filesystem;

namespace {

using amends::testing::Amends;
using amends::testing::ReadFile;
using amends::testing::Run;
using amends::testing::TempPath;
using amends::testing::WriteFile;

const std::string kSource = AMENDS_SOURCE_DIR;

}  // namespace

TEST_CASE("version and help flags", "[cli]") {
  Run v = Amends("--version");
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("amends ") == 0);
  Run h = Amends("--help");
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("check") != std::string::npos);
  CHECK(h.out.find("audit") != std::string::npos);
  CHECK(h.out.find("Exit status") != std::string::npos);
  Run ch = Amends("check --help");
  CHECK(ch.exit_code == 0);
  CHECK(ch.out.find("--customer-name") != std::string::npos);
}

TEST_CASE("usage errors exit 2", "[cli]") {
  CHECK(Amends("").exit_code == 2);
  CHECK(Amends("frobnicate").exit_code == 2);
  CHECK(Amends("check --format xml -").exit_code == 2);
  CHECK(Amends("check --situation maybe -").exit_code == 2);
  CHECK(Amends("--lexicons /nonexistent check -").exit_code == 2);
}

TEST_CASE("a missing file is an input error naming it", "[cli]") {
  Run r = Amends("check /nonexistent/draft.txt");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/nonexistent/draft.txt: No such file or directory") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is an error naming line, column and byte offset", "[cli]") {
  std::string path = TempPath("bad.txt");
  WriteFile(path, "Hello\nwe\xFF are sorry");
  Run r = Amends("check '" + path + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("bad.txt:2:3: invalid UTF-8 (byte 0xff at offset 8)") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("stdin with '-' or no file, exit 0 when ready to send", "[cli]") {
  std::string routine = "Hi Sam,\nYour invoice is attached. Thanks for your order!\n";
  Run a = Amends("check --format json -", routine);
  Run b = Amends("check --format json", routine);
  CHECK(a.exit_code == 0);
  CHECK(a.out == b.out);
  auto j = nlohmann::json::parse(a.out);
  CHECK(j["ready_to_send"] == true);
  CHECK(j["situation"]["value"] == "routine");
}

TEST_CASE("check takes every sink kind as --format, and --help lists them", "[cli]") {
  std::string draft = kSource + "/corpora/drafts/late-parcel.txt";
  Run compact = Amends("check --format compact '" + draft + "'");
  CHECK(compact.exit_code == 1);
  REQUIRE(!compact.out.empty());
  CHECK(compact.out.back() == '\n');
  CHECK(nlohmann::json::parse(compact.out)["schema"] == "amends.compact/1");
  Run bad = Amends("check --format xml '" + draft + "'");
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  Run lt = Amends("check --format languagetool '" + draft + "'");
  CHECK(lt.exit_code == 1);
  REQUIRE(!lt.out.empty());
  CHECK(lt.out.back() == '\n');
  auto answer = nlohmann::json::parse(lt.out);
  CHECK(answer["software"]["name"] == "amends");
  CHECK_FALSE(answer["matches"].empty());
  Run help = Amends("check --help");
  // Each kind on its own line: the name, spaces, the description.
  for (auto [name, description] : {std::pair{"text", "the checklist"},
                                   {"json", "the JSON checklist"},
                                   {"compact", "only the checks that fired"},
                                   {"languagetool", "LanguageTool's"}}) {
    INFO(name);
    size_t at = help.out.find(std::string("  ") + name + "  ");
    REQUIRE(at != std::string::npos);
    at = help.out.find_first_not_of(' ', at + 2 + std::string(name).size());
    CHECK(help.out.compare(at, std::string(description).size(), description) == 0);
  }
}

TEST_CASE("exit 1 when a check says fix, text report names it", "[cli]") {
  Run r = Amends("check --color never '" + kSource + "/corpora/drafts/late-parcel.txt'");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("apology.non_apology") != std::string::npos);
  CHECK(r.out.find("to fix") != std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos);
}

TEST_CASE("the JSON contract: every check, exact spans, UTF-16 offsets", "[cli][json]") {
  // A BOM, CRLF line ends and curly quotes: offsets still index the bytes given.
  std::string draft =
      "\xEF\xBB\xBFHi Zo\xC3\xAB,\r\n\r\nWe\xE2\x80\x99re sorry for any inconvenience, but "
      "per our policy we can\xE2\x80\x99t refund it.\r\n";
  std::string path = TempPath("contract.txt");
  WriteFile(path, draft);
  Run r =
      Amends("check --format json --customer-name 'Zoe Smith' --situation recovery '" + path + "'");
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["schema"] == "amends.checklist/1");
  CHECK(j["situation"]["value"] == "recovery");
  CHECK(j["situation"]["forced"] == true);
  CHECK(j["ready_to_send"] == false);
  CHECK(j["customer_name"] == "Zoe");
  std::set<std::string> ids;
  for (const auto& c : j["checklist"]) {
    ids.insert(c["id"].get<std::string>());
    std::string status = c["status"];
    CHECK((status == "pass" || status == "fix" || status == "consider" || status == "n/a"));
    CHECK(!c["title"].get<std::string>().empty());
    CHECK(!c["why"].get<std::string>().empty());
    for (const auto& f : c["findings"]) {
      size_t start = f["start"], end = f["end"];
      REQUIRE(end <= draft.size());
      CHECK(f["text"] == draft.substr(start, end - start));
      CHECK(f["line"].get<int>() >= 1);
      CHECK(f["column"].get<int>() >= 1);
      CHECK(f["utf16_end"].get<size_t>() >= f["utf16_start"].get<size_t>());
      CHECK(f.contains("message"));
      CHECK(f.contains("suggestion"));
    }
  }
  for (const char* id : {"apology.missing", "apology.non_apology", "apology.undone_by_but",
                         "blame.customer", "excuse", "policy.reciting", "name.missing"})
    CHECK(ids.count(id) == 1);

  // The hedge is found where it was written: line 3, after "We’re ".
  for (const auto& c : j["checklist"]) {
    if (c["id"] != "apology.non_apology") continue;
    REQUIRE(c["status"] == "fix");
    const auto& f = c["findings"][0];
    std::string text = f["text"];
    CHECK(text.find("sorry for any") != std::string::npos);
    CHECK(f["line"] == 3);
    size_t start = f["start"];
    // UTF-16: the BOM and the curly apostrophe are one unit each, "ë" one.
    size_t chars_before = 0;
    for (size_t i = 0; i < start; ++i)
      if ((static_cast<unsigned char>(draft[i]) & 0xC0) != 0x80) ++chars_before;
    CHECK(f["utf16_start"] == chars_before);
  }
  // The name is used in the greeting.
  for (const auto& c : j["checklist"])
    if (c["id"] == "name.missing") CHECK(c["status"] == "pass");
}

TEST_CASE("control characters in a draft cannot reach the terminal", "[cli]") {
  Run r = Amends("check --color never --situation recovery -",
                 "Sorry for any inconvenience \x1b]0;owned\x07 but no.");
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
}

TEST_CASE("audit: one object per line, in order, bad lines reported and skipped", "[cli][audit]") {
  std::string input =
      "{\"id\": \"a\", \"text\": \"Sorry for any inconvenience.\"}\n"
      "\n"
      "{\"id\": 2, \"text\": \"Your invoice is attached.\", \"customer_name\": \"Ann\"}\n"
      "{\"id\": \"c\", \"text\": 5}\n"
      "not json\n"
      "{\"id\": \"e\", \"text\": \"Bad \\ud800 surrogate\"}\n"
      "{\"id\": \"f\", \"text\": \"The parcel is late.\", \"customer_message\": \"Where is my "
      "order? It never arrived.\"}\n";
  Run r = Amends("audit -", input);
  CHECK(r.exit_code == 2);  // some records were bad
  std::vector<nlohmann::json> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
  REQUIRE(out.size() == 6);
  CHECK(out[0]["id"] == "a");
  CHECK(out[0].contains("checklist"));
  CHECK(out[1]["id"] == 2);
  CHECK(out[1]["customer_name"] == "Ann");
  CHECK(out[2]["id"] == "c");
  CHECK(out[2]["line"] == 4);
  CHECK(out[2]["error"] == "\"text\" must be a string");
  CHECK(out[3]["line"] == 5);
  CHECK(out[3]["error"].get<std::string>().find("invalid JSON at byte") == 0);
  CHECK(out[4]["line"] == 6);
  CHECK(out[5]["id"] == "f");
  CHECK(out[5]["situation"]["value"] == "recovery");
  CHECK(r.err.find("<stdin>:4: \"text\" must be a string") != std::string::npos);
}

TEST_CASE("audit gives the same checklist as check for the same context", "[cli][audit]") {
  std::string text = "Hi Ann, sorry, but we can't refund it.";
  Run c = Amends("check --format json --customer-name Ann -", text);
  Run a =
      Amends("audit -",
             nlohmann::json{{"id", "x"}, {"text", text}, {"customer_name", "Ann"}}.dump() + "\n");
  auto cj = nlohmann::json::parse(c.out);
  auto aj = nlohmann::json::parse(a.out);
  aj.erase("id");
  CHECK(cj == aj);
}

TEST_CASE("golden checklists for the drafts in corpora/drafts", "[cli][golden]") {
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(kSource + "/corpora/drafts")) {
    if (entry.path().extension() != ".txt") continue;
    fs::path golden = entry.path();
    golden.replace_extension(".json");
    if (!fs::exists(golden)) continue;
    fs::path args_file = entry.path();
    args_file.replace_extension(".args");
    std::string args = fs::exists(args_file) ? ReadFile(args_file.string()) : "";
    while (!args.empty() && args.back() == '\n') args.pop_back();
    Run r = Amends("check --format json " + args + " '" + entry.path().string() + "'");
    INFO(entry.path().filename().string() << " (update with scripts/update-golden.sh)");
    CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(ReadFile(golden.string())));
    ++compared;
  }
  CHECK(compared >= 3);
}

TEST_CASE("a team config in the working directory re-grades checks and adds rules",
          "[cli][config]") {
  fs::path dir = amends::testing::ScratchDir() / "team";
  fs::create_directories(dir / "team");
  std::ofstream(dir / "team" / "house.rules")
      << "rule house.blame_vendor\n  tag: blame_third_party\n  match: the widget vendor\n"
         "  fire: It was the widget vendor.\n  pass: It was us.\n";
  std::ofstream(dir / "amends.conf") << "lexicon team\ncheck name.missing\n  status: off\n";
  std::string draft = (dir / "draft.txt").string();
  WriteFile(draft, "Dear customer, it was the widget vendor.\n");
  Run with = Amends("check --format json '" + draft + "'");  // cwd: no config
  std::string cd = "cd '" + dir.string() + "' && ";
  std::string cmd = cd + "'" + AMENDS_BINARY + "' check --format json draft.txt > out.json";
  amends::testing::System(cmd);
  auto j = nlohmann::json::parse(ReadFile((dir / "out.json").string()));
  bool has_name_check = false, blamed = false;
  for (const auto& c : j["checklist"]) {
    if (c["id"] == "name.missing") has_name_check = true;
    if (c["id"] == "blame.third_party" && c["status"] == "fix")
      for (const auto& f : c["findings"]) blamed = blamed || f["rule"] == "house.blame_vendor";
  }
  CHECK_FALSE(has_name_check);
  CHECK(blamed);
  // --no-config ignores it.
  cmd = cd + "'" + AMENDS_BINARY + "' --no-config check --format json draft.txt > out2.json";
  amends::testing::System(cmd);
  auto k = nlohmann::json::parse(ReadFile((dir / "out2.json").string()));
  bool name_back = false;
  for (const auto& c : k["checklist"]) name_back = name_back || c["id"] == "name.missing";
  CHECK(name_back);
}

TEST_CASE("rules and explain describe the checklist", "[cli]") {
  Run rules = Amends("rules");
  CHECK(rules.exit_code == 0);
  CHECK(rules.out.find("apology.non_apology") != std::string::npos);
  Run json = Amends("rules --format json");
  CHECK(nlohmann::json::parse(json.out).size() >= 20);
  Run explain = Amends("explain apology.non_apology");
  CHECK(explain.exit_code == 0);
  CHECK(explain.out.find("Why:") != std::string::npos);
  CHECK(explain.out.find("Fires on, for example:") != std::string::npos);
  Run typo = Amends("explain apology.nonapology");
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("did you mean 'apology.non_apology'?") != std::string::npos);
}

TEST_CASE("findings are capped per check, with how many more there were", "[cli][json]") {
  std::string draft;
  for (int i = 0; i < 120; ++i) draft += "Sorry for any inconvenience. ";
  auto non_apology = [](const nlohmann::json& j) {
    for (const auto& c : j["checklist"])
      if (c["id"] == "apology.non_apology") return c;
    return nlohmann::json();
  };
  Run r = Amends("check --format json -", draft);
  auto j = nlohmann::json::parse(r.out);
  auto c = non_apology(j);
  CHECK(c["findings"].size() == 50);
  CHECK(c["more"] == 70);
  CHECK(c["findings"][49]["start"] == 49 * 29);  // the first ones, in text order
  REQUIRE(j["situation"]["evidence"].size() == 50);
  REQUIRE(j["situation"].contains("more"));
  size_t evidence = 50 + j["situation"]["more"].get<size_t>();

  r = Amends("check --format json --max-findings 0 -", draft);
  j = nlohmann::json::parse(r.out);
  c = non_apology(j);
  CHECK(c["findings"].size() == 120);
  CHECK_FALSE(c.contains("more"));
  CHECK(j["situation"]["evidence"].size() == evidence);
  CHECK_FALSE(j["situation"].contains("more"));

  r = Amends("check --format json --max-findings 3 -", draft);
  c = non_apology(nlohmann::json::parse(r.out));
  CHECK(c["findings"].size() == 3);
  CHECK(c["more"] == 117);

  r = Amends("check --color never --max-findings 2 -", draft);
  CHECK(r.out.find("… and 118 more") != std::string::npos);

  r = Amends("audit --max-findings 4 -",
             "{\"id\":1,\"text\":" + nlohmann::json(draft).dump() + "}\n");
  c = non_apology(nlohmann::json::parse(r.out));
  CHECK(c["findings"].size() == 4);
  CHECK(c["more"] == 116);
}

TEST_CASE("check --fix prints the draft with the literal replacements applied", "[cli][fix]") {
  Run fixed = Amends("--no-config check --fix -",
                     "Hi Mary,\n\nWe apologize for any inconvenience. Per our policy, refunds "
                     "take 5 days.\n\nThanks,\nJo\n");
  CHECK(fixed.exit_code == 0);
  CHECK(fixed.out == "Hi Mary,\n\nI'm sorry. Refunds take 5 days.\n\nThanks,\nJo\n");
  CHECK(fixed.err.empty());
  // Nothing to fix: the very bytes back, CRs, tabs, a BOM and no final
  // newline included.
  std::string clean = "\xEF\xBB\xBFHi Mary,\r\n\r\nI'm sorry the parcel was late.\t\r\nJo";
  Run same = Amends("--no-config check --fix -", clean);
  CHECK(same.exit_code == 0);
  CHECK(same.out == clean);
  Run email = Amends("--no-config check --fix --input email -",
                     "From: a@example.com\nTo: b@example.com\n\nPer our policy, no.\n");
  CHECK(email.exit_code == 2);
  CHECK(email.err.find("--fix") != std::string::npos);
}

TEST_CASE("lsp: --help teaches the setup, and the main --help lists it", "[cli][lsp]") {
  Run help = Amends("lsp --help");
  CHECK(help.exit_code == 0);
  for (const char* s : {"Language Server", "vim.lsp.start", "[language-server.amends]",
                        "docs/lsp.md", "Disable CHECK for this file", "--log", "Exit status"})
    CHECK(help.out.find(s) != std::string::npos);
  Run main = Amends("--help");
  CHECK(main.out.find("lsp") != std::string::npos);
  // The client gone before shutdown: exit 1; shutdown then exit: 0.
  CHECK(Amends("--no-config lsp", "").exit_code == 1);
  auto frame = [](const std::string& body) {
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  Run clean = Amends(
      "--no-config lsp",
      frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})") +
          frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
          frame(R"({"jsonrpc":"2.0","method":"exit"})"));
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.find("\"positionEncoding\":\"utf-16\"") != std::string::npos);
  CHECK(clean.err.empty());
}
