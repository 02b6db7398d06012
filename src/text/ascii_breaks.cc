// ICU's English word and sentence breaks for ASCII text (see ascii_breaks.h).
//
// ICU's rules (ICU 72, data/brkitr/rules/word.txt and sent.txt) are regular
// expressions over character classes that "chain": a rule may start on the
// last character of the rule before it, and a boundary falls where the
// longest chain of matches ends. Restricted to ASCII the classes are few and
// the rules collapse to the small scanners below; each branch names the
// UAX #29 rule (WBn / SBn) and ICU rule it implements.
#include "text/ascii_breaks.h"

#include <array>
#include <cstring>

namespace amends {
namespace {

// ---------------------------------------------------------------------------
// Word break classes (Word_Break property values of ASCII, as ICU's word.txt
// uses them). Bit flags, so a branch can test several at once.
enum : uint8_t {
  kWOther = 0,         // everything else: one segment per byte, status 0
  kWLetter = 1,        // ALetter: A-Z a-z, and '@' (see below)
  kWNumeric = 2,       // Numeric: 0-9
  kWExtendNumLet = 4,  // ExtendNumLet: _
  kWMidLetter = 8,     // may join letters (WB6/WB7): MidNumLet '.', Single_Quote '\''
  kWMidNum = 16,       // may join digits (WB11/WB12): MidNum ',' ';', MidNumLet '.', Single_Quote '\''
  kWSpace = 32,        // WSegSpace: U+0020 only (not tab)
  kWCR = 64,           // CR (LF and Newline \v \f are single-byte segments, like Other)
};
constexpr uint8_t kWWordChar = kWLetter | kWNumeric | kWExtendNumLet;

constexpr std::array<uint8_t, 256> MakeWordClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kWLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kWLetter;
  // ICU's word.txt tailors $ALetter to [\p{Word_Break = ALetter} @], so '@'
  // joins and counts as a letter: "@handle", "user@example.com" stay whole.
  t['@'] = kWLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kWNumeric;
  t['_'] = kWExtendNumLet;
  t['.'] = kWMidLetter | kWMidNum;   // MidNumLet
  t['\''] = kWMidLetter | kWMidNum;  // Single_Quote
  t[','] = kWMidNum;
  t[';'] = kWMidNum;
  // ':' is MidLetter in UAX #29, but ICU's word.txt takes it out
  // ($MidLetter = [\p{Word_Break = MidLetter} - [\: \uFE55 \uFF1A]]), so
  // "a:b" is three segments and ':' is Other here. '"' is Double_Quote,
  // which only joins Hebrew letters (WB7b/c): Other too.
  t[' '] = kWSpace;
  t['\r'] = kWCR;
  return t;
}
constexpr std::array<uint8_t, 256> kWordClass = MakeWordClasses();

// Rule status values (UBRK_WORD_NONE, UBRK_WORD_NUMBER, UBRK_WORD_LETTER).
constexpr int32_t kStatusNone = 0;
constexpr int32_t kStatusNumber = 100;
constexpr int32_t kStatusLetter = 200;

// ---------------------------------------------------------------------------
// Sentence break classes (Sentence_Break property values of ASCII).
enum : uint8_t {
  kSOther = 0,      // control bytes other than below, ; # $ % & * + / < = > @ \ ^ _ ` | ~ DEL
  kSUpper,          // A-Z
  kSLower,          // a-z
  kSNumeric,        // 0-9
  kSATerm,          // .
  kSSTerm,          // ! ?
  kSClose,          // " ' ( ) [ ] { }
  kSSp,             // \t \v \f space
  kSSContinue,      // , - :
  kSCR,             // \r
  kSLF,             // \n
};
constexpr uint32_t Bit(uint8_t c) { return 1u << c; }
// What ends the body of a sentence (sent.txt rule 998's "any character"
// run): a terminator or a paragraph separator.
constexpr uint32_t kSBodyStop = Bit(kSATerm) | Bit(kSSTerm) | Bit(kSCR) | Bit(kSLF);
// sent.txt's $NotLettersEx (SB8): [^OLetter Upper Lower Sep CR LF ATerm STerm].
constexpr uint32_t kSNotLetters =
    Bit(kSOther) | Bit(kSNumeric) | Bit(kSClose) | Bit(kSSp) | Bit(kSSContinue);

constexpr std::array<uint8_t, 256> MakeSentenceClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kSUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kSLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = kSNumeric;
  t['.'] = kSATerm;
  t['!'] = kSSTerm;
  t['?'] = kSSTerm;
  for (char c : {'"', '\'', '(', ')', '[', ']', '{', '}'}) t[static_cast<uint8_t>(c)] = kSClose;
  for (char c : {'\t', '\v', '\f', ' '}) t[static_cast<uint8_t>(c)] = kSSp;
  t[','] = kSSContinue;
  t['-'] = kSSContinue;
  t[':'] = kSSContinue;
  t['\r'] = kSCR;
  t['\n'] = kSLF;
  return t;
}
constexpr std::array<uint8_t, 256> kSentenceClass = MakeSentenceClasses();

// The bytes of kSBodyStop classes, for the tight loop over a sentence body.
constexpr std::array<bool, 256> MakeBodyStops() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = (Bit(kSentenceClass[c]) & kSBodyStop) != 0;
  return t;
}
constexpr std::array<bool, 256> kSBodyStopByte = MakeBodyStops();

