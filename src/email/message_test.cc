// Messages to reply bodies: encodings, charsets, detection, and damage.
#include "email/message.h"

#include <catch2/catch.hpp>
#include <chrono>

#include "email/charset.h"
#include "email/detect.h"
#include "email/flowed.h"
#include "email/reply.h"

using namespace amends::email;

namespace {

std::string Header(const std::string& content_type, const std::string& cte = "7bit") {
  return "From: Alex <alex@example.com>\nTo: Mary Smith <mary@example.com>\nSubject: Re: x\n"
         "MIME-Version: 1.0\nContent-Type: " +
         content_type + "\nContent-Transfer-Encoding: " + cte + "\n\n";
}

Reply Read(const std::string& bytes) {
  Reply r;
  std::string error;
  REQUIRE(ReadReply(bytes, "msg", {}, &r, &error));
  return r;
}

}  // namespace

TEST_CASE("detection: a header block is a message, a draft is text", "[email]") {
  CHECK(LooksLikeMessage("From: a@b\nTo: c@d\n\nHi\n"));
  CHECK(LooksLikeMessage("From x@y Mon Jan 1\nFrom: a@b\nSubject: s\n\nHi\n"));
  CHECK(LooksLikeMessage("Content-Type: text/plain\r\n\r\nHi\r\n"));
  CHECK(LooksLikeMessage("Subject: hi\nX-Long: a\n continued\nTo: x\n\nbody"));
  CHECK_FALSE(LooksLikeMessage("Hi Mary,\n\nSorry: it is late.\n"));
  CHECK_FALSE(LooksLikeMessage("Subject: your refund\n\nHi Mary\n"));
  CHECK_FALSE(LooksLikeMessage("Note: one\nTo: two\nHi Mary, no blank line"));
  CHECK_FALSE(LooksLikeMessage(""));
}

TEST_CASE("charsets through ICU, unknown labels and bad bytes are counted", "[email]") {
  CHECK(ToUtf8("caf\xe9", "iso-8859-1").utf8 == "caf\u00e9");
  CHECK(ToUtf8("I\x92m", "windows-1252").utf8 == "I\u2019m");
  CHECK(ToUtf8("\x83\x54\x83\x7c", "Shift_JIS").utf8 == "\u30b5\u30dd");
  CHECK(ToUtf8("\xab\xc8\xaa\x41", "big5").utf8 == "\u5ba2\u670d");
  Converted bad = ToUtf8("a\xffz", "utf-8");
  CHECK(bad.utf8 == "a\uFFFDz");
  CHECK(bad.replaced == 1);
  Converted unknown = ToUtf8("x\x92", "x-no-such-charset");
  CHECK(unknown.unknown_charset);
  CHECK(unknown.utf8 == "x\u2019");
}

TEST_CASE("format=flowed: soft breaks joined, stuffing removed, signature kept", "[email]") {
  CHECK(DecodeFlowed("one \ntwo\n", false) == "one two\n");
  CHECK(DecodeFlowed("one \ntwo\n", true) == "onetwo\n");
  CHECK(DecodeFlowed(" From here\n", false) == "From here\n");
  CHECK(DecodeFlowed("a \n-- \nsig\n", false) == "a \n-- \nsig\n");
  CHECK(DecodeFlowed("> q \n> r\nx\n", false) == "> q r\nx\n");
}

TEST_CASE("QP, base64, RFC 2047 names, and the part chosen", "[email]") {
  Reply qp = Read(Header("text/plain; charset=utf-8", "quoted-printable") +
                  "I=E2=80=99m sorry it is so=\n late.\n");
  CHECK(qp.body == "I\u2019m sorry it is so late.\n");
  CHECK(qp.message.part.path == "1");
  CHECK(qp.customer_name == "Mary Smith");

  std::string alt =
      "From: a@b\nTo: =?utf-8?B?Wm/DqyBEdXBvbnQ=?= <z@d>\nMIME-Version: 1.0\n"
      "Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/html\n\n"
      "<p>html</p>\n--b\nContent-Type: text/plain\n\nplain\n--b--\n";
  Reply a = Read(alt);
  CHECK(a.body == "plain");  // the line break before a boundary belongs to it
  CHECK(a.message.part.path == "2");
  CHECK(a.customer_name == "Zo\u00eb Dupont");

  Reply html = Read(Header("text/html; charset=utf-8") +
                    "<p>Hi Mary,</p><p>One<br>two</p><blockquote>old</blockquote>");
  CHECK(html.from_html);
  CHECK(html.body == "Hi Mary,\n\nOne\ntwo\n\nold\n");
  CHECK(html.quoted == "old\n");
}

