// Whole email messages through the program: automatic detection, the same
// checklist whatever the encoding, the JSON "email" object, and the gate.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_amends.h"

namespace fs = std::filesystem;

namespace {

using amends::testing::Amends;
using amends::testing::ReadFile;
using amends::testing::Run;
using amends::testing::TempPath;
using amends::testing::WriteFile;

const std::string kCorpus = std::string(AMENDS_SOURCE_DIR) + "/corpora/email/";

// The checklist reduced to what must not depend on how the reply travelled:
// each check's status and its findings' rules and text (curly apostrophes
// folded, since ISO-8859-1 has none), plus the situation and the name.
std::string Essence(const nlohmann::json& j) {
  std::string out =
      j["situation"]["value"].get<std::string>() + " " + j["customer_name"].dump() + "\n";
  for (const auto& c : j["checklist"]) {
    out += c["id"].get<std::string>() + " " + c["status"].get<std::string>() + ":";
    for (const auto& f : c["findings"]) {
      std::string text = f["text"].get<std::string>();
      for (size_t p; (p = text.find("\u2019")) != std::string::npos;) text.replace(p, 3, 1, '\'');
      out += " [" + f.value("rule", std::string("-")) + " " + text + " line " +
             std::to_string(f["line"].get<int>()) + "]";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("the same reply gives the same checklist in every encoding", "[email][cli]") {
  Run text = Amends("check --format json --customer-name 'Mary Smith' --customer-message '" +
                    kCorpus + "customer.txt' '" + kCorpus + "reply.txt'");
  REQUIRE((text.exit_code == 0 || text.exit_code == 1));
  std::string expected = Essence(nlohmann::json::parse(text.out));
  int checked = 0;
  for (const char* name : {"plain.eml", "qp.eml", "base64.eml", "html-only.eml", "flowed.eml",
                           "crlf.eml", "windows-1252.eml", "latin1.eml", "big5.eml",
                           "shift_jis.eml", "alternative-mixed.eml", "outlook.eml"}) {
    INFO(name);
    Run r = Amends("check --format json '" + kCorpus + name + "'");
    CHECK(r.exit_code == text.exit_code);
    nlohmann::json j = nlohmann::json::parse(r.out);
    CHECK(Essence(j) == expected);
    REQUIRE(j.contains("email"));
    CHECK(j["email"]["customer_message"].get<std::string>().find("never arrived") !=
          std::string::npos);
    // Findings point into the decoded body.
    std::string body = j["email"]["body"];
    for (const auto& c : j["checklist"])
      for (const auto& f : c["findings"])
        CHECK(body.substr(f["start"].get<size_t>(),
                          f["end"].get<size_t>() - f["start"].get<size_t>()) == f["text"]);
    ++checked;
  }
  CHECK(checked == 12);
}

TEST_CASE("the JSON email object: part, stripped ranges, customer message", "[email][cli]") {
  Run r = Amends("check --format json '" + kCorpus + "alternative-mixed.eml'");
  nlohmann::json j = nlohmann::json::parse(r.out);
  const auto& e = j["email"];
  CHECK(e["part"]["path"] == "1.1");
  CHECK(e["part"]["content_type"] == "text/plain");
  CHECK(e["part"]["transfer_encoding"] == "quoted-printable");
  CHECK(e["customer_name_source"] == "to");
  CHECK(e["from"]["name"] == "Alex Turner");
  REQUIRE(e["stripped"].size() >= 2);
  std::string body = e["body"];
  bool saw_attribution = false, saw_signature = false;
  for (const auto& s : e["stripped"]) {
    std::string part =
        body.substr(s["start"].get<size_t>(), s["end"].get<size_t>() - s["start"].get<size_t>());
    if (s["kind"] == "attribution") saw_attribution = part.find("wrote:") != std::string::npos;
    if (s["kind"] == "signature") saw_signature = part.find("Acme Support") != std::string::npos;
  }
  CHECK(saw_attribution);
  CHECK(saw_signature);
  // Evidence from the quoted thread, never a finding in it.
  bool customer_evidence = false;
  for (const auto& ev : j["situation"]["evidence"])
    if (ev["source"] == "customer_message") customer_evidence = true;
  CHECK(customer_evidence);
  for (const auto& c : j["checklist"])
    for (const auto& f : c["findings"])
      CHECK(f["text"].get<std::string>().find("refund") == std::string::npos);
}

TEST_CASE(
    "the input flag forces text or email, detection is automatic, the customer-name flag wins",
    "[email][cli]") {
  std::string msg = ReadFile(kCorpus + "plain.eml");
  Run autod = Amends("check --format json -", msg);
  CHECK(nlohmann::json::parse(autod.out).contains("email"));
  Run text = Amends("check --format json --input text -", msg);
  CHECK_FALSE(nlohmann::json::parse(text.out).contains("email"));
  Run plain = Amends("check --format json -", ReadFile(kCorpus + "reply.txt"));
  CHECK_FALSE(nlohmann::json::parse(plain.out).contains("email"));
  Run named = Amends("check --format json --customer-name Zoe -", msg);
  CHECK(nlohmann::json::parse(named.out)["customer_name"] == "Zoe");
  CHECK(nlohmann::json::parse(named.out)["email"]["customer_name_source"].is_null());
  Run human = Amends("check -", msg);
  CHECK(human.out.find("email: text/plain part 1") != std::string::npos);
  // A latin-1 message is not a UTF-8 error once it is read as a message.
  CHECK(Amends("check '" + kCorpus + "latin1.eml'").exit_code != 2);
  CHECK(Amends("check --input maybe -", msg).exit_code == 2);
}

TEST_CASE("a message nested 10 000 deep is a clear input error", "[email][cli][robust]") {
  std::string m =
      "From: a@b\nTo: c@d\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0\n\n";
  for (int i = 1; i <= 10000; ++i)
    m += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" +
         std::to_string(i) + "\n\n";
  Run r = Amends("check -", m);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("<stdin>: the message declares") != std::string::npos);
}

TEST_CASE("gate: sends the exact bytes when ready, refuses on fix", "[email][cli][gate]") {
  std::string sent = TempPath("sent");
  std::string sender = "-- sh -c 'cat > \"$0\"; exit 3' '" + sent + "'";
  // A ready message: CRLF, 8-bit latin-1, no final newline. Exit status is the command's.
  std::string ready =
      "From: Alex <a@x.org>\r\nTo: Mary Smith <m@x.org>\r\nSubject: Re: hi\r\n"
      "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"
      "Hi Mary,\r\n\r\nHere is the caf\xe9 menu you asked for.\r\n\r\nAlex\r\n\x01\xff";
  fs::remove(sent);
  Run ok = Amends("gate --situation routine " + sender, ready);
  CHECK(ok.exit_code == 3);
  CHECK(ReadFile(sent) == ready);

  std::string needs_fix = ReadFile(kCorpus + "plain.eml");
  fs::remove(sent);
  Run refused = Amends("gate " + sender, needs_fix);
  CHECK(refused.exit_code == 1);
  CHECK_FALSE(fs::exists(sent));
  CHECK(refused.err.find("not sent") != std::string::npos);
  CHECK(refused.err.find("apology.non_apology") != std::string::npos);
  CHECK(refused.out.empty());

  Run warn = Amends("gate --warn-only " + sender, needs_fix);
  CHECK(warn.exit_code == 3);
  CHECK(ReadFile(sent) == needs_fix);

  std::string overridden = "X-Amends-Override: yes\n" + needs_fix;
  fs::remove(sent);
  Run over = Amends("gate " + sender, overridden);
  CHECK(over.exit_code == 3);
  CHECK(ReadFile(sent) == overridden);
}

TEST_CASE("gate: a broken message or a missing command sends nothing", "[email][cli][gate]") {
  std::string sent = TempPath("sent2");
  fs::remove(sent);
  std::string deep =
      "From: a@b\nTo: c@d\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0\n\n";
  for (int i = 1; i <= 1000; ++i)
    deep += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" +
            std::to_string(i) + "\n\n";
  Run r = Amends("gate -- sh -c 'cat > \"$0\"' '" + sent + "'", deep);
  CHECK(r.exit_code == 2);
  CHECK_FALSE(fs::exists(sent));
  Run over =
      Amends("gate -- sh -c 'cat > \"$0\"' '" + sent + "'", "X-Amends-Override: ok\n" + deep);
  CHECK(over.exit_code == 0);
  CHECK(ReadFile(sent) == "X-Amends-Override: ok\n" + deep);
  CHECK(Amends("gate", "From: a\nTo: b\n\nhi\n").exit_code == 2);
  Run missing = Amends("gate --warn-only -- /nonexistent/sendmail -t", "From: a\nTo: b\n\nhi\n");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("cannot run /nonexistent/sendmail") != std::string::npos);
}
