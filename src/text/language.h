// Text stage: which language a draft is written in, so that a reply in
// Spanish is not graded by English rules as if it were a bad English one.
// The guess is Compact Language Detector 2's (Debian's libcld2), which is
// pure code over static tables: safe to call from many threads at once.
#pragma once

#include <string>
#include <string_view>

namespace amends {

struct LanguageGuess {
  std::string code = "un";       // ISO 639-1 where there is one ("es"), "un": unknown
  std::string name = "Unknown";  // "Spanish"
  int confidence = 0;            // percent of the text's letters in that language (0: not
                                 // measured, plainly English from its common words)
  bool reliable = false;         // CLD2's own judgement that the text was enough
  bool english = true;           // false only when confidently another language
};

// Guesses the language of `text` (well-formed UTF-8). Reads at most the
// first kLanguageSampleBytes bytes: cost bounded whatever the size.
//
// `english` is false only when the guess is reliable, names a language
// other than English for at least kNotEnglishConfidence percent of the
// letters, English has almost none of them, and there are enough letters
// to judge: a short English reply that greets in Spanish ("Hola María,")
// stays English.
LanguageGuess GuessLanguage(std::string_view text);

inline constexpr size_t kLanguageSampleBytes = 16 << 10;
inline constexpr int kNotEnglishConfidence = 80;

}  // namespace amends
