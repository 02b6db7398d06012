// Differential tests: the breaks without ICU (ASCII plus eight typographic
// characters, and emoji sequences) against the installed ICU, which is the
// reference (ascii_breaks.h promises identical results).
#include "text/ascii_breaks.h"

#include <unicode/uchar.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "text/icu_breaks.h"
#include "util/utf8.h"

// The source tree, set by tests/CMakeLists.txt; the fallback only lets this
// file be checked on its own (clang++ -fsyntax-only).
#ifndef AMENDS_SOURCE_DIR
#define AMENDS_SOURCE_DIR "."
#endif

using namespace amends;

namespace {

// The accepted non-ASCII characters, as UTF-8.
constexpr std::string_view kRsquo = "\u2019";   // ’
constexpr std::string_view kLsquo = "\u2018";   // ‘
constexpr std::string_view kLdquo = "\u201C";   // “
constexpr std::string_view kRdquo = "\u201D";   // ”
constexpr std::string_view kHellip = "\u2026";  // …
constexpr std::string_view kNdash = "\u2013";   // –
constexpr std::string_view kMdash = "\u2014";   // —
constexpr std::string_view kNbsp = "\u00A0";    // no-break space
constexpr std::string_view kAccepted[] = {kRsquo,  kLsquo, kLdquo, kRdquo,
                                          kHellip, kNdash, kMdash, kNbsp};

struct Breaks {
  std::vector<WordBreak> words;
  std::vector<uint32_t> sentences;
};

// ICU, the reference: the same breaker the segmenter uses for other text.
Breaks Reference(std::string_view text) {
  static IcuBreaker icu;
  Breaks b;
  icu.Breaks(text, &b.words, &b.sentences);
  return b;
}

// Whether PlainBreaks cuts `text` itself (else ICU must).
bool Taken(std::string_view text) {
  std::vector<WordBreak> words;
  std::vector<uint32_t> sentences;
  return PlainBreaks(text, &words, &sentences);
}

// The breaks without ICU (PlainBreaks calls AsciiWordBreaks and
// AsciiSentenceBreaks, on the text itself or with emoji as '#').
Breaks Fast(std::string_view text) {
  Breaks b;
  if (!PlainBreaks(text, &b.words, &b.sentences))
    FAIL("PlainBreaks refused " << text.size() << " bytes");
  return b;
}

std::string Escape(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (c >= 0x20 && c < 0x7F) {
          out += static_cast<char>(c);
        } else {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        }
    }
  }
  return out + "\"";
}

std::string Show(const std::vector<WordBreak>& v) {
  std::string out;
  for (const WordBreak& b : v) {
    out += ' ';
    out += std::to_string(b.end);
    out += '/';
    out += std::to_string(b.status);
  }
  return out;
}

std::string Show(const std::vector<uint32_t>& v) {
  std::string out;
  for (uint32_t b : v) {
    out += ' ';
    out += std::to_string(b);
  }
  return out;
}

// Compares one text; on a difference, describes it (string escaped, both
// break lists) and returns false.
bool SameAsIcu(std::string_view text, std::string* diff) {
  Breaks want = Reference(text);
  Breaks got = Fast(text);
  bool same = true;
  if (got.words != want.words) {
    same = false;
    *diff += "words of " + Escape(text) + "\n  ICU (end/status):" + Show(want.words) +
             "\n  fast:            " + Show(got.words) + "\n";
  }
  if (got.sentences != want.sentences) {
    same = false;
    *diff += "sentences of " + Escape(text) + "\n  ICU: " + Show(want.sentences) +
             "\n  fast:" + Show(got.sentences) + "\n";
  }
  return same;
}

// Runs SameAsIcu over texts, reporting the first few differences.
class Comparison {
 public:
  void Add(std::string_view text) {
    ++compared_;
    std::string diff;
    if (SameAsIcu(text, &diff)) return;
    if (++mismatches_ <= 20) FAIL_CHECK(diff);
  }
  size_t compared() const { return compared_; }
  size_t mismatches() const { return mismatches_; }

 private:
  size_t compared_ = 0;
  size_t mismatches_ = 0;
};

}  // namespace

