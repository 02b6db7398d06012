// Word and sentence boundaries of ASCII text (with a few typographic
// characters, Latin letters, symbols and emoji) without ICU's break
// iterators.
//
// The segmenter (segmenter.cc) cuts text with ICU's English word and
// sentence BreakIterators, and that iteration is a large share of the run
// time although nearly all input is plain ASCII or ASCII with a few curly
// quotes and dashes, and much of the rest differs only by emoji. These functions give, for such
// text, exactly what those iterators give: the same boundaries and, for words, the same
// getRuleStatus() value, as the rules of ICU 72 (data/brkitr/rules/word.txt
// and sent.txt, UAX #29 with ICU's tailorings) decide them. "Exactly" is
// checked by ascii_breaks_test.cc and fuzz/ascii_breaks_fuzzer.cc against
// the installed ICU; if ICU's rules or these characters' properties change,
// those fail and the fast path must follow.
//
// Positions are byte offsets into the UTF-8 text, the offsets the segmenter
// gets from ICU through utext_openUTF8; a boundary never falls inside a
// multi-byte character.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace amends {

// Whether AsciiWordBreaks and AsciiSentenceBreaks apply to `text`: true when
// every character is ASCII (bytes 0x00..0x7F) or one of these eight, each
// as its exact UTF-8 bytes:
//   U+2018 LEFT SINGLE QUOTATION MARK   (E2 80 98)
//   U+2019 RIGHT SINGLE QUOTATION MARK  (E2 80 99)
//   U+201C LEFT DOUBLE QUOTATION MARK   (E2 80 9C)
//   U+201D RIGHT DOUBLE QUOTATION MARK  (E2 80 9D)
//   U+2026 HORIZONTAL ELLIPSIS          (E2 80 A6)
//   U+2013 EN DASH                      (E2 80 93)
//   U+2014 EM DASH                      (E2 80 94)
//   U+00A0 NO-BREAK SPACE               (C2 A0)
// False for any other non-ASCII character, and for any non-ASCII byte that
// is not part of one of these sequences (so a text it accepts is well-formed
// UTF-8). Otherwise the caller must use ICU.
bool AsciiBreaksApply(std::string_view text);

// One word-break segment: it runs from the previous segment's end (0 for the
// first) to `end`, and `status` is what icu::BreakIterator::getRuleStatus()
// returns at `end`: UBRK_WORD_NONE (0) for spaces, punctuation and symbols
// (each of the eight characters above alone is one such segment),
// UBRK_WORD_NUMBER (100) for a segment ending in a digit (or "1_"),
// UBRK_WORD_LETTER (200) for one ending in a letter or '@' (or "a_", "__").
// Words may contain U+2018 and U+2019 as they may contain '.' and '\''
// ("I’m", "3’5"); U+00A0 is not joined to spaces.
struct WordBreak {
  uint32_t end;
  int32_t status;
  bool operator==(const WordBreak&) const = default;
};

// Appends to *out (which the caller clears) exactly the segments that ICU's
// English word break iterator (BreakIterator::createWordInstance(
// Locale::getEnglish())) gives for `text`, in order: the first starts at 0,
// the last ends at text.size(); no segment is empty. Empty text: nothing.
// Precondition: AsciiBreaksApply(text).
void AsciiWordBreaks(std::string_view text, std::vector<WordBreak>* out);

// Appends to *out exactly the boundaries that ICU's English sentence break
// iterator (BreakIterator::createSentenceInstance(Locale::getEnglish()), no
// "ss=standard" abbreviation suppressions) returns from next(): every
// boundary except the initial 0, ending with text.size(). Empty text:
// nothing. Precondition: AsciiBreaksApply(text).
void AsciiSentenceBreaks(std::string_view text, std::vector<uint32_t>* out);

// Word and sentence breaks without ICU, as AsciiWordBreaks and
// AsciiSentenceBreaks give them, for text AsciiBreaksApply accepts and also
// for text it would accept were each emoji sequence in it one '#' and each
// other character of U+00A1..U+024F and U+2000..U+2BFF an ASCII character
// of the same Word_Break and Sentence_Break classes ('é' as 'a', 'É' as
// 'A', '£' as '#', '«' as '('), where one has them. An emoji
// sequence is an Extended_Pictographic character of kEmojiRanges (below),
// then any number of U+FE0F (VARIATION SELECTOR-16), skin tone modifiers
// U+1F3FB..U+1F3FF, and U+200D (ZERO WIDTH JOINER) each directly followed
// by another such character: "😡", "❤️", "👍🏽", "👩‍💻". ICU's rules see
// one as '#' sees it: a single Other character for words (WB4 folds the
// modifiers into it and WB3c joins across the ZWJ; status 0) and for
// sentences (SB5 folds U+FE0F and U+200D, and a skin tone is Other too).
// ICU's rules depend on those classes only, in these ranges. Returns
// false, leaving *words and *sentences as they were, when the text holds
// anything else that is not ASCII: ICU must cut it then. (The classes are
// ICU's character properties, looked up per character; no break rules or
// dictionaries are loaded.) The output
// is as AsciiWordBreaks and AsciiSentenceBreaks document, appended.
bool PlainBreaks(std::string_view text, std::vector<WordBreak>* words,
                 std::vector<uint32_t>* sentences);

// The code points PlainBreaks takes as the characters of emoji sequences,
// as inclusive ranges in ascending order: every one is
// Extended_Pictographic, Word_Break Other and Sentence_Break Other in
// ICU 72 (ascii_breaks_test.cc checks each against the installed ICU).
struct CodePointRange {
  char32_t first, last;
};
std::span<const CodePointRange> EmojiRanges();

}  // namespace amends