// Where the sentence that starts at `start` (< n) ends.
//
// ICU starts each forward match at the previous boundary as if at the start
// of text (the {bof} of sent.txt rule 998), so a sentence may begin with
// Close and Sp characters.
size_t SentenceEnd(const unsigned char* p, size_t n, size_t start) {
  auto cls = [p](size_t i) { return kSentenceClass[p[i]]; };
  size_t i = start;
  for (;;) {
    // Body (rule 998: [^STerm ATerm Close Sp Sep LF CR]|{bof}, then
    // (Close|Sp)* any char, chained): everything up to a terminator or a
    // paragraph separator.
    while (i < n && !kSBodyStopByte[p[i]]) ++i;
    if (i >= n) return n;
    uint8_t c = cls(i);
    if (c == kSCR) {  // SB3 CR x LF; SB4 break after ParaSep
      ++i;
      return i < n && p[i] == '\n' ? i + 1 : i;
    }
    if (c == kSLF) return i + 1;  // SB4

    // A terminator at i.
    const bool aterm = c == kSATerm;
    // SB7 (Upper | Lower) ATerm x Upper: only with a letter right before,
    // inside this sentence.
    const bool after_letter =
        i > start && (cls(i - 1) == kSUpper || cls(i - 1) == kSLower);
    ++i;
    if (i >= n) return n;
    c = cls(i);
    if (aterm) {
      if (c == kSNumeric) {  // SB6 ATerm x Numeric; the digit then chains into rule 998
        ++i;
        continue;
      }
      if (c == kSUpper && after_letter) {  // SB7
        ++i;
        continue;
      }
    }
    // SB9/SB10: Close* then Sp* stay with the terminator.
    while (i < n && cls(i) == kSClose) ++i;
    while (i < n && cls(i) == kSSp) ++i;
    if (i >= n) return n;
    c = cls(i);
    if (c == kSSContinue) {  // SB8a ... x SContinue; it chains into rule 998
      ++i;
      continue;
    }
    if (c == kSATerm || c == kSSTerm) continue;  // SB8a ... x (STerm | ATerm): a new terminator
    if (c == kSCR) {  // SB9-SB11: ParaSep (CR LF via SB3) ends the sentence
      ++i;
      return i < n && p[i] == '\n' ? i + 1 : i;
    }
    if (c == kSLF) return i + 1;
    if (aterm) {
      // SB8 ATerm Close* Sp* x NotLetters* Lower: look ahead over non-letters
      // for a lowercase letter ("etc. and", "e.g. 5 apples"). The match
      // continues from that letter; otherwise the boundary is here, and the
      // next sentence starts with the bytes just looked at.
      size_t j = i;
      while (j < n && (Bit(cls(j)) & kSNotLetters)) ++j;
      if (j < n && cls(j) == kSLower) {
        i = j + 1;
        continue;
      }
    }
    return i;  // SB11: break after ATerm/STerm Close* Sp*
  }
}

}  // namespace

bool AsciiBreaksApply(std::string_view text) {
  const char* p = text.data();
  size_t n = text.size();
  size_t i = 0;
  // Eight bytes at a time: any byte with its top bit set is not ASCII.
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  uint8_t any = 0;
  for (; i < n; ++i) any |= static_cast<uint8_t>(p[i]);
  return (any & 0x80) == 0;
}

void AsciiWordBreaks(std::string_view text, std::vector<WordBreak>* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    uint8_t c = kWordClass[p[i]];
    int32_t status = kStatusNone;
    if (c & kWWordChar) {
      // A word: letters, digits and '_' joined by word.txt rules 5-13b,
      // chained. The status is that of the rule ending at the last byte
      // (ICU's getRuleStatus() at the boundary): 200 after a letter
      // ("$ALetterPlus {200}", WB5-7, WB10, WB13b), 100 after a digit
      // ("$Numeric {100}", WB8, WB9, WB11, WB13b), and after '_' 100 if a
      // digit precedes it, else 200 (WB13a); a lone '_' only matches rule
      // 999 (".") and has none.
      status = c == kWLetter ? kStatusLetter : c == kWNumeric ? kStatusNumber : kStatusNone;
      uint8_t prev = c;
      ++i;
      while (i < n) {
        uint8_t d = kWordClass[p[i]];
        if (d == kWLetter) {  // WB5, WB10, WB13b
          status = kStatusLetter;
        } else if (d == kWNumeric) {  // WB8, WB9, WB13b
          status = kStatusNumber;
        } else if (d == kWExtendNumLet) {  // WB13a
          status = prev == kWNumeric ? kStatusNumber : kStatusLetter;
        } else if ((d & (kWMidLetter | kWMidNum)) && i + 1 < n) {
          // One-byte look-ahead past the middle character.
          uint8_t e = kWordClass[p[i + 1]];
          if (prev == kWLetter && (d & kWMidLetter) && e == kWLetter) {
            status = kStatusLetter;  // WB6/WB7: "we're", "U.S"
          } else if (prev == kWNumeric && (d & kWMidNum) && e == kWNumeric) {
            status = kStatusNumber;  // WB11/WB12: "1.5", "1,000"
          } else {
            break;
          }
          d = e;
          ++i;
        } else {
          break;  // WB999: break everywhere else
        }
        prev = d;
        ++i;
      }
    } else if (c == kWSpace) {
      // WB3d: WSegSpace x WSegSpace (a run of U+0020, not tabs).
      do ++i;
      while (i < n && p[i] == ' ');
    } else if (c == kWCR) {
      // WB3: CR x LF.
      ++i;
      if (i < n && p[i] == '\n') ++i;
    } else {
      // WB3a/b (LF, Newline) and WB999: everything else is one byte,
      // status 0. (ASCII has no Extend/Format/ZWJ for WB4 to attach.)
      ++i;
    }
    out->push_back({static_cast<uint32_t>(i), status});
  }
}

void AsciiSentenceBreaks(std::string_view text, std::vector<uint32_t>* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    i = SentenceEnd(p, n, i);
    out->push_back(static_cast<uint32_t>(i));
  }
}

}  // namespace amends