TEST_CASE("AsciiBreaksApply accepts exactly ASCII and the eight characters", "[ascii_breaks]") {
  CHECK(AsciiBreaksApply(""));
  CHECK(AsciiBreaksApply("Hello, world.\r\n\t\x01\x7F"));
  CHECK(AsciiBreaksApply(std::string_view("a\0b", 3)));
  CHECK(AsciiBreaksApply("We\xE2\x80\x99re"));
  for (std::string_view ch : kAccepted) {
    std::string c(ch);
    CHECK(AsciiBreaksApply(c));
    CHECK(AsciiBreaksApply(c + c));
    CHECK(AsciiBreaksApply("a" + c + "b"));
    CHECK(AsciiBreaksApply("0123456789" + c + "0123456789" + c));
  }
  CHECK(AsciiBreaksApply("\u2018\u2019\u201C\u201D\u2026\u2013\u2014\u00A0"));
  // Any other non-ASCII character.
  for (const char* other :
       {"caf\u00E9",   // é
        "\U0001F600",  // emoji
        "\u2028",      // LINE SEPARATOR (Sentence_Break Sep)
        "\u0085",      // NEL (Sep)
        "\uFEFF",      // BOM (Format)
        "\u00A1",     "\u00AD", "\u00B4", "\u00BF",    "\u00C2",  // C2 xx other than A0, and U+00C2
        "\u2010",     "\u2011", "\u2012", "\u2015",    "\u2016",  // E2 80 xx near the accepted ones
        "\u2017",     "\u201A", "\u201B", "\u201E",    "\u201F", "\u2022", "\u2024",
        "\u2025",     "\u2027", "\u2029", "\u202F",    "\u2030", "\u2039", "\u203A",
        "\u2000",     "\u2080", "\u2099", "\u2119",    "\u2219", "\u20AC",  // E2 xx 99 with another
                                                                            // middle byte
        "\u0100",     "\u0800", "\uFFFD", "\U00010000"}) {
    std::string text(other);
    CHECK_FALSE(AsciiBreaksApply(text));
    CHECK_FALSE(AsciiBreaksApply("I\u2019m " + text + " \u2019"));
    CHECK_FALSE(AsciiBreaksApply("\u00A0\u00A0\u00A0\u00A0" + text));
  }
  // Ill-formed UTF-8 (the caller validates it, but the check is exact):
  // stray continuation bytes, truncated and overlong sequences.
  for (std::string_view bad :
       {"\x80", "\xA0", "\x99", "\xC2", "\xE2", "\xE2\x80",
        "\xE2\x80"
        "a",
        "\xC2 ", "\xE2\x99", "\xE0\x80\x99", "\xC1\xA0", "\xFF", "\xE2\x80\x99\x99", "a\xA0\xC2"}) {
    CHECK_FALSE(AsciiBreaksApply(bad));
    CHECK_FALSE(AsciiBreaksApply("abcdefghijklmnop" + std::string(bad)));
  }
  // A non-ASCII byte at every position of a longer text (word-at-a-time scan).
  for (size_t at = 0; at < 20; ++at) {
    std::string text(20, 'a');
    text[at] = '\xFF';
    CHECK_FALSE(AsciiBreaksApply(text));
    // An accepted character at every position, alone or before a rejected one.
    for (std::string_view ch : kAccepted) {
      std::string ok(20, 'a');
      ok.insert(at, ch);
      CHECK(AsciiBreaksApply(ok));
      std::string after = ok + std::string(at, 'b') + "\u00E9";
      CHECK_FALSE(AsciiBreaksApply(after));
    }
  }
}

