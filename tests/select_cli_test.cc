// --only and --skip through the program: check, gate, audit and eval run
// the checks selected and nothing else, decide on them alone, say which
// ran, and refuse an unknown id with a suggestion.
#include <catch2/catch.hpp>
#include <filesystem>
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
// Fixes apology.*, blame.customer, excuse, policy.reciting…; passes
// blame.third_party and tone.*.
const std::string kLateParcel = "'" + kSource + "/corpora/drafts/late-parcel.txt'";

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// The check ids of a checklist, space-separated, in order.
std::string Ids(const nlohmann::json& j) {
  std::string out;
  for (const auto& c : j["checklist"]) {
    if (!out.empty()) out += ' ';  // piece by piece: a false -Wrestrict in GCC 12
    out += c["id"].get<std::string>();
  }
  return out;
}

}  // namespace

TEST_CASE("check --only/--skip: the checklist and the exit status use the selected checks",
          "[cli][select]") {
  Run all = Amends("check --format json " + kLateParcel);
  CHECK(all.exit_code == 1);

  Run blame = Amends("check --format json --only blame. " + kLateParcel);
  CHECK(blame.exit_code == 1);
  CHECK(Ids(nlohmann::json::parse(blame.out)) == "blame.third_party blame.customer");

  Run family = Amends("check --format json --only blame " + kLateParcel);
  CHECK(family.out == blame.out);

  Run passing = Amends("check --format json --only blame. --skip blame.customer " + kLateParcel);
  CHECK(passing.exit_code == 0);
  auto p = nlohmann::json::parse(passing.out);
  CHECK(Ids(p) == "blame.third_party");
  CHECK(p["ready_to_send"] == true);

  Run list =
      Amends("check --format json --only tone.shouting,excuse --only apology.late " + kLateParcel);
  CHECK(Ids(nlohmann::json::parse(list.out)) == "apology.late excuse tone.shouting");

  Run skip = Amends("check --format json --skip apology,excuse " + kLateParcel);
  std::string ids = Ids(nlohmann::json::parse(skip.out));
  CHECK(ids.find("apology.") == std::string::npos);
  CHECK(ids.find("excuse") == std::string::npos);
  CHECK(ids.find("blame.customer") != std::string::npos);

  Run text = Amends("check --color never --only tone. " + kLateParcel);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("ready to send") != std::string::npos);
  CHECK(text.out.find("2 pass, 0 n/a, 21 not run") != std::string::npos);
}

TEST_CASE("an unknown or empty id is a usage error with a suggestion", "[cli][select]") {
  Run typo = Amends("check --only blame.thrid_party " + kLateParcel);
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.empty());
  CHECK(typo.err.find("amends: --only: unknown check 'blame.thrid_party'; did you mean "
                      "'blame.third_party'?") != std::string::npos);
  Run skip = Amends("check --skip excuses -", "Thanks!");
  CHECK(skip.exit_code == 2);
  CHECK(skip.err.find("--skip: unknown check 'excuses'; did you mean 'excuse'?") !=
        std::string::npos);
  CHECK(Amends("check --only '' -", "Thanks!").exit_code == 2);
  Run none = Amends("check --only excuse --skip excuse -", "Thanks!");
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("leave no check to run") != std::string::npos);
}

TEST_CASE("a check amends.conf turns off stays off under --only", "[cli][select]") {
  std::string conf = TempPath("select.conf");
  WriteFile(conf, "check blame.customer\n  status: off\n");
  Run r = Amends("--config " + Quote(conf) + " check --format json --only blame. " + kLateParcel);
  CHECK(r.exit_code == 0);
  CHECK(Ids(nlohmann::json::parse(r.out)) == "blame.third_party");
  Run off = Amends("--config " + Quote(conf) + " check --only blame.customer " + kLateParcel);
  CHECK(off.exit_code == 2);
  CHECK(off.err.find("the team configuration turns off blame.customer") != std::string::npos);
  Run ignored = Amends("--config " + Quote(conf) +
                       " --no-config check --format json --only "
                       "blame.customer " +
                       kLateParcel);
  CHECK(ignored.exit_code == 1);
}

