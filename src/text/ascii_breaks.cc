// ICU's English word and sentence breaks for ASCII text with a few
// typographic characters (see ascii_breaks.h).
//
// ICU's rules (ICU 72, data/brkitr/rules/word.txt and sent.txt) are regular
// expressions over character classes that "chain": a rule may start on the
// last character of the rule before it, and a boundary falls where the
// longest chain of matches ends. Restricted to ASCII and the accepted
// characters the classes are few and the rules collapse to the small
// scanners below; each branch names the UAX #29 rule (WBn / SBn) and ICU rule
// it implements.
//
// The accepted non-ASCII characters, their UTF-8, and their Word_Break and
// Sentence_Break values in ICU 72 (which word.txt and sent.txt use
// untailored for all of them):
//
//   U+2018 ‘  E2 80 98   MidNumLet   Close
//   U+2019 ’  E2 80 99   MidNumLet   Close
//   U+201C “  E2 80 9C   Other       Close
//   U+201D ”  E2 80 9D   Other       Close
//   U+2026 …  E2 80 A6   Other       Other
//   U+2013 –  E2 80 93   Other       SContinue
//   U+2014 —  E2 80 94   Other       SContinue
//   U+00A0    C2 A0      Other       Sp   (no-break space; not WSegSpace)
//
// Each has a class that some ASCII character already has (MidNumLet like
// '.', Close like '"', SContinue like '-', Sp like '\t', Other like '#'), so
// the scanners are the ASCII ones, stepping over a whole character wherever
// it may be one of these. In accepted text the lead byte C2 is always
// U+00A0, the lead byte E2 is always E2 80 xx, and each final byte xx (and
// A0) occurs nowhere else. So the class tables are indexed by the byte for
// ASCII and C2, and by the final byte for E2 (the scanners look there where
// a character's class matters); a character's class is also that of its
// last byte, for looking back.
#include "text/ascii_breaks.h"

#include <unicode/uchar.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <string>

#include "util/utf8.h"

// What follows restates ICU 72's break rules (Debian 12's ICU). Another
// major version may cut text differently: run ascii_breaks_test and
// fuzz/ascii_breaks_fuzzer against it, follow any change, then move this.
static_assert(U_ICU_VERSION_MAJOR_NUM == 72,
              "ascii_breaks.cc restates ICU 72's break rules: check it against this ICU");