namespace {

// Texts picked by hand for the rules' corners: apostrophes, numbers,
// abbreviations, handles, quotes, terminators and the typographic
// characters.
const std::string_view kHandPicked[] = {
    "",
    "we're",
    "'quoted'",
    "don't.",
    "It's the users' fault.",
    "1.5",
    "1,000",
    "3.5.2",
    "1'000",
    "1;2",
    "1:2",
    "a:b",
    "1.a",
    "a.1",
    "a1",
    "1a",
    "a1.5",
    "e.g.",
    "i.e. this",
    "U.S.",
    "U.S.A. is big.",
    "Mr. Smith",
    "Dear Mr. Smith, hi.",
    "a_b",
    "_",
    "__",
    "1_",
    "1__",
    "_1",
    "a_1",
    "x1y2",
    "john.doe@example.com",
    "mail me: a@b.co.",
    "https://t.co/abc",
    "See https://t.co/JzP7hlA23B ^SY",
    "@handle",
    ".@AmazonHelp hi",
    "#tag",
    "^JB",
    "*AFM",
    "-Mike",
    "...",
    "Wait... what?",
    "?!",
    "Really?! Yes.",
    "end.\"  Next",
    "end.\" next",
    "(see below.) then",
    "(see below.) Then",
    "a.\n\nb",
    "a.\r\nb",
    "\r\n",
    "\r\r\n\n\r",
    "\n",
    "a\tb\t\tc",
    "a.\tB",
    "a  b   c",
    "   leading",
    "trailing   ",
    "  both  ",
    ". 1 B",
    "etc. and so",
    "etc. 5 apples",
    "etc. (5) apples",
    "Hi. 5 Apples",
    "No. 5, please.",
    "Is it? no",
    "Yes! ok",
    "It is.Then",
    "a.B",
    "1.B",
    ".B",
    "x. , y",
    "x.; y",
    "x. - y",
    "Hello.\x0B\x0CWorld",
    "a\x01b\x7F.",
    std::string_view("a\0b. C", 6),
    "Call 1.877.350.0038. They",
    "Hi there,\n\nThanks for writing in!\n\nBest,\nJo",
    "@116461 Cooper, I'm sorry about the Wi-Fi! Please DM us. *AFM",
    // The typographic characters.
    "I\u2019m",
    "don\u2019t.",
    "\u2018quoted\u2019 text",
    "\u201CHi.\u201D Then",
    "\u201CHi.\u201D then",
    "wait\u2026 what",
    "wait\u2026 What",
    "wait.\u2026 What",
    "a \u2013 b",
    "a\u2014b",
    "x\u00A0y",
    "end.\u00A0Next",
    "end.\u00A0next",
    "end.\u00A0\u00A0 \tNext",
    "3\u20195",
    "3\u20185",
    "a\u2018b",
    "\u2019\u2019",
    "\u2026\u201D",
    "It\u2019s the users\u2019 fault.",
    "rock \u2019n\u2019 roll",
    "I\u2019\u2019m",
    "I\u2019.m",
    "I.\u2019m",
    "1\u2019.5",
    "1.\u20195",
    "a_\u2019b",
    "x\u2019_",
    "1\u2019a",
    "a\u20191",
    "He said \u201CStop.\u201D \u2018Why?\u2019 she asked.",
    "Done.\u2019\u201D  Next",
    "Done.\u201D\u00A0Next",
    "Done. \u201CNext",
    "Done.\u2014next",
    "Done.\u2014Next",
    "Done! \u2013 and more",
    "Done. \u2013 Next",
    "Done.\u2026 Next",
    "etc.\u2026 and",
    "etc. \u2018and\u2019",
    "etc. \u201C5\u201D apples",
    "No.\u00A05",
    "U.S.\u00A0Army",
    "a.\u00A0\nb",
    "a.\u201D\r\nB",
    "e.g.\u2019s",
    "A.\u2019B",
    "x\u00A0\u00A0 y",
    "  \u00A0  ",
    "\u2026\u2026\u2026",
    "Hmm\u2026. OK",
    "\u2014\u2014",
    "well \u2014 I\u2019d say \u201Cno\u201D\u2026",
};

// Every printable ASCII character alone, doubled, and around letters.
void AddEveryAscii(std::vector<std::string>* texts) {
  for (int c = 0x20; c < 0x7F; ++c) {
    std::string ch(1, static_cast<char>(c));
    for (const std::string& text :
         {ch, ch + ch, "a" + ch + "b", "1" + ch + "2", "A" + ch + " B", "x." + ch + " y"})
      texts->push_back(text);
  }
}

// Each accepted character alone, doubled, at the start and end, and next to
// terminators, digits, letters and spaces.
void AddEveryAccepted(std::vector<std::string>* texts) {
  for (std::string_view ch : kAccepted) {
    std::string c(ch);
    for (const std::string& text : {
             c,
             c + c,
             c + c + c,
             c + "abc",
             "abc" + c,
             c + " Abc",
             "Abc " + c,
             "a" + c + "b",
             "A" + c + "B",
             "1" + c + "2",
             "a" + c + "1",
             "1" + c + "a",
             "a" + c + c + "b",
             "1" + c + c + "2",
             "a " + c + " b",
             "a" + c + " b",
             "a " + c + "b",
             "x." + c,
             "x." + c + "Y",
             "x." + c + "y",
             "x." + c + " Y",
             "x." + c + " y",
             "x. " + c + "Y",
             "x. " + c + " y",
             "x." + c + c + " Y",
             "x." + c + "5",
             "x?" + c + " Y",
             "x?" + c + " y",
             "x!" + c + "\n",
             "x." + c + "\r\nY",
             c + ".",
             c + ". Y",
             c + "? y",
             "." + c,
             "?" + c,
             "x" + c + ".",
             "x" + c + ". Y",
             "x." + c + ", y",
             "x." + c + ": y",
             "x." + c + "- y",
             "x." + c + ". Y",
             "1." + c + "5",
             "a." + c + "B",
             "e.g." + c + "x",
             "x.\"" + c + " Y",
             "x.)" + c + " Y",
             "x. " + c + " 5 y",
             "x. (" + c + ") y",
             "x " + c + " \t y",
             c + "\t" + c,
             "_" + c + "_",
             "a_" + c,
             "@" + c + "@",
             "x.\u00A0" + c + " Y",
             "x.\u201D" + c + " Y",
         })
      texts->push_back(text);
    for (std::string_view other : kAccepted) texts->push_back(c + std::string(other));
  }
}

// Control characters alone and between words.
void AddEveryControl(std::vector<std::string>* texts) {
  for (int c = 0; c < 0x20; ++c) {
    std::string ch(1, static_cast<char>(c));
    texts->push_back(ch);
    texts->push_back("a." + ch + "B");
  }
}

}  // namespace

