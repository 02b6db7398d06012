// `amends audit` over exports: every format through the binary, nothing
// lost, shards + merge equal one run, and the HTML report in a real
// headless Chromium (skipped, with a warning, when chromium is absent).
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "run_amends.h"
#include "sanitized.h"

namespace fs = std::filesystem;

namespace {

struct Run {
  int exit_code;
  std::string out, err;
};

std::string Temp(const std::string& name) { return amends::testing::TempPath(name); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Run Shell(const std::string& cmd) {
  std::string out = Temp("stdout"), err = Temp("stderr");
  int status = amends::testing::System(cmd + " >'" + out + "' 2>'" + err + "'");
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out), ReadFile(err)};
}

Run Amends(const std::string& args) {
  return Shell(std::string("'") + AMENDS_BINARY + "' " + args + " </dev/null");
}

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) v.push_back(nlohmann::json::parse(line));
  return v;
}

const std::string kExports = std::string(AMENDS_SOURCE_DIR) + "/corpora/exports/";
const std::string kCsvArgs =
    "--text-col body --id-col comment_id --role-col author_role --name-col author_name "
    "--ticket-col ticket_id --agent-col agent --date-col created_at";

// A JSONL export of `n` replies with agents, teams and months, some bad.
std::string SyntheticExport(int n) {
  const char* texts[] = {
      "Hi Ann, sorry for any inconvenience, but the courier lost it.",
      "Your invoice is attached. Thanks!",
      "Unfortunately as per our policy we cannot refund this. <script>x</script>",
      "I'm so sorry, that was our mistake. I've sent a replacement today; it arrives Friday.",
      "WE ARE VERY BUSY!! Due to high volume there is nothing I can do.",
  };
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i % 17 == 16) {
      s += "{\"id\": \"bad" + std::to_string(i) + "\", \"text\": 7}\n";
      continue;
    }
    // Sam writes only the first and third texts, so some checks tell the
    // agents apart.
    int text = i % 3 ? i % 5 : i % 2 ? 0 : 2;
    nlohmann::json j = {{"id", "t" + std::to_string(i)},
                        {"text", texts[text]},
                        {"customer_name", i % 2 ? "Ann Lee" : "Bo"},
                        {"agent", i % 3 ? "Alex" : "Sam <b>"},
                        {"team", i % 4 ? "Parcels" : "Billing"},
                        {"date", "2024-0" + std::to_string(1 + i % 6) + "-15"}};
    if (i % 2) j["customer_message"] = "My parcel never arrived.";
    s += j.dump() + "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("audit reads every export format and loses no record", "[audit][exports]") {
  struct Case {
    std::string file, args;
    size_t records, errors;
  } cases[] = {
      {"replies.jsonl", "", 4, 1},     {"zendesk.jsonl", "", 4, 2},  {"freshdesk.jsonl", "", 5, 2},
      {"helpscout.jsonl", "", 3, 1},   {"intercom.jsonl", "", 4, 1}, {"sent.mbox", "", 3, 0},
      {"tickets.csv", kCsvArgs, 4, 1},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    std::string summary = Temp(c.file + ".summary.json");
    Run r = Amends("audit " + c.args + " --summary '" + summary + "' '" + kExports + c.file + "'");
    auto lines = Lines(r.out);
    CHECK(lines.size() == c.records);
    size_t errors = 0;
    for (const auto& l : lines) errors += l.contains("error");
    CHECK(errors == c.errors);
    CHECK(r.exit_code == (c.errors ? 2 : lines.size() ? 1 : 0));
    auto s = nlohmann::json::parse(ReadFile(summary));
    CHECK(s["totals"]["records"] == c.records);
    CHECK(s["totals"]["errors"] == c.errors);
    CHECK(r.err.find("(" + std::to_string(c.records) + " records out)") != std::string::npos);
  }
}