namespace amends {
namespace {

// The UTF-8 final bytes of the accepted E2 80 xx characters.
constexpr uint8_t kLsquo = 0x98;                        // U+2018 ‘
constexpr uint8_t kRsquo = 0x99;                        // U+2019 ’
constexpr uint8_t kLdquo = 0x9C;                        // U+201C “
constexpr uint8_t kRdquo = 0x9D;                        // U+201D ”
constexpr uint8_t kHellip = 0xA6;                       // U+2026 …
constexpr uint8_t kNdash = 0x93;                        // U+2013 –
constexpr uint8_t kMdash = 0x94;                        // U+2014 —
constexpr uint8_t kNbspLead = 0xC2, kNbspFinal = 0xA0;  // U+00A0: C2 A0
constexpr uint8_t kLead3 = 0xE2, kMid3 = 0x80;          // E2 80 xx

// ---------------------------------------------------------------------------
// Word break classes (Word_Break property values, as ICU's word.txt uses
// them). The word-forming ones are bit flags, so a branch can test several at
// once; kWSpace, kWCR, kWLead2 and kWLead3 are tested whole, and the last
// three share the bit kWRare so that the scanner's common path tests them
// once.
enum : uint8_t {
  kWOther = 0,         // everything else: one segment per character, status 0
  kWLetter = 1,        // ALetter: A-Z a-z, and '@' (see below)
  kWNumeric = 2,       // Numeric: 0-9
  kWExtendNumLet = 4,  // ExtendNumLet: _
  kWMidLetter = 8,     // may join letters (WB6/WB7): MidNumLet . ‘ ’, Single_Quote '
  kWMidNum = 16,     // may join digits (WB11/WB12): MidNum , ;  MidNumLet . ‘ ’, Single_Quote '
  kWSpace = 32,      // WSegSpace: U+0020 only (not tab, not U+00A0)
  kWRare = 64,       // CR or a non-ASCII lead byte: one branch, off the common path
  kWNonAscii = 128,  // a non-ASCII lead byte
  kWCR = kWRare,     // CR (LF and Newline \v \f are single-byte segments, like Other)
  // The lead byte C2 of U+00A0, which is Other.
  kWLead2 = kWRare | kWNonAscii,
  // The lead byte E2 of E2 80 xx: ‘ ’ (MidNumLet) or “ ” … – — (Other); the
  // final byte xx has the class. It carries the MidNumLet bits so that a
  // word's scan looks at it where it looks at '.'.
  kWLead3 = kWRare | kWNonAscii | kWMidLetter | kWMidNum,
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
  // ‘ ’ are MidNumLet like '.': "I’m", "3’5" are one word. “ ” … – — and
  // U+00A0 are Other (U+00A0 is not WSegSpace, so WB3d does not join it to
  // spaces).
  t[kNbspLead] = kWLead2;
  t[kLead3] = kWLead3;
  t[kLsquo] = kWMidLetter | kWMidNum;
  t[kRsquo] = kWMidLetter | kWMidNum;
  return t;
}
constexpr std::array<uint8_t, 256> kWordClass = MakeWordClasses();

// Rule status values (UBRK_WORD_NONE, UBRK_WORD_NUMBER, UBRK_WORD_LETTER).
constexpr int32_t kStatusNone = 0;
constexpr int32_t kStatusNumber = 100;
constexpr int32_t kStatusLetter = 200;

// ---------------------------------------------------------------------------
// Sentence break classes (Sentence_Break property values).
enum : uint8_t {
  kSOther,      // control bytes other than below, ; # $ % & * + / < = > @ \ ^ _ ` | ~ DEL, …
  kSUpper,      // A-Z
  kSLower,      // a-z
  kSNumeric,    // 0-9
  kSATerm,      // .
  kSSTerm,      // ! ?
  kSClose,      // " ' ( ) [ ] { } ‘ ’ “ ”
  kSSp,         // \t \v \f space U+00A0
  kSSContinue,  // , - : – —
  kSCR,         // \r
  kSLF,         // \n
  kSLead3,      // byte E2 of E2 80 xx: Close, SContinue or Other, as the final byte xx
};
constexpr uint32_t Bit(uint8_t c) { return 1u << c; }
// What ends the body of a sentence (sent.txt rule 998's "any character"
// run): a terminator or a paragraph separator.
constexpr uint32_t kSBodyStop = Bit(kSATerm) | Bit(kSSTerm) | Bit(kSCR) | Bit(kSLF);
// sent.txt's $NotLettersEx (SB8): [^OLetter Upper Lower Sep CR LF ATerm STerm].
// E2 80 xx is always one of these, and so is each of its bytes.
constexpr uint32_t kSNotLetters =
    Bit(kSOther) | Bit(kSNumeric) | Bit(kSClose) | Bit(kSSp) | Bit(kSSContinue) | Bit(kSLead3);

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
  // The accepted non-ASCII characters: U+00A0 by both its bytes C2 and A0
  // (so a loop over Sp may go byte by byte), E2 80 xx by its final byte xx
  // (the middle byte 80 stays Other). U+2026 … is Other, not ATerm (only
  // U+2024 ONE DOT LEADER is): "wait… what" has no sentence break.
  t[kLead3] = kSLead3;
  t[kNbspLead] = kSSp;
  t[kNbspFinal] = kSSp;
  t[kLsquo] = kSClose;
  t[kRsquo] = kSClose;
  t[kLdquo] = kSClose;
  t[kRdquo] = kSClose;
  t[kNdash] = kSSContinue;
  t[kMdash] = kSSContinue;
  t[kHellip] = kSOther;
  return t;
}
constexpr std::array<uint8_t, 256> kSentenceClass = MakeSentenceClasses();

// The bytes of kSBodyStop classes, for the tight loop over a sentence body.
// All of them are ASCII, and no byte of an accepted non-ASCII character is
// one, so the loop may go byte by byte.
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
  size_t i = start;
  for (;;) {
    // Body (rule 998: [^STerm ATerm Close Sp Sep LF CR]|{bof}, then
    // (Close|Sp)* any char, chained): everything up to a terminator or a
    // paragraph separator.
    while (i < n && !kSBodyStopByte[p[i]]) ++i;
    if (i >= n) return n;
    uint8_t c = kSentenceClass[p[i]];
    if (c == kSCR) {  // SB3 CR x LF; SB4 break after ParaSep
      ++i;
      return i < n && p[i] == '\n' ? i + 1 : i;
    }
    if (c == kSLF) return i + 1;  // SB4

    // A terminator at i.
    const bool aterm = c == kSATerm;
    // SB7 (Upper | Lower) ATerm x Upper: only with a letter right before,
    // inside this sentence. (The byte before is the last byte of the
    // character before, which has that character's class.)
    const bool after_letter =
        i > start && (kSentenceClass[p[i - 1]] == kSUpper || kSentenceClass[p[i - 1]] == kSLower);
    ++i;
    if (i >= n) return n;
    c = kSentenceClass[p[i]];
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
    // SB9/SB10: Close* then Sp* stay with the terminator. ASCII Close goes
    // byte by byte, ‘ ’ “ ” (an E2 with a Close final byte) three at a time;
    // U+00A0 is Sp by both its bytes.
    for (;;) {
      while (i < n && (c = kSentenceClass[p[i]]) == kSClose) ++i;
      if (i >= n || c != kSLead3 || kSentenceClass[p[i + 2]] != kSClose) break;
      i += 3;
    }
    while (i < n && (c = kSentenceClass[p[i]]) == kSSp) ++i;
    if (i >= n) return n;
    if (c == kSLead3) c = kSentenceClass[p[i + 2]];  // – — SContinue, … Other
    if (c == kSSContinue) {  // SB8a ... x SContinue (, - : – —); it chains into rule 998
      i += p[i] == kLead3 ? 3 : 1;
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
      // next sentence starts with the bytes just looked at. Every byte of an
      // accepted non-ASCII character is NotLetters, as the character is, so
      // this may go byte by byte.
      size_t j = i;
      while (j < n && (Bit(kSentenceClass[p[j]]) & kSNotLetters)) ++j;
      if (j < n && kSentenceClass[p[j]] == kSLower) {
        i = j + 1;
        continue;
      }
    }
    return i;  // SB11: break after ATerm/STerm Close* Sp*
  }
}