TEST_CASE("Word and sentence breaks match ICU on hand-picked texts", "[ascii_breaks]") {
  std::vector<std::string> texts(std::begin(kHandPicked), std::end(kHandPicked));
  AddEveryAscii(&texts);
  AddEveryAccepted(&texts);
  AddEveryControl(&texts);
  Comparison cmp;
  for (const std::string& text : texts) {
    REQUIRE(AsciiBreaksApply(text));
    cmp.Add(text);
  }
  CHECK(cmp.mismatches() == 0);
}

TEST_CASE("Word and sentence breaks match ICU on random texts", "[ascii_breaks]") {
  // Weighted toward the classes the rules treat specially; the accepted
  // non-ASCII characters are drawn whole.
  static constexpr std::string_view kCommon = "aeiouxyzAEIXYZ0159";
  static constexpr std::string_view kTricky = ".,'\":;_-!?()[]{}@  \t\n\r";
  static constexpr std::string_view kRare = "#$%&*+/<=>\\^`|~\v\f\x01\x7F";
  std::mt19937 rng(20240229);
  auto pick = [&rng](std::string_view from) { return from[rng() % from.size()]; };
  constexpr int kTexts = 250000;
  Comparison cmp;
  size_t with_typographic = 0;
  std::string text;
  for (int k = 0; k < kTexts && cmp.mismatches() < 20; ++k) {
    text.clear();
    // Half the texts plain ASCII, half with some typographic characters.
    const uint32_t typographic = k % 2 == 0 ? 0 : 4 + rng() % 20;  // percent of characters
    size_t length = rng() % 41;
    for (size_t i = 0; i < length; ++i) {
      uint32_t r = rng() % 100;
      if (r < typographic) text += kAccepted[rng() % std::size(kAccepted)];
      else if (r < 45) text += pick(kCommon);
      else if (r < 90) text += pick(kTricky);
      else if (r < 97) text += pick(kRare);
      else text += static_cast<char>(rng() % 0x80);  // any ASCII byte, NUL included
    }
    if (!AsciiBreaksApply(text)) FAIL("not accepted: " << Escape(text));
    if (text.find_first_of("\xC2\xE2") != std::string::npos) ++with_typographic;
    cmp.Add(text);
  }
  CHECK(cmp.mismatches() == 0);
  CHECK(cmp.compared() == kTexts);
  CHECK(with_typographic > kTexts / 3);
}