TEST_CASE("audit --input names the format, a wrong one gives error records, not silence",
          "[audit][exports]") {
  Run r = Amends("audit --input zendesk '" + kExports + "replies.jsonl'");
  auto lines = Lines(r.out);
  REQUIRE(lines.size() == 4);
  for (const auto& l : lines) CHECK(l.contains("error"));
  CHECK(r.exit_code == 2);
  Run bad = Amends("audit --input csv --text-col nope '" + kExports + "tickets.csv'");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("no column named") != std::string::npos);
}

TEST_CASE("audit output is in input order with several threads", "[audit][exports]") {
  std::string path = Temp("order.jsonl");
  std::ofstream(path) << SyntheticExport(400);
  Run one = Amends("audit --threads 1 '" + path + "'");
  Run many = Amends("audit --threads 4 '" + path + "'");
  CHECK(one.out == many.out);
  auto lines = Lines(many.out);
  REQUIRE(lines.size() == 400);
  CHECK(lines[0]["id"] == "t0");
  CHECK(lines[399]["id"] == "t399");
}

TEST_CASE("summaries of shards merged equal the summary of one run", "[audit][merge]") {
  std::string all = SyntheticExport(300);
  std::string whole = Temp("whole.jsonl");
  std::ofstream(whole) << all;
  // Three uneven shards, split on line boundaries.
  std::vector<std::string> shards(3);
  std::istringstream in(all);
  int i = 0;
  for (std::string line; std::getline(in, line); ++i)
    shards[i < 50 ? 0 : i < 220 ? 1 : 2] += line + "\n";
  std::string merge_args;
  for (size_t k = 0; k < shards.size(); ++k) {
    std::string p = Temp("shard" + std::to_string(k) + ".jsonl");
    std::ofstream(p) << shards[k];
    Amends("audit --review 10 --summary '" + p + ".summary' '" + p + "'");
    merge_args += " '" + p + ".summary'";
  }
  Amends("audit --review 10 --summary '" + whole + ".summary' '" + whole + "'");
  Run merged = Amends("summary merge" + merge_args);
  REQUIRE(merged.exit_code == 0);
  auto expected = nlohmann::json::parse(ReadFile(whole + ".summary"));
  auto got = nlohmann::json::parse(merged.out);
  CHECK(got == expected);
  CHECK(got["totals"]["records"] == 300);
  CHECK(got["worst_replies"].size() == 10);
  Run bad = Amends("summary merge '" + whole + "'");
  CHECK(bad.exit_code == 2);
}

namespace {

// Chromium when installed, else "" after a warning.
std::string Chromium() {
  for (const char* c : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::exists(c)) return c;
  WARN("chromium is not installed: HTML report not rendered (apt-get install chromium)");
  return "";
}

// Headless flags that keep Chromium off the network, with a fresh profile.
std::string ChromiumFlags(const std::string& profile) {
  return " --headless --no-sandbox --disable-gpu --disable-background-networking "
         "--disable-component-update --no-first-run --disable-sync --user-data-dir='" +
         Temp(profile) + "' ";
}

}  // namespace