// The top bit of each of eight bytes: set only in non-ASCII bytes.
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// Whether the three bytes at p are one of the accepted E2 80 xx characters.
inline bool AcceptedLead3(const unsigned char* p) {
  if (p[1] != kMid3) return false;
  switch (p[2]) {
    case kLsquo:
    case kRsquo:
    case kLdquo:
    case kRdquo:
    case kHellip:
    case kNdash:
    case kMdash:
      return true;
    default:
      return false;
  }
}

// AsciiBreaksApply from byte i on, where a character starts: each
// non-ASCII byte must start one of the accepted characters, whole. Matching
// the exact bytes also rejects any ill-formed UTF-8 (a stray continuation
// byte, a truncated sequence).
[[gnu::noinline]] bool AcceptedFrom(const unsigned char* p, size_t n, size_t i) {
  for (;;) {
    // Eight ASCII bytes at a time, then byte by byte up to the first
    // non-ASCII byte or the end.
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & kHighBits) break;
    }
    while (i < n && p[i] < 0x80) ++i;
    if (i == n) return true;
    if (p[i] == kNbspLead && i + 1 < n && p[i + 1] == kNbspFinal) {
      i += 2;
    } else if (p[i] == kLead3 && i + 2 < n && AcceptedLead3(p + i)) {
      i += 3;
    } else {
      return false;
    }
  }
}

}  // namespace

