// Word and sentence breaks without ICU (PlainBreaks, src/text/ascii_breaks.h)
// against ICU: for every input they apply to (ASCII, with the eight accepted
// typographic characters ‘ ’ “ ” … – — and U+00A0, and emoji sequences), the
// boundaries and word rule statuses must be exactly ICU's, as segmenter.cc
// computes them. Input: the text itself. Inputs PlainBreaks leaves to ICU
// are skipped (the seeds in fuzz/seeds/ascii_breaks/ hold the accepted
// characters and emoji, for the fuzzer to splice).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

#include "text/ascii_breaks.h"
#include "text/icu_breaks.h"

namespace {

void Differ(const char* what, std::string_view text) {
  std::fprintf(stderr, "ascii_breaks: %s differ from ICU for %zu bytes:\n", what, text.size());
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7F && c != '\\') std::fputc(c, stderr);
    else std::fprintf(stderr, "\\x%02X", c);
  }
  std::fputc('\n', stderr);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<WordBreak> want_words, got_words;
  std::vector<uint32_t> want_sentences, got_sentences;
  if (!PlainBreaks(text, &got_words, &got_sentences)) return 0;
  static IcuBreaker icu;
  icu.Breaks(text, &want_words, &want_sentences);
  if (got_words != want_words) Differ("word breaks", text);
  if (got_sentences != want_sentences) Differ("sentence breaks", text);
  return 0;
}