TEST_CASE("the HTML report renders in headless Chromium with the summary's numbers",
          "[audit][html][chromium]") {
  std::string chromium = Chromium();
  if (chromium.empty()) return;
  std::string path = Temp("report.jsonl"), summary = path + ".summary", html = path + ".html";
  std::string names = Temp("teams.tsv");
  std::ofstream(path) << SyntheticExport(120);
  std::ofstream(names) << "# team id\tname\nBilling\t<script>evil()</script> Billing desk\n";
  // Room in the review list for every reply that needs a fix, the one with
  // a <script> among them.
  Amends("audit --review 200 --summary '" + summary + "' --html '" + html + "' --team-names '" +
         names + "' '" + path + "'");
  auto s = nlohmann::json::parse(ReadFile(summary));
  std::string flags = ChromiumFlags("chromium-profile");
  std::string png = Temp("report.png");
  Run shot = Shell("'" + chromium + "'" + flags + "--window-size=1200,3000 --screenshot='" + png +
                   "' 'file://" + html + "'");
  CHECK(fs::exists(png));
  CHECK(fs::file_size(png) > 10000);
  Run dom = Shell("'" + chromium + "'" + flags + "--dump-dom 'file://" + html + "'");
  const std::string& d = dom.out;
  REQUIRE(d.find("<body>") != std::string::npos);
  for (const char* chart : {"chart-did", "chart-left-out", "chart-months", "chart-agents"})
    CHECK(d.find(std::string("<svg id=\"") + chart + "\"") != std::string::npos);
  auto number = [&](const std::string& id) {
    std::smatch m;
    std::regex re("id=\"" + id + "\">([0-9]+)<");
    return std::regex_search(d, m, re) ? std::stoll(m[1]) : -1;
  };
  CHECK(number("total-replies") == s["totals"]["replies"].get<long long>());
  CHECK(number("total-errors") == s["totals"]["errors"].get<long long>());
  CHECK(number("total-needs-fix") == s["totals"]["needs_fix"].get<long long>());
  CHECK(d.find("id=\"empty-audit\"") == std::string::npos);

  // What replies did, then what they left out; each check's row in its own
  // section, with the summary's counts. The summary lists them in that order.
  size_t did = d.find("<section id=\"did\">"), left_out = d.find("<section id=\"left-out\">");
  size_t agents = d.find("<section id=\"agents\">");
  REQUIRE(did != std::string::npos);
  REQUIRE(left_out != std::string::npos);
  CHECK(did < left_out);
  CHECK(left_out < agents);
  int rows = 0;
  bool seen_left_out = false;
  for (const auto& c : s["checks"]) {
    bool is_did = c["kind"] == "did";
    CHECK((is_did || c["kind"] == "left_out"));
    if (!is_did) seen_left_out = true;
    CHECK(!(is_did && seen_left_out));  // the summary's order: did first
    if (c["evaluated"] == 0) continue;
    std::regex re("<tr data-check=\"" +
                  std::regex_replace(c["id"].get<std::string>(), std::regex("\\."), "\\.") +
                  "\">.*?class=\"n fix\">([0-9]+)</td><td class=\"n consider\">([0-9]+)</td>"
                  "<td class=\"n evaluated\">([0-9]+)</td><td class=\"n rate\">([0-9.]+)%");
    std::smatch m;
    INFO(c["id"]);
    REQUIRE(std::regex_search(d, m, re));
    size_t at = static_cast<size_t>(m.position(0));
    CHECK((is_did ? at > did && at < left_out : at > left_out && at < agents));
    CHECK(std::stoll(m[1]) == c["fix"].get<long long>());
    CHECK(std::stoll(m[2]) == c["consider"].get<long long>());
    CHECK(std::stoll(m[3]) == c["evaluated"].get<long long>());
    CHECK(std::abs(std::stod(m[4]) - 100 * c["rate"].get<double>()) < 0.051);
    ++rows;
  }
  CHECK(rows > 5);
  for (const auto& [month, g] : s["months"].items()) {
    std::smatch m;
    REQUIRE(std::regex_search(
        d, m, std::regex("<tr data-month=\"" + month + "\">.*?class=\"n replies\">([0-9]+)<")));
    CHECK(std::stoll(m[1]) == g["replies"].get<long long>());
  }

  // Agents side by side on checks that tell them apart, rated from fixes.
  std::regex column("<th class=\"n\" data-check=\"([^\"]+)\"");
  int columns = 0;
  for (std::sregex_iterator it(d.begin(), d.end(), column), end; it != end; ++it) {
    bool fix_check = false;
    for (const auto& c : s["checks"])
      if (c["id"] == (*it)[1].str()) fix_check = c["fix"].get<long long>() > 0;
    CHECK(fix_check);
    ++columns;
  }
  CHECK(columns > 0);

  // The team section, named from the file; the name stayed text.
  CHECK(d.find("<section id=\"teams\">") != std::string::npos);
  CHECK(d.find("&lt;script&gt;evil()&lt;/script&gt; Billing desk") != std::string::npos);
  CHECK(d.find("<script>evil") == std::string::npos);
  CHECK(d.find("<tr data-team=\"Parcels\">") != std::string::npos);

  // The review list: replies that need a fix, under the customer's message,
  // each highlight followed by its check's title as text.
  CHECK(d.find("<script>x</script>") == std::string::npos);  // reply text stayed text
  CHECK(d.find("&lt;script&gt;x&lt;/script&gt;") != std::string::npos);
  CHECK(d.find("<mark") != std::string::npos);
  CHECK(d.find("The customer wrote:") != std::string::npos);
  CHECK(d.find("My parcel never arrived.") != std::string::npos);
  std::regex named(
      "</mark><span class=\"check-name (fix|consider)\" data-check=\"([^\"]+)\">([^<]+)</span>");
  int highlights = 0;
  for (std::sregex_iterator it(d.begin(), d.end(), named), end; it != end; ++it) {
    // Overlapping findings share a mark: ids joined by spaces, titles by " · ".
    std::string titles;
    std::istringstream ids((*it)[2].str());
    for (std::string id; ids >> id;)
      for (const auto& c : s["checks"])
        if (c["id"] == id) titles += (titles.empty() ? "" : " · ") + c["title"].get<std::string>();
    CHECK((*it)[3].str() == titles);
    ++highlights;
  }
  CHECK(highlights > 0);
  REQUIRE(s["worst_replies"].size() > 0);
  for (const auto& r : s["worst_replies"]) CHECK(r["fixes"].get<int>() > 0);
}