bool AsciiBreaksApply(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // Pure ASCII, the common case: eight bytes at a time, any byte with its top
  // bit set is not ASCII. The rest: the last eight bytes (overlapping ASCII
  // ones already seen), or the bytes of a shorter text or-ed together.
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & kHighBits) return AcceptedFrom(p, n, i);
  }
  if (i == n) return true;
  uint64_t tail = 0;
  if (n >= 8) {
    std::memcpy(&tail, p + n - 8, 8);
  } else {
    for (size_t k = 0; k < n; ++k) tail |= p[k];
  }
  return (tail & kHighBits) == 0 || AcceptedFrom(p, n, i);
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
        } else if (d & (kWMidLetter | kWMidNum)) {
          // A middle character ('.', '\'', ',', ';', or maybe ‘ ’ at a byte
          // E2) joins only what is on both sides: one-character look-ahead
          // past it, to a letter or digit (ASCII, so one byte).
          size_t mid = 1;
          if (d & kWNonAscii) {  // E2 80 xx: ‘ ’ MidNumLet, “ ” … – — Other
            d = kWordClass[p[i + 2]];
            mid = 3;
          }
          if (i + mid >= n) break;  // WB999
          uint8_t e = kWordClass[p[i + mid]];
          if (prev == kWLetter && (d & kWMidLetter) && e == kWLetter) {
            status = kStatusLetter;  // WB6/WB7: "we're", "U.S", "I’m"
          } else if (prev == kWNumeric && (d & kWMidNum) && e == kWNumeric) {
            status = kStatusNumber;  // WB11/WB12: "1.5", "1,000", "3’5"
          } else {
            break;  // WB999: break everywhere else
          }
          d = e;
          i += mid;
        } else {
          break;  // WB999
        }
        prev = d;
        ++i;
      }
    } else if (c == kWSpace) {
      // WB3d: WSegSpace x WSegSpace (a run of U+0020, not tabs nor U+00A0).
      do ++i;
      while (i < n && p[i] == ' ');
    } else if (c & kWRare) [[unlikely]] {  // CR or a non-ASCII lead byte
      if (c == kWCR) {
        // WB3: CR x LF.
        ++i;
        if (i < n && p[i] == '\n') ++i;
      } else {
        // An accepted non-ASCII character not in a word (a ‘ ’ that joins
        // nothing, or “ ” … – — U+00A0): WB999, one character, status 0.
        i += c == kWLead3 ? 3 : 2;
      }
    } else {
      // WB3a/b (LF, Newline) and WB999: everything else is one byte, status
      // 0. (None of the accepted characters is Extend/Format/ZWJ for WB4 to
      // attach.)
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

// ---------------------------------------------------------------------------
// Emoji sequences (PlainBreaks).

// Extended_Pictographic characters that are Word_Break and Sentence_Break
// Other (ICU 72): the pictographs of U+2000..U+2FFF and U+1F000..U+1FFFF,
// without the regional indicators U+1F1E6..U+1F1FF (flags pair up by rules
// of their own) and the skin tones (Word_Break Extend).
constexpr CodePointRange kEmojiRangeTable[] = {
    {0x2122, 0x2122},   {0x2194, 0x2199},   {0x21A9, 0x21AA},   {0x231A, 0x231B},
    {0x2328, 0x2328},   {0x2388, 0x2388},   {0x23CF, 0x23CF},   {0x23E9, 0x23F3},
    {0x23F8, 0x23FA},   {0x25AA, 0x25AB},   {0x25B6, 0x25B6},   {0x25C0, 0x25C0},
    {0x25FB, 0x25FE},   {0x2600, 0x2605},   {0x2607, 0x2612},   {0x2614, 0x2685},
    {0x2690, 0x2705},   {0x2708, 0x2712},   {0x2714, 0x2714},   {0x2716, 0x2716},
    {0x271D, 0x271D},   {0x2721, 0x2721},   {0x2728, 0x2728},   {0x2733, 0x2734},
    {0x2744, 0x2744},   {0x2747, 0x2747},   {0x274C, 0x274C},   {0x274E, 0x274E},
    {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2763, 0x2767},   {0x2795, 0x2797},
    {0x27A1, 0x27A1},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2934, 0x2935},
    {0x2B05, 0x2B07},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F}, {0x1F12F, 0x1F12F}, {0x1F16C, 0x1F16F},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1E5}, {0x1F201, 0x1F20F},
    {0x1F21A, 0x1F21A}, {0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A}, {0x1F23C, 0x1F23F},
    {0x1F249, 0x1F3FA}, {0x1F400, 0x1F53D}, {0x1F546, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F774, 0x1F77F}, {0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F}, {0x1F848, 0x1F84F},
    {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF}, {0x1F90C, 0x1F93A},
    {0x1F93C, 0x1F945}, {0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
};

namespace {

// The code point of the multi-byte UTF-8 character at p[i] and its length;
// 0 when there is none (an ASCII byte, or not well-formed UTF-8).
char32_t DecodeAt(const unsigned char* p, size_t n, size_t i, size_t* length) {
  *length = static_cast<size_t>(Utf8SequenceLength(p[i]));
  if (*length < 2 || *length > n - i) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(p + i), *length);
  if (FindInvalidUtf8(bytes) != kValidUtf8) return 0;
  size_t pos = 0;
  return DecodeUtf8(bytes, &pos);
}

bool IsEmoji(char32_t c) {
  const CodePointRange* end = kEmojiRangeTable + std::size(kEmojiRangeTable);
  const CodePointRange* r = std::lower_bound(
      kEmojiRangeTable, end, c, [](const CodePointRange& r, char32_t c) { return r.last < c; });
  return r != end && r->first <= c;
}

// The length in bytes of the emoji sequence at p[i], or 0 when none starts
// there.
size_t EmojiSequenceAt(const unsigned char* p, size_t n, size_t i) {
  size_t length = 0;
  if (!IsEmoji(DecodeAt(p, n, i, &length))) return 0;
  size_t end = i + length;
  while (end < n) {
    char32_t c = DecodeAt(p, n, end, &length);
    if (c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF)) {
      end += length;
    } else if (c == 0x200D) {
      size_t next = 0;
      if (end + length >= n || !IsEmoji(DecodeAt(p, n, end + length, &next))) break;
      end += length + next;
    } else {
      break;
    }
  }
  return end - i;
}