TEST_CASE("damaged messages give a best-effort body and a warning, never a crash",
          "[email][robust]") {
  SECTION("truncated base64") {
    Reply r = Read(Header("text/plain; charset=utf-8", "base64") + "SGVsbG8gTWFyeSwgc29ycnkgZm");
    CHECK(r.body.rfind("Hello Mary, sorry", 0) == 0);
    CHECK(!r.message.warnings.empty());
  }
  SECTION("missing closing boundary") {
    Reply r = Read(Header("multipart/alternative; boundary=zz") +
                   "--zz\nContent-Type: text/plain\n\nStill here\n");
    CHECK(r.body == "Still here\n");
  }
  SECTION("boundary never appears") {
    Reply r = Read(Header("multipart/mixed; boundary=nope") + "just text\n");
    // No crash, and the reader says there is nothing to check.
    CHECK_FALSE(r.message.has_body);
    CHECK(std::find(r.message.warnings.begin(), r.message.warnings.end(),
                    "the message has no text/plain or text/html part") != r.message.warnings.end());
  }
  SECTION("10 000 nested parts: refused clearly, quickly") {
    std::string m = Header("multipart/mixed; boundary=b0");
    for (int i = 1; i <= 10000; ++i)
      m += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" +
           std::to_string(i) + "\n\n";
    m += "--b10000\nContent-Type: text/plain\n\ndeep\n";
    auto t0 = std::chrono::steady_clock::now();
    Reply r;
    std::string error;
    CHECK_FALSE(ReadReply(m, "deep.eml", {}, &r, &error));
    CHECK(error.find("deep.eml: the message declares") == 0);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  }
  SECTION("nesting under the limit but past the walk depth: skipped with a warning") {
    std::string m = Header("multipart/mixed; boundary=b0");
    for (int i = 1; i <= 100; ++i)
      m += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" +
           std::to_string(i) + "\n\n";
    m += "--b100\nContent-Type: text/plain\n\ndeep\n";
    Reply r = Read(m);
    CHECK_FALSE(r.message.has_body);
    CHECK(!r.message.warnings.empty());
  }
  SECTION("a 50 MB attachment is not decoded; the reply is read") {
    std::string m = Header("multipart/mixed; boundary=b") +
                    "--b\nContent-Type: text/plain\n\nSee attached.\n--b\n"
                    "Content-Type: application/octet-stream\nContent-Disposition: attachment\n"
                    "Content-Transfer-Encoding: base64\n\n";
    std::string line(76, 'A');
    line += '\n';
    while (m.size() < 50u << 20) m += line;
    m += "--b--\n";
    auto t0 = std::chrono::steady_clock::now();
    Reply r = Read(m);
    CHECK(r.body.rfind("See attached.", 0) == 0);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
  }
  SECTION("a huge text part is cut to the limit") {
    std::string m = Header("text/plain; charset=utf-8") + std::string(3u << 20, 'a');
    Reply r = Read(m);
    CHECK(r.body.size() <= (1u << 20) + 1);
    CHECK(!r.message.warnings.empty());
  }
  SECTION("no header block at all, forced as email") {
    Reply r;
    std::string error;
    bool ok = ReadReply("just words\n", "x", {}, &r, &error);
    CHECK((ok || !error.empty()));
  }
}

TEST_CASE("the override header is found without a MIME parser", "[email]") {
  CHECK(HasOverrideHeader("From: a\nX-Amends-Override: yes\n\nbody"));
  CHECK(HasOverrideHeader("x-amends-override: reviewed by Sam\r\n\r\n"));
  CHECK_FALSE(HasOverrideHeader("From: a\nX-Amends-Override: no\n\nbody"));
  CHECK_FALSE(HasOverrideHeader("From: a\n\nX-Amends-Override: yes\n"));
}