TEST_CASE("the report's column headers do not break mid-word in Chromium",
          "[audit][html][chromium]") {
  std::string chromium = Chromium();
  if (chromium.empty()) return;
  std::string path = Temp("headers.jsonl"), html = path + ".html";
  std::ofstream(path) << SyntheticExport(120);
  Amends("audit --html '" + html + "' '" + path + "'");
  // A copy of the page that measures itself: the test adds a script (and
  // drops the policy that forbids one); every word of every header must sit
  // on one line in a narrow window.
  std::string page = ReadFile(html);
  page = std::regex_replace(page, std::regex("<meta http-equiv=\"Content-Security-Policy\"[^>]*>"),
                            "");
  const char* probe = R"js(<script>
let words = 0, broken = [];
for (const th of document.querySelectorAll('th')) {
  const walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode());) {
    for (const m of n.data.matchAll(/\S+/g)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
      ++words;
      if (tops.size > 1) broken.push(m[0]);
    }
  }
}
document.body.setAttribute('data-probe', words + ' words, broken: ' + broken.join('|'));
</script></body>)js";
  page = std::regex_replace(page, std::regex("</body>"), probe);
  std::string probed = Temp("headers-probe.html");
  std::ofstream(probed) << page;
  Run dom = Shell("'" + chromium + "'" + ChromiumFlags("chromium-profile-2") +
                  "--window-size=640,2000 --dump-dom 'file://" + probed + "'");
  std::smatch m;
  REQUIRE(
      std::regex_search(dom.out, m, std::regex("data-probe=\"([0-9]+) words, broken: ([^\"]*)\"")));
  CHECK(std::stoi(m[1]) > 20);
  CHECK(m[2].str() == "");
}