// Emoji sequences as PlainBreaks takes them, and characters it does not.
constexpr std::string_view kEmoji[] = {
    "\U0001F621",                  // 😡
    "\u2764\uFE0F",                // ❤️
    "\U0001F44D\U0001F3FD",        // 👍🏽
    "\U0001F469\u200D\U0001F4BB",  // 👩‍💻
    "\U0001F469\U0001F3FD\u200D\U0001F4BB\uFE0F",
    "\u2600",                // ☀
    "\u2705",                // ✅
    "\U0001F383",            // 🎃
    "\U0001F602\U0001F602",  // 😂😂
    "\u2122",                // ™
    "\U0001FAE0",            // 🫠
};

TEST_CASE("Emoji characters have the properties PlainBreaks relies on", "[ascii_breaks]") {
  // Each code point of the ranges is a pictograph that is Other for words
  // and for sentences, in the installed ICU.
  size_t checked = 0;
  char32_t previous = 0;
  for (const CodePointRange& r : EmojiRanges()) {
    REQUIRE(r.first <= r.last);
    REQUIRE(r.first > previous);  // ascending, not overlapping
    previous = r.last;
    for (char32_t c = r.first; c <= r.last; ++c, ++checked) {
      INFO("U+" << std::hex << static_cast<uint32_t>(c));
      REQUIRE(u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EXTENDED_PICTOGRAPHIC));
      REQUIRE(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_WORD_BREAK) == U_WB_OTHER);
      REQUIRE(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK) == U_SB_OTHER);
    }
  }
  CHECK(checked > 3000);
  // The characters a sequence may continue with.
  CHECK(u_getIntPropertyValue(0xFE0F, UCHAR_WORD_BREAK) == U_WB_EXTEND);
  CHECK(u_getIntPropertyValue(0xFE0F, UCHAR_SENTENCE_BREAK) == U_SB_EXTEND);
  CHECK(u_getIntPropertyValue(0x200D, UCHAR_WORD_BREAK) == U_WB_ZWJ);
  CHECK(u_getIntPropertyValue(0x200D, UCHAR_SENTENCE_BREAK) == U_SB_EXTEND);
  for (UChar32 c = 0x1F3FB; c <= 0x1F3FF; ++c) {
    CHECK(u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_EXTEND);
    CHECK(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK) == U_SB_OTHER);
  }
}

TEST_CASE("PlainBreaks takes emoji sequences and leaves other text to ICU", "[ascii_breaks]") {
  auto takes = [](std::string_view text) {
    std::vector<WordBreak> words{{7, 7}};
    std::vector<uint32_t> sentences{7};
    bool taken = PlainBreaks(text, &words, &sentences);
    if (!taken) {  // untouched
      CHECK(words == std::vector<WordBreak>{{7, 7}});
      CHECK(sentences == std::vector<uint32_t>{7});
    }
    return taken;
  };
  for (std::string_view e : kEmoji) {
    std::string one(e);
    CHECK(takes(one));
    CHECK(takes("Sorry " + one + " we'll fix it." + one));
  }
  CHECK(takes("I\u2019m sorry \U0001F621\u2014 really."));
  // Latin letters and symbols, through a stand-in with their classes.
  CHECK(takes("caf\u00E9 \u00C9T\u00C9 na\u00EFve \u00A35 \u20AC10 \u00BFQu\u00E9? \u00AB\u00BB"));
  for (const char* other : {
           "a\uFE0F",               // a variation selector after a letter
           "\uFE0F",                // alone
           "\U0001F621\u200D",      // a joiner with nothing to join
           "\U0001F621\u200Dx",     // ... or a letter
           "\u200D\U0001F621",      // a joiner first
           "\U0001F3FD",            // a skin tone alone
           "x\U0001F3FD",           // ... after a letter
           "\U0001F1FA\U0001F1F8",  // a flag (regional indicators)
           "1\uFE0F\u20E3",         // a keycap
           "\u0301",                // a combining mark
           "\u00AD",                // a soft hyphen (Format)
           "\u2028",                // LINE SEPARATOR
           "\u05D0",                // a Hebrew letter
           "\u3042",                // Hiragana (ICU cuts it with a dictionary)
           "\U0001F621\uFE0E",      // text presentation selector
       }) {
    INFO(other);
    CHECK_FALSE(takes(other));
  }
}

