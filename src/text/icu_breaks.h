// ICU's English word and sentence boundaries: what the segmenter uses for
// text that is not plain ASCII, and the reference ascii_breaks.h follows.
#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "text/ascii_breaks.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace amends {

// Holds ICU's English word and sentence break iterators. Creating one loads
// ICU's rule tables (costly); breaking text is cheap. Not thread-safe: keep
// one per thread.
class IcuBreaker {
 public:
  // Throws std::runtime_error when ICU's break data is unavailable.
  IcuBreaker();
  ~IcuBreaker();
  IcuBreaker(const IcuBreaker&) = delete;
  IcuBreaker& operator=(const IcuBreaker&) = delete;

  // Appends the boundaries of `text` (well-formed UTF-8; positions are byte
  // offsets): each word-break segment's end with its rule status, and each
  // sentence's end, in order, as AsciiWordBreaks and AsciiSentenceBreaks
  // give them for ASCII.
  void Breaks(std::string_view text, std::vector<WordBreak>* words,
              std::vector<uint32_t>* sentences);

 private:
  std::unique_ptr<icu::BreakIterator> words_;
  std::unique_ptr<icu::BreakIterator> sentences_;
};

}  // namespace amends