TEST_CASE("an audit that checked nothing says so on the page", "[audit][html][chromium]") {
  std::string path = Temp("empty.jsonl"), html = path + ".html";
  std::ofstream(path) << "";
  Run r = Amends("audit --html '" + html + "' '" + path + "'");
  CHECK(r.exit_code == 2);  // and says why on stderr (first_hour_test.cc)
  std::string page = ReadFile(html);
  CHECK(page.find("<p id=\"empty-audit\"") != std::string::npos);
  std::string chromium = Chromium();
  if (chromium.empty()) return;
  Run dom = Shell("'" + chromium + "'" + ChromiumFlags("chromium-profile-3") +
                  "--dump-dom 'file://" + html + "'");
  std::smatch m;
  REQUIRE(std::regex_search(dom.out, m, std::regex("<p id=\"empty-audit\"[^>]*>([^<]*)")));
  CHECK(m[1].str().find("This audit checked nothing") == 0);
  CHECK(dom.out.find("<section id=\"did\">") == std::string::npos);
}

TEST_CASE("audit and merge: --team-names errors name the file and line", "[audit][html]") {
  std::string names = Temp("bad-teams.txt");
  std::ofstream(names) << "1=Billing\nParcels\n";
  Run r = Amends("audit --html '" + Temp("bad.html") + "' --team-names '" + names + "' '" +
                 kExports + "replies.jsonl'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(names + ":2: expected ID<TAB>NAME or ID=NAME") != std::string::npos);
  CHECK(r.out.empty());
  Run merge = Amends("summary merge --team-names '" + names + "' '" + names + "'");
  CHECK(merge.exit_code == 2);
  CHECK(merge.err.find(names + ":2:") != std::string::npos);
}

TEST_CASE("golden audit lines for the export fixtures, full and compact", "[audit][golden]") {
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(kExports)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    std::string args = entry.path().extension() == ".csv" ? kCsvArgs + " " : "";
    for (const char* form : {"full", "compact"}) {
      std::string golden = kExports + "golden/" + name + "." + form + ".jsonl";
      if (!fs::exists(golden)) continue;
      INFO(name << " " << form << " (update with scripts/update-golden.sh)");
      Run r = Amends("--no-config audit " + args +
                     (form == std::string("compact") ? "--compact " : "") + "'" +
                     entry.path().string() + "'");
      CHECK(Lines(r.out) == Lines(ReadFile(golden)));
      ++compared;
    }
  }
  CHECK(compared >= 14);
}

TEST_CASE("every audit line carries the export's ticket, agent and date next to its id",
          "[audit][exports]") {
  for (const char* flag : {"", "--compact "}) {
    INFO(flag);
    Run zendesk = Amends(std::string("audit ") + flag + "'" + kExports + "zendesk.jsonl'");
    auto first = nlohmann::ordered_json::parse(zendesk.out.substr(0, zendesk.out.find('\n')));
    CHECK(first["id"] == "4711/1003");
    CHECK(first["ticket"] == 4711);  // a number, as the export gives it
    CHECK(first["agent"] == "Alex Turner");
    CHECK(first["date"] == "2024-03-04T09:45:00Z");
    std::vector<std::string> keys;
    for (auto it = first.begin(); it != first.end() && keys.size() < 4; ++it)
      keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"id", "ticket", "agent", "date"});
    auto csv = Lines(
        Amends(std::string("audit ") + flag + kCsvArgs + " '" + kExports + "tickets.csv'").out);
    REQUIRE_FALSE(csv.empty());
    CHECK(csv[0]["ticket"] == "T-100");
    CHECK(csv[0]["agent"] == "Alex Turner");
    CHECK(csv[0]["date"] == "2024-03-04 09:45");
    auto mbox = Lines(Amends(std::string("audit ") + flag + "'" + kExports + "sent.mbox'").out);
    REQUIRE_FALSE(mbox.empty());
    CHECK_FALSE(mbox[0].contains("ticket"));  // an mbox has none
    CHECK(mbox[0]["date"] == "Mon, 04 Mar 2024 09:45:00 +0000");
    std::string in =
        "{\"id\":1,\"text\":\"Thanks!\",\"ticket\":\"T-1\",\"agent\":\"Sam\",\"created_at\":"
        "1709632800}\n"
        "{\"id\":2,\"text\":\"Thanks!\"}\n";
    auto lines = Lines(amends::testing::Amends(std::string("audit ") + flag + "-", in).out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["ticket"] == "T-1");
    CHECK(lines[0]["agent"] == "Sam");
    CHECK(lines[0]["date"] == 1709632800);
    CHECK_FALSE(lines[1].contains("ticket"));
    CHECK_FALSE(lines[1].contains("agent"));
    CHECK_FALSE(lines[1].contains("date"));
  }
}