TEST_CASE("Word and sentence breaks match ICU on random texts with emoji", "[ascii_breaks]") {
  static constexpr std::string_view kCommon = "aeiouxyzAEIXYZ0159";
  static constexpr std::string_view kTricky = ".,'\":;_-!?()[]{}@#  \t\n\r";
  std::mt19937 rng(20241124);
  constexpr int kTexts = 100000;
  Comparison cmp;
  std::string text;
  for (int k = 0; k < kTexts && cmp.mismatches() < 20; ++k) {
    text.clear();
    size_t length = rng() % 31;
    for (size_t i = 0; i < length; ++i) {
      uint32_t r = rng() % 100;
      if (r < 15) text += kEmoji[rng() % std::size(kEmoji)];
      else if (r < 25) text += kAccepted[rng() % std::size(kAccepted)];
      else if (r < 60) text += kCommon[rng() % kCommon.size()];
      else text += kTricky[rng() % kTricky.size()];
    }
    cmp.Add(text);
  }
  CHECK(cmp.mismatches() == 0);
  CHECK(cmp.compared() == kTexts);
}

TEST_CASE("Word and sentence breaks match ICU on random texts with Latin letters and symbols",
          "[ascii_breaks]") {
  // Characters drawn from all of U+00A1..U+024F and U+2000..U+2BFF, which
  // PlainBreaks cuts through an ASCII stand-in of the same classes (and
  // leaves to ICU where there is none), among ASCII and emoji.
  static constexpr std::string_view kAscii = "aeiouxyzAEIXYZ0159.,'\":;_-!?()[]{}@#  \t\n\r";
  std::mt19937 rng(20241125);
  constexpr int kTexts = 100000;
  Comparison cmp;
  size_t refused = 0;
  std::string text;
  for (int k = 0; k < kTexts && cmp.mismatches() < 20; ++k) {
    text.clear();
    size_t length = rng() % 31;
    for (size_t i = 0; i < length; ++i) {
      uint32_t r = rng() % 100;
      if (r < 20) {
        AppendUtf8(rng() % 2 ? 0xA1 + rng() % (0x250 - 0xA1) : 0x2000 + rng() % 0xC00, &text);
      } else if (r < 25) {
        text += kEmoji[rng() % std::size(kEmoji)];
      } else {
        text += kAscii[rng() % kAscii.size()];
      }
    }
    if (!Taken(text)) {
      ++refused;
      continue;
    }
    cmp.Add(text);
  }
  CHECK(cmp.mismatches() == 0);
  // Most characters of these ranges have a stand-in; a few (combining
  // marks, format characters, separators) send their text to ICU.
  CHECK(cmp.compared() > kTexts / 2);
  CHECK(refused > 0);
}

TEST_CASE("Word and sentence breaks match ICU on the shared corpora", "[ascii_breaks][shared]") {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(AMENDS_SOURCE_DIR "/../shared/corpora");
  REQUIRE(fs::is_directory(root));
  Comparison cmp;
  size_t left_to_icu = 0;
  for (const char* file : {"dev/replies.jsonl", "pool/replies.jsonl"}) {
    std::ifstream in(root / file);
    REQUIRE(in);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!record.is_object()) continue;
      for (const char* field : {"text", "customer_message"}) {
        auto it = record.find(field);
        if (it == record.end() || !it->is_string()) continue;
        const std::string& text = it->get_ref<const std::string&>();
        if (!Taken(text)) {
          ++left_to_icu;
          continue;
        }
        cmp.Add(text);
      }
    }
  }
  CHECK(cmp.mismatches() == 0);
  SUCCEED("compared " << cmp.compared() << " texts the fast path accepts (" << left_to_icu
                      << " other texts left to ICU)");
}