// An ASCII character that ICU's word and sentence rules treat as they
// treat `c`, for c in Latin-1 Supplement, Latin Extended-A and -B
// (U+00A1..U+024F) and U+2000..U+2BFF (punctuation, currency, letterlike
// symbols, arrows, pictographs): its Word_Break and Sentence_Break pair, as
// ICU reports it, is one an ASCII character has. 0 when it has none, or
// `c` lies elsewhere: scripts outside these ranges have classes and
// dictionaries of their own. In these ranges ICU's rules tailor no
// character (word.txt takes U+FE55 and U+FF1A out of MidLetter, far from
// them), and a pictograph is Other unless a ZWJ precedes it, which only an
// emoji sequence may hold.
char AsciiStandIn(char32_t c) {
  if (!((c >= 0xA1 && c <= 0x24F) || (c >= 0x2000 && c <= 0x2BFF))) return 0;
  const auto cp = static_cast<UChar32>(c);
  const int32_t wb = u_getIntPropertyValue(cp, UCHAR_WORD_BREAK);
  const int32_t sb = u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK);
  if (wb == U_WB_ALETTER) return sb == U_SB_LOWER ? 'a' : sb == U_SB_UPPER ? 'A' : 0;
  if (wb == U_WB_WSEGSPACE) return sb == U_SB_SP ? ' ' : 0;
  if (wb == U_WB_NUMERIC) return sb == U_SB_NUMERIC ? '0' : 0;
  if (wb != U_WB_OTHER) return 0;
  switch (sb) {
    case U_SB_OTHER:
      return '#';
    case U_SB_CLOSE:
      return '(';
    case U_SB_STERM:
      return '!';
    case U_SB_SCONTINUE:
      return '-';
    case U_SB_SP:
      return '\t';
    default:
      return 0;
  }
}

// Scratch of PlainBreaks, per thread: the text with each emoji sequence
// and each other character it takes replaced by its ASCII stand-in.
struct StandInText {
  std::string text;              // emoji sequences as '#', 'é' as 'a'…
  std::vector<uint32_t> origin;  // per byte of text, and its end: the offset in the original
  std::vector<WordBreak> words;
  std::vector<uint32_t> sentences;
};

}  // namespace

std::span<const CodePointRange> EmojiRanges() { return kEmojiRangeTable; }

bool PlainBreaks(std::string_view text, std::vector<WordBreak>* words,
                 std::vector<uint32_t>* sentences) {
  if (AsciiBreaksApply(text)) {
    AsciiWordBreaks(text, words);
    AsciiSentenceBreaks(text, sentences);
    return true;
  }
  // The text with each emoji sequence replaced by '#', and where each of
  // its bytes came from; the other bytes are copied.
  thread_local StandInText s;
  s.text.clear();
  s.origin.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  bool any = false;
  auto stand_in = [&](char c, size_t i, size_t length) {
    s.text.push_back(c);
    s.origin.push_back(static_cast<uint32_t>(i));
    any = true;
    return i + length;
  };
  auto copy = [&](size_t i, size_t length) {
    for (size_t k = 0; k < length; ++k) {
      s.text.push_back(static_cast<char>(p[i + k]));
      s.origin.push_back(static_cast<uint32_t>(i + k));
    }
    return i + length;
  };
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      i = copy(i, 1);
    } else if (p[i] == kNbspLead && i + 1 < n && p[i + 1] == kNbspFinal) {
      i = copy(i, 2);  // the accepted characters stay as they are
    } else if (p[i] == kLead3 && i + 2 < n && AcceptedLead3(p + i)) {
      i = copy(i, 3);
    } else if (size_t k = p[i] >= 0xE0 ? EmojiSequenceAt(p, n, i) : 0) {
      i = stand_in('#', i, k);
    } else {
      size_t length = 0;
      char32_t c = DecodeAt(p, n, i, &length);
      char ascii = c ? AsciiStandIn(c) : 0;
      if (!ascii) return false;
      i = stand_in(ascii, i, length);
    }
  }
  if (!any || !AsciiBreaksApply(s.text)) return false;
  s.origin.push_back(static_cast<uint32_t>(n));
  s.words.clear();
  s.sentences.clear();
  AsciiWordBreaks(s.text, &s.words);
  AsciiSentenceBreaks(s.text, &s.sentences);
  for (const WordBreak& b : s.words) words->push_back({s.origin[b.end], b.status});
  for (uint32_t b : s.sentences) sentences->push_back(s.origin[b]);
  return true;
}

}  // namespace amends
