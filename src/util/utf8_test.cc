#include "util/utf8.h"

#include <catch2/catch.hpp>

using namespace amends;

TEST_CASE("well-formed UTF-8 is accepted", "[utf8]") {
  CHECK(FindInvalidUtf8("") == kValidUtf8);
  CHECK(FindInvalidUtf8("plain ascii that is longer than eight bytes") == kValidUtf8);
  CHECK(FindInvalidUtf8("caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80") == kValidUtf8);
}

TEST_CASE("ill-formed UTF-8 is found at its first bad byte", "[utf8]") {
  CHECK(FindInvalidUtf8("abc\xFF") == 3);
  CHECK(FindInvalidUtf8("abcdefghij\x80") == 10);   // stray continuation
  CHECK(FindInvalidUtf8("ab\xC0\xAF") == 2);        // overlong '/'
  CHECK(FindInvalidUtf8("ab\xE0\x80\xAF") == 2);    // overlong 3-byte
  CHECK(FindInvalidUtf8("\xED\xA0\x80") == 0);      // surrogate U+D800
  CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(FindInvalidUtf8("ok \xE2\x80") == 3);       // truncated
}

TEST_CASE("decode and encode round-trip", "[utf8]") {
  std::string s;
  for (char32_t cp : {U'a', U'\u00e9', U'\u2019', U'\U0001F600'}) AppendUtf8(cp, &s);
  size_t pos = 0;
  CHECK(DecodeUtf8(s, &pos) == U'a');
  CHECK(DecodeUtf8(s, &pos) == U'\u00e9');
  CHECK(DecodeUtf8(s, &pos) == U'\u2019');
  CHECK(DecodeUtf8(s, &pos) == U'\U0001F600');
  CHECK(pos == s.size());
}

TEST_CASE("control characters are escaped for display", "[utf8]") {
  CHECK(EscapeControls("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(EscapeControls("x\xE2\x80\xAEy") == "x\\u202ey");  // right-to-left override
  CHECK(EscapeControls("line\nnext\ttab") == "line\nnext\ttab");
  CHECK(EscapeControls("caf\xC3\xA9") == "caf\xC3\xA9");
}

TEST_CASE("IsAscii looks at every byte, in and out of eight-byte steps", "[utf8]") {
  CHECK(IsAscii(""));
  CHECK(IsAscii(std::string_view("a\0\x7F", 3)));
  std::string text(37, 'x');
  CHECK(IsAscii(text));
  for (size_t at = 0; at < text.size(); ++at) {
    std::string t = text;
    t[at] = '\x80';
    INFO(at);
    CHECK_FALSE(IsAscii(t));
  }
}

TEST_CASE("TruncateUtf8 never cuts a sequence in two", "[utf8]") {
  const std::string text =
      "ab\xC3\xA9"
      "c\xF0\x9F\x98\xA1";  // "abéc😡"
  CHECK(amends::TruncateUtf8(text, 100) == text);
  CHECK(amends::TruncateUtf8(text, text.size()) == text);
  CHECK(amends::TruncateUtf8(text, 2) == "ab");
  CHECK(amends::TruncateUtf8(text, 3) == "ab");  // inside é
  CHECK(amends::TruncateUtf8(text, 4) == "ab\xC3\xA9");
  CHECK(amends::TruncateUtf8(text, 7) ==
        "ab\xC3\xA9"
        "c");  // inside the emoji
  CHECK(amends::TruncateUtf8(text, 0).empty());
  CHECK(amends::TruncateUtf8("\x80\x80\x80", 2).empty());  // continuation bytes only
  CHECK(amends::IsUtf8Continuation('\x80'));
  CHECK_FALSE(amends::IsUtf8Continuation('a'));
  CHECK_FALSE(amends::IsUtf8Continuation('\xC3'));
}