TEST_CASE("gate --only/--skip: the decision to send uses the selected checks",
          "[cli][select][gate]") {
  std::string message = ReadFile(kSource + "/corpora/email/plain.eml");
  std::string sent = TempPath("select-sent");
  std::string sender = " -- sh -c 'cat > \"$0\"; exit 3' " + Quote(sent);
  fs::remove(sent);
  Run refused = Amends("gate --only apology.non_apology" + sender, message);
  CHECK(refused.exit_code == 1);
  CHECK_FALSE(fs::exists(sent));
  CHECK(refused.err.find("apology.non_apology") != std::string::npos);
  CHECK(refused.err.find("22 not run") != std::string::npos);

  Run ok = Amends("gate --only tone.shouting" + sender, message);
  CHECK(ok.exit_code == 3);
  CHECK(ReadFile(sent) == message);

  fs::remove(sent);
  Run typo = Amends("gate --only tone.shoutin" + sender, message);
  CHECK(typo.exit_code == 2);
  CHECK_FALSE(fs::exists(sent));
  CHECK(typo.err.find("did you mean 'tone.shouting'?") != std::string::npos);
}

TEST_CASE("audit --only: each line, the summary and the HTML report say which checks ran",
          "[cli][select][audit]") {
  std::string in = TempPath("select.jsonl"), summary = in + ".summary", html = in + ".html";
  WriteFile(in,
            "{\"id\":1,\"text\":\"Sorry for any inconvenience, the courier lost it.\"}\n"
            "{\"id\":2,\"text\":\"Your invoice is attached. Thanks!\"}\n");
  Run r = Amends("audit --only blame. --summary " + Quote(summary) + " --html " + Quote(html) +
                 " " + Quote(in));
  CHECK(r.exit_code == 1);  // blame.third_party on the first
  std::istringstream lines(r.out);
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n)
    CHECK(Ids(nlohmann::json::parse(line)) == "blame.third_party blame.customer");
  CHECK(n == 2);
  CHECK(r.err.find("amends: 2 of 23 checks ran: blame.third_party, blame.customer") !=
        std::string::npos);
  auto s = nlohmann::json::parse(ReadFile(summary));
  REQUIRE(s["checks"].size() == 2);
  CHECK(s["checks"][0]["id"] == "blame.third_party");
  CHECK(s["checks"][0]["fired"] == 1);
  CHECK(s["not_run"].size() == 21);
  CHECK(ReadFile(html).find("id=\"checks-run\">2 of 23 checks ran: blame.third_party, "
                            "blame.customer</p>") != std::string::npos);

  Run skip = Amends("audit --skip blame. " + Quote(in));
  CHECK(skip.exit_code == 1);  // apology.non_apology on the first
  CHECK(skip.err.find("21 of 23 checks ran; not run: blame.third_party, blame.customer") !=
        std::string::npos);

  Run typo = Amends("audit --only blme. " + Quote(in));
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.empty());
  CHECK(typo.err.find("did you mean 'blame.'?") != std::string::npos);

  Run all = Amends("audit " + Quote(in));
  CHECK(all.err.find("checks ran") == std::string::npos);
}

TEST_CASE("eval --only: scores the selected checks alone", "[cli][select][eval]") {
  std::string labels = TempPath("select-labels.jsonl"), replies = TempPath("select-replies.jsonl");
  WriteFile(labels,
            "{\"id\":\"a\",\"situation\":\"recovery\",\"blame_third_party\":true}\n"
            "{\"id\":\"b\",\"situation\":\"routine\",\"thanks\":true}\n");
  WriteFile(replies,
            "{\"id\":\"a\",\"text\":\"The courier lost it, sorry.\"}\n"
            "{\"id\":\"b\",\"text\":\"Your invoice is attached. Thanks!\"}\n");
  Run r = Amends("eval --format json --only blame. " + Quote(labels) + " " + Quote(replies));
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  std::set<std::string> checks;
  for (const auto& [id, score] : j["checks"].items()) checks.insert(id);
  CHECK(checks == std::set<std::string>{"blame.customer", "blame.third_party"});
  CHECK(j["checks"]["blame.third_party"]["tp"] == 1);

  Run skip = Amends("eval --skip blame. " + Quote(labels) + " " + Quote(replies));
  CHECK(skip.exit_code == 0);
  CHECK(skip.out.find("blame.") == std::string::npos);
  CHECK(skip.out.find("excuse") != std::string::npos);

  Run typo = Amends("eval --only blame.thirdparty " + Quote(labels) + " " + Quote(replies));
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("did you mean 'blame.third_party'?") != std::string::npos);
}

TEST_CASE("the help of check, gate, audit and eval describes --only and --skip", "[cli][select]") {
  for (const char* command : {"check", "gate", "audit", "eval"}) {
    INFO(command);
    Run h = Amends(std::string(command) + " --help");
    CHECK(h.exit_code == 0);
    CHECK(h.out.find("--only ID[,ID...]") != std::string::npos);
    CHECK(h.out.find("--skip ID[,ID...]") != std::string::npos);
    CHECK(h.out.find("'blame.'") != std::string::npos);
  }
  CHECK(Amends("rules --only blame.").exit_code == 2);
}
