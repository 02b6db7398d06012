// What the agent did not write: quotes, attributions, forwarded blocks, signatures.
#include "email/strip.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "email/html_text.h"
#include "email/reply.h"

using namespace amends::email;

namespace {

// The body without its stripped ranges, whitespace removed (as the shared
// corpus README says to compare).
std::string Kept(std::string_view body, const std::vector<Stripped>& stripped) {
  std::string out;
  uint32_t pos = 0;
  for (const Stripped& s : stripped) {
    out.append(body.substr(pos, s.start - pos));
    pos = s.end;
  }
  out.append(body.substr(pos));
  std::string squeezed;
  for (char c : out)
    if (!std::isspace(static_cast<unsigned char>(c))) squeezed += c;
  return squeezed;
}

std::string Squeeze(std::string_view s) { return Kept(s, {}); }

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::filesystem::path kTalon =
    std::filesystem::path(AMENDS_SOURCE_DIR) / ".." / "shared" / "corpora" / "email" / "talon";

}  // namespace

TEST_CASE("'>' lines and the attribution above them are stripped, inline answers stay", "[email]") {
  std::string body =
      "Hi Mary,\n\nOn Mon, 3 Jun 2024 at 09:12, Mary Smith <mary@example.com> wrote:\n"
      "> Where is it?\n\nIt ships today.\n\n> And the refund?\n\nDone.\n";
  StripResult r = FindStripped(body);
  CHECK(Kept(body, r.stripped) == "HiMary,Itshipstoday.Done.");
  CHECK(r.quoted == "Where is it?\nAnd the refund?\n");
  CHECK(r.quoted_from == "Mary Smith");
  REQUIRE(r.stripped.size() >= 2);
  CHECK(std::string(StripKindName(r.stripped[0].kind)) == "attribution");
}

TEST_CASE("an attribution wrapped over two lines, with no '>' below, cuts to the end", "[email]") {
  std::string body =
      "Thanks!\n\nOn Tue, Apr 3, 2012 at 4:19 PM, Bob Jones <\nbob@example.com> wrote:\n\nHi "
      "there\n";
  StripResult r = FindStripped(body);
  CHECK(Kept(body, r.stripped) == "Thanks!");
  CHECK(r.quoted == "Hi there\n");
  CHECK(r.quoted_from == "Bob Jones");
}

TEST_CASE("Outlook blocks: separator, or From:/Sent: headers, strip to the end", "[email]") {
  std::string a = "Hello\n\n-----Original Message-----\nFrom: Mary <m@x.org>\nSent: Mon\n\nHelp!\n";
  StripResult ra = FindStripped(a);
  CHECK(Kept(a, ra.stripped) == "Hello");
  CHECK(ra.quoted == "Help!\n");
  CHECK(ra.quoted_from == "Mary");
  std::string b =
      "Hello\n\nFrom: Smith, Mary [mailto:m@x.org]\nSent: Monday\nTo: us\nSubject: x\n\nHelp!\n";
  CHECK(Kept(b, FindStripped(b).stripped) == "Hello");
  // A single "From:" line in the agent's own text is not a header block.
  std::string c = "From: our side, all is fine.\nThanks\n";
  CHECK(FindStripped(c).stripped.empty());
}

TEST_CASE("signatures: '-- ' to the thread, and mobile lines", "[email]") {
  std::string body = "Done.\n\nSent from my iPhone\n-- \nAlex\nAcme\n\nOn Mon, Bob wrote:\n> hi\n";
  StripResult r = FindStripped(body);
  CHECK(Kept(body, r.stripped) == "Done.");
  CHECK(std::string(StripKindName(r.stripped[0].kind)) == "signature");
}

TEST_CASE("mobile signature lines: an entry of the list that ends a word", "[email]") {
  for (const char* line :
       {"Sent from my iPhone", "  sent FROM MY Galaxy", "Sent from Outlook",
        "Sent from Outlook.com", "Get Outlook for Android", "Sent from Yahoo Mail on Android",
        "Sent with Sparrow (http://www.sparrowmailapp.com/?sig)", "Sent from Mail for Windows",
        "Sent from Samsung Mobile", "Envoy\u00e9 de mon iPad", "Von meinem iPhone gesendet"}) {
    std::string body = std::string("Done.\n\n") + line + "\n";
    StripResult r = FindStripped(body);
    INFO(line);
    CHECK(Kept(body, r.stripped) == "Done.");
    REQUIRE(r.stripped.size() == 1);
    CHECK(std::string(StripKindName(r.stripped[0].kind)) == "signature");
  }
  for (const char* line : {"Sent from myself, as promised.", "Sent from Outlookers",
                           "It was sent from my desk.", "Von meinemTeam"}) {
    std::string body = std::string("Done.\n\n") + line + "\n";
    INFO(line);
    CHECK(FindStripped(body).stripped.empty());
  }
}

