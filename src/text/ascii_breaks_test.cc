// Differential tests: the ASCII fast path against the installed ICU, which
// is the reference (ascii_breaks.h promises identical results).
#include "text/ascii_breaks.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "text/icu_breaks.h"

using namespace amends;

namespace {

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

Breaks Fast(std::string_view text) {
  Breaks b;
  AsciiWordBreaks(text, &b.words);
  AsciiSentenceBreaks(text, &b.sentences);
  return b;
}

std::string Escape(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
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

TEST_CASE("AsciiBreaksApply accepts exactly the ASCII texts", "[ascii_breaks]") {
  CHECK(AsciiBreaksApply(""));
  CHECK(AsciiBreaksApply("Hello, world.\r\n\t\x01\x7F"));
  CHECK(AsciiBreaksApply(std::string_view("a\0b", 3)));
  CHECK_FALSE(AsciiBreaksApply("caf\xC3\xA9"));
  CHECK_FALSE(AsciiBreaksApply("We\xE2\x80\x99re"));
  CHECK_FALSE(AsciiBreaksApply("\x80"));
  // A non-ASCII byte at every position of a longer text (word-at-a-time scan).
  for (size_t at = 0; at < 20; ++at) {
    std::string text(20, 'a');
    text[at] = '\xFF';
    CHECK_FALSE(AsciiBreaksApply(text));
  }
}

TEST_CASE("ASCII word and sentence breaks match ICU on hand-picked texts", "[ascii_breaks]") {
  std::vector<std::string> texts = {
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
      std::string("a\0b. C", 6),
      "Call 1.877.350.0038. They",
      "Hi there,\n\nThanks for writing in!\n\nBest,\nJo",
      "@116461 Cooper, I'm sorry about the Wi-Fi! Please DM us. *AFM",
  };
  // Every printable ASCII character alone, doubled, and around letters.
  for (int c = 0x20; c < 0x7F; ++c) {
    std::string ch(1, static_cast<char>(c));
    texts.push_back(ch);
    texts.push_back(ch + ch);
    texts.push_back("a" + ch + "b");
    texts.push_back("1" + ch + "2");
    texts.push_back("A" + ch + " B");
    texts.push_back("x." + ch + " y");
  }
  // Control characters alone and between words.
  for (int c = 0; c < 0x20; ++c) {
    std::string ch(1, static_cast<char>(c));
    texts.push_back(ch);
    texts.push_back("a." + ch + "B");
  }
  Comparison cmp;
  for (const std::string& text : texts) {
    REQUIRE(AsciiBreaksApply(text));
    cmp.Add(text);
  }
  CHECK(cmp.mismatches() == 0);
}

TEST_CASE("ASCII word and sentence breaks match ICU on random texts", "[ascii_breaks]") {
  // Weighted toward the classes the rules treat specially.
  static constexpr std::string_view kCommon = "aeiouxyzAEIXYZ0159";
  static constexpr std::string_view kTricky = ".,'\":;_-!?()[]{}@  \t\n\r";
  static constexpr std::string_view kRare = "#$%&*+/<=>\\^`|~\v\f\x01\x7F";
  std::mt19937 rng(20240229);
  auto pick = [&rng](std::string_view from) { return from[rng() % from.size()]; };
  constexpr int kTexts = 250000;
  Comparison cmp;
  std::string text;
  for (int k = 0; k < kTexts && cmp.mismatches() < 20; ++k) {
    text.clear();
    size_t length = rng() % 41;
    for (size_t i = 0; i < length; ++i) {
      uint32_t r = rng() % 100;
      if (r < 45)
        text += pick(kCommon);
      else if (r < 90)
        text += pick(kTricky);
      else if (r < 97)
        text += pick(kRare);
      else
        text += static_cast<char>(rng() % 0x80);  // any ASCII byte, NUL included
    }
    cmp.Add(text);
  }
  CHECK(cmp.mismatches() == 0);
  CHECK(cmp.compared() == kTexts);
}

TEST_CASE("ASCII word and sentence breaks match ICU on the shared corpora", "[ascii_breaks]") {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(AMENDS_SOURCE_DIR "/../shared/corpora");
  if (!fs::is_directory(root)) {
    WARN("no " << root.string() << ": corpus comparison skipped");
    return;
  }
  Comparison cmp;
  size_t skipped_non_ascii = 0;
  for (const char* file : {"dev/replies.jsonl", "pool/replies.jsonl"}) {
    std::ifstream in(root / file);
    if (!in) {
      WARN("no " << (root / file).string() << ": skipped");
      continue;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!record.is_object()) continue;
      for (const char* field : {"text", "customer_message"}) {
        auto it = record.find(field);
        if (it == record.end() || !it->is_string()) continue;
        const std::string& text = it->get_ref<const std::string&>();
        if (!AsciiBreaksApply(text)) {
          ++skipped_non_ascii;
          continue;
        }
        cmp.Add(text);
      }
    }
  }
  CHECK(cmp.mismatches() == 0);
  SUCCEED("compared " << cmp.compared() << " ASCII texts (" << skipped_non_ascii
                      << " non-ASCII texts left to ICU)");
}