TEST_CASE("audit --compact changes the lines only: the summary and the report stay the same",
          "[audit][compact]") {
  std::string path = Temp("compact.jsonl");
  std::ofstream(path) << SyntheticExport(120);
  Run full = Amends("audit --summary '" + path + ".full.json' --html '" + path + ".full.html' '" +
                    path + "'");
  Run compact = Amends("audit --compact --summary '" + path + ".compact.json' --html '" + path +
                       ".compact.html' '" + path + "'");
  CHECK(full.exit_code == compact.exit_code);
  CHECK(full.err == compact.err);
  CHECK(ReadFile(path + ".full.json") == ReadFile(path + ".compact.json"));
  CHECK(ReadFile(path + ".full.html") == ReadFile(path + ".compact.html"));
  auto full_lines = Lines(full.out), compact_lines = Lines(compact.out);
  REQUIRE(full_lines.size() == compact_lines.size());
  for (size_t i = 0; i < full_lines.size(); ++i) {
    CHECK(compact_lines[i]["id"] == full_lines[i]["id"]);
    if (full_lines[i].contains("error")) {
      CHECK(compact_lines[i] == full_lines[i]);  // error records are the same in both
      continue;
    }
    CHECK(compact_lines[i]["schema"] == "amends.compact/1");
    CHECK(compact_lines[i]["ready_to_send"] == full_lines[i]["ready_to_send"]);
    size_t fired = 0;
    for (const auto& c : full_lines[i]["checklist"])
      fired += c["status"] == "fix" || c["status"] == "consider";
    CHECK(compact_lines[i]["checklist"].size() == fired);
  }
  CHECK(compact.out.size() * 4 < full.out.size());
}

TEST_CASE(
    "audit --max-record-ms: a reply over the limit is an error record, the rest intact, in order",
    "[audit][limits]") {
  // A reply with a finding in every few words, long enough that its
  // analysis takes far longer than the limit; the small ones take well
  // under a millisecond. (Under the sanitizers a sixth of it is as slow.)
  const size_t big_bytes = amends::testing::kSanitized ? (1u << 20) : (6u << 20);
  std::string big;
  while (big.size() < big_bytes) big += "Sorry for any inconvenience, but due to high volume ";
  std::string in;
  for (const char* id : {"a", "b"})
    in += nlohmann::json{{"id", id}, {"text", "Sorry, but the courier lost it."}}.dump() + "\n";
  in += nlohmann::json{{"id", "big"}, {"text", big}}.dump() + "\n";
  for (const char* id : {"c", "d"})
    in += nlohmann::json{{"id", id}, {"text", "Your invoice is attached. Thanks!"}}.dump() + "\n";
  std::string path = Temp("budget.jsonl");
  std::ofstream(path) << in;
  for (const char* flag : {"", "--compact "}) {
    INFO(flag);
    Run limited = Amends(std::string("audit ") + flag + "--max-record-ms 100 --summary '" + path +
                         ".summary' '" + path + "'");
    Run unlimited = Amends(std::string("audit ") + flag + "--max-record-ms 0 '" + path + "'");
    auto got = Lines(limited.out), all = Lines(unlimited.out);
    REQUIRE(got.size() == 5);
    REQUIRE(all.size() == 5);
    CHECK(got[2] == nlohmann::json{{"id", "big"},
                                   {"line", 3},
                                   {"error",
                                    "analysis took longer than the limit of 100 ms "
                                    "(raise it with --max-record-ms)"}});
    CHECK_FALSE(all[2].contains("error"));
    for (size_t i : {size_t{0}, size_t{1}, size_t{3}, size_t{4}}) CHECK(got[i] == all[i]);
    CHECK(limited.exit_code == 2);
    CHECK(limited.err.find(path + ":3: analysis took longer than the limit of 100 ms") !=
          std::string::npos);
    CHECK(limited.err.find("4 replies checked, 2 need a fix, 1 bad records (5 records out)") !=
          std::string::npos);
    auto s = nlohmann::json::parse(ReadFile(path + ".summary"));
    CHECK(s["totals"]["errors"] == 1);
    CHECK(s["totals"]["replies"] == 4);
  }
}