TEST_CASE("attribution and forward lines come from lexicons/mail", "[email]") {
  // wrote-lines.list: the line's end, exactly.
  for (const char* attribution : {"Le lun. 3 juin 2024, Marie <m@x.org> a \u00e9crit :",
                                  "Maria Smit <m@x.org> schreef:", "Maria schrieb:"}) {
    std::string body = std::string("Merci.\n\n") + attribution + "\n> Wo ist es?\n";
    INFO(attribution);
    CHECK(Kept(body, FindStripped(body).stripped) == "Merci.");
  }
  // forward-separators.list: in a dashed line, case ignored; Apple Mail's without dashes.
  for (const char* separator : {"-----Urspr\u00fcngliche Nachricht-----",
                                "--- MENSAJE ORIGINAL ---", "Begin forwarded message:"}) {
    std::string body = std::string("Hello\n\n") + separator + "\nHelp!\n";
    StripResult r = FindStripped(body);
    INFO(separator);
    CHECK(Kept(body, r.stripped) == "Hello");
    CHECK(r.quoted == "Help!\n");
  }
  std::string plain = "Hello\n\nOriginal message below, as you asked.\nThanks\n";
  CHECK(FindStripped(plain).stripped.empty());
}

TEST_CASE("BlankStripped keeps offsets and newlines, cuts the tail", "[email]") {
  std::string body = "Hi\n> q\u00e9\nYes\n> tail\n";
  StripResult r = FindStripped(body);
  std::string blank = BlankStripped(body, r.stripped);
  CHECK(blank == "Hi\n     \nYes\n");
  CHECK(blank.substr(9, 3) == body.substr(9, 3));
}

TEST_CASE("hostile bodies stay linear: many lines, many quote markers", "[email]") {
  std::string body;
  for (int i = 0; i < 200000; ++i) body += (i % 2 ? "> q\n" : "On x wrote:\n");
  StripResult r = FindStripped(body);
  CHECK(!r.stripped.empty());
  CHECK(r.quoted.size() <= (1u << 20));
}

TEST_CASE("talon standard replies: the reply's own text survives, the thread does not",
          "[email][talon][shared]") {
  REQUIRE(std::filesystem::exists(kTalon));
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kTalon / "standard_replies")) {
    if (entry.path().extension() != ".eml") continue;
    std::string bytes = ReadFile(entry.path());
    Reply reply;
    std::string error;
    INFO(entry.path().filename().string());
    REQUIRE(ReadReply(bytes, entry.path().string(), {}, &reply, &error));
    std::filesystem::path expected_file = entry.path();
    expected_file.replace_extension("");
    expected_file += "_reply_text";
    std::string kept = Kept(reply.body, reply.stripped);
    if (std::filesystem::exists(expected_file)) {
      std::string expected = Squeeze(ReadFile(expected_file));
      // The signature in the expected text may be stripped too.
      CHECK(expected.rfind(kept, 0) == 0);
      CHECK(kept.rfind("Hello", 0) == 0);
    } else {
      CHECK(kept == "Hello");
    }
    ++checked;
  }
  CHECK(checked >= 12);
  std::string share = ReadFile(kTalon / "reply-quotations-share-block.eml");
  Reply reply;
  std::string error;
  REQUIRE(ReadReply(share, "share", {}, &reply, &error));
  std::string kept = Kept(reply.body, reply.stripped);
  CHECK(kept.find("From:") == std::string::npos);
  CHECK(!kept.empty());
}

TEST_CASE("talon HTML replies: nine clients, one reply", "[email][talon][shared]") {
  REQUIRE(std::filesystem::exists(kTalon));
  auto kept_html = [](const std::filesystem::path& p) {
    HtmlText h = HtmlToText(ReadFile(p));
    StripResult r = FindStripped(h.text, h.marked);
    return Kept(h.text, r.stripped);
  };
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kTalon / "html_replies")) {
    INFO(entry.path().filename().string());
    CHECK(kept_html(entry.path()) == "Hi.Iamfine.Thanks,Alex");
    ++checked;
  }
  CHECK(checked == 9);
  CHECK(kept_html(kTalon / "reply-separated-by-hr.html") == "HithereBob");
  CHECK(kept_html(kTalon / "OLK_SRC_BODY_SECTION.html") == "Reply");
}

TEST_CASE("HTML nested 100 000 deep is flattened, not recursed", "[email][robust]") {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "Hi there";
  HtmlText h = HtmlToText(html);
  CHECK(h.simplified);
  CHECK(h.text.find("Hi there") != std::string::npos);
}

TEST_CASE("BlankStripped is never longer than the body", "[email]") {
  CHECK(BlankStripped("", {}).empty());
  CHECK(BlankStripped("Hi", {}) == "Hi");
  CHECK(BlankStripped("Hi\n\n", {}) == "Hi\n");
  std::vector<Stripped> all = {{0, 8, StripKind::kQuote}};
  CHECK(BlankStripped("> quoted", all) == "\n");
}
