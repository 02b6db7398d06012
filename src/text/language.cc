#include "text/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <iterator>

#include "util/utf8.h"

namespace amends {
namespace {

// Fewer letters than this are too few to overrule the English default.
constexpr int kMinLetterBytes = 40;
// English may hold at most this share of the letters of a reply called
// something else (a quoted English line, a product name).
constexpr int kMaxEnglishPercent = 10;

std::string TitleCase(const char* upper) {
  std::string s = upper ? upper : "";
  bool start = true;
  for (char& c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
    start = c == ' ' || c == '_' || c == '-';
    if (c == '_') c = ' ';
  }
  return s;
}

// Words so common in English replies, and so rare in other languages, that
// a reply where they are a seventh of the words is English without asking
// CLD2 (which costs about a fifth of checking a short reply).
constexpr std::string_view kCommonEnglishWords[] = {
    "and",  "are", "be",  "can",    "for",   "have",  "if",     "is",   "it",
    "my",   "of",  "our", "please", "sorry", "thank", "thanks", "that", "the",
    "this", "to",  "us",  "we",     "what",  "will",  "with",   "you",  "your"};
constexpr size_t kLongestCommonWord = [] {
  size_t longest = 0;
  for (std::string_view w : kCommonEnglishWords) longest = std::max(longest, w.size());
  return longest;
}();
static_assert(kLongestCommonWord <= sizeof(uint64_t), "a common word packs into one integer");

// A word of at most 8 lower-case ASCII letters as one integer, so that
// looking it up is a few integer compares rather than string compares.
constexpr uint64_t Packed(std::string_view w) {
  uint64_t v = 0;
  for (char c : w) v = v << 8 | static_cast<unsigned char>(c);
  return v;
}

constexpr auto kPackedCommonWords = [] {
  std::array<uint64_t, std::size(kCommonEnglishWords)> packed{};
  for (size_t i = 0; i < packed.size(); ++i) packed[i] = Packed(kCommonEnglishWords[i]);
  std::sort(packed.begin(), packed.end());
  return packed;
}();

bool PlainlyEnglish(std::string_view text) {
  constexpr size_t kMaxWords = 200;  // enough to judge; bounded cost
  // Once this many of the words are common ones, the text is English
  // however the rest of its first kMaxWords go.
  constexpr size_t kSettled = (kMaxWords + 6) / 7;
  size_t words = 0, english = 0;
  uint64_t word = 0;
  size_t length = 0;  // letters in the word so far, counted past the longest
  auto end_word = [&] {
    if (length == 0) return;
    ++words;
    if (length <= kLongestCommonWord &&
        std::binary_search(kPackedCommonWords.begin(), kPackedCommonWords.end(), word))
      ++english;
    length = 0;
    word = 0;
  };
  for (size_t i = 0; i < text.size() && words < kMaxWords; ++i) {
    unsigned char lower = static_cast<unsigned char>(text[i]) | 0x20;
    if (static_cast<unsigned>(lower - 'a') < 26u) {  // an ASCII letter, either case
      if (++length <= kLongestCommonWord) word = word << 8 | lower;
    } else {
      end_word();
      if (english >= kSettled) return true;
    }
  }
  end_word();
  return english >= 2 && english * 7 >= words;
}

}  // namespace

LanguageGuess GuessLanguage(std::string_view text) {
  if (text.size() > kLanguageSampleBytes) {
    text = TruncateUtf8(text, kLanguageSampleBytes);
  }
  if (PlainlyEnglish(text)) {
    LanguageGuess english;
    english.code = "en";
    english.name = "English";
    return english;  // confidence 0: not measured
  }
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  int letter_bytes = 0;
  bool reliable = false;
  CLD2::Language top =
      CLD2::DetectLanguageSummary(text.data(), static_cast<int>(text.size()),
                                  /*is_plain_text=*/true, top3, percent3, &letter_bytes, &reliable);
  LanguageGuess g;
  g.code = CLD2::LanguageCode(top);
  g.name = TitleCase(CLD2::LanguageName(top));
  g.reliable = reliable;
  int english_percent = 0;
  for (int i = 0; i < 3; ++i) {
    if (top3[i] == top && g.confidence == 0) g.confidence = percent3[i];
    if (top3[i] == CLD2::ENGLISH) english_percent += percent3[i];
  }
  g.english = top == CLD2::ENGLISH || top == CLD2::UNKNOWN_LANGUAGE ||
              top == CLD2::TG_UNKNOWN_LANGUAGE || !reliable ||
              g.confidence < kNotEnglishConfidence || english_percent > kMaxEnglishPercent ||
              letter_bytes < kMinLetterBytes;
  return g;
}

}  // namespace amends