TEST_CASE("the scorer scores the compact form as it scores the full one",
          "[audit][compact][shared]") {
  const std::string shared = std::string(AMENDS_SOURCE_DIR) + "/../shared";
  const std::string scorer = shared + "/tools/eval_facts.py";
  const std::string dev = shared + "/corpora/dev/";
  REQUIRE(fs::exists(scorer));
  REQUIRE(fs::exists(dev + "labels.jsonl"));
  std::string scores[2];
  for (int compact = 0; compact < 2; ++compact) {
    std::string out = Temp("dev" + std::to_string(compact) + ".jsonl");
    Run a = Amends(std::string("--no-config audit ") + (compact ? "--compact " : "") + "'" + dev +
                   "replies.jsonl'");
    REQUIRE(a.exit_code <= 1);
    std::ofstream(out) << a.out;
    Run s = Shell("python3 '" + scorer + "' '" + dev + "labels.jsonl' '" + out + "' --json");
    REQUIRE(s.exit_code == 0);
    scores[compact] = s.out;
  }
  CHECK(nlohmann::json::parse(scores[0]) == nlohmann::json::parse(scores[1]));
  CHECK(nlohmann::json::parse(scores[1])["missing_outputs"] == 0);
}

TEST_CASE("amends rules --format json gives every text the compact form leaves out",
          "[audit][compact]") {
  auto rules = nlohmann::json::parse(Amends("--no-config rules --format json").out);
  std::map<std::string, nlohmann::json> checks;
  for (const auto& c : rules) checks[c["id"]] = c;
  std::string path = Temp("texts.jsonl");
  std::ofstream(path) << SyntheticExport(60);
  auto full = Lines(Amends("--no-config audit '" + path + "'").out);
  auto compact = Lines(Amends("--no-config audit --compact '" + path + "'").out);
  REQUIRE(full.size() == compact.size());
  size_t resolved = 0;
  for (size_t i = 0; i < full.size(); ++i) {
    if (full[i].contains("error")) continue;
    auto next = compact[i]["checklist"].begin();
    for (const auto& want : full[i]["checklist"]) {
      if (want["status"] != "fix" && want["status"] != "consider") continue;
      REQUIRE(next != compact[i]["checklist"].end());
      const auto& got = *next++;
      const auto& check = checks.at(got["id"]);
      for (size_t k = 0; k < got["findings"].size(); ++k) {
        const auto& f = got["findings"][k];
        nlohmann::json rule;
        for (const auto& r : check["rules"])
          if (f.contains("rule") && r["id"] == f["rule"]) rule = r;
        CHECK(f.contains("rule") == !rule.is_null());
        for (const char* key : {"message", "suggestion"}) {
          nlohmann::json text = f.contains(key)                           ? f[key]
                                : !rule.is_null() && !rule[key].is_null() ? rule[key]
                                                                          : check[key];
          CHECK(text == want["findings"][k][key]);
          ++resolved;
        }
      }
    }
  }
  CHECK(resolved > 100);
}
