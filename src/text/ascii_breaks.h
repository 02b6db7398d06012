// Word and sentence boundaries of pure-ASCII text without ICU.
//
// The segmenter (segmenter.cc) cuts text with ICU's English word and
// sentence BreakIterators, and that iteration is a large share of the run
// time although nearly all input is plain ASCII. These functions give, for
// ASCII text, exactly what those iterators give: the same boundaries and,
// for words, the same getRuleStatus() value, as the rules of ICU 72
// (data/brkitr/rules/word.txt and sent.txt, UAX #29 with ICU's tailorings)
// decide them. "Exactly" is checked by ascii_breaks_test.cc and
// fuzz/ascii_breaks_fuzzer.cc against the installed ICU; if ICU's rules
// change, those fail and the fast path must follow.
//
// Positions are byte offsets into the text, which for ASCII are also the
// UTF-8 offsets the segmenter gets from ICU through utext_openUTF8.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace amends {

// Whether AsciiWordBreaks and AsciiSentenceBreaks apply to `text`: true when
// every byte is ASCII (0x00..0x7F). Otherwise the caller must use ICU.
bool AsciiBreaksApply(std::string_view text);

// One word-break segment: it runs from the previous segment's end (0 for the
// first) to `end`, and `status` is what icu::BreakIterator::getRuleStatus()
// returns at `end`: UBRK_WORD_NONE (0) for spaces, punctuation and symbols,
// UBRK_WORD_NUMBER (100) for a segment ending in a digit (or "1_"),
// UBRK_WORD_LETTER (200) for one ending in a letter or '@' (or "a_", "__").
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

}  // namespace amends
