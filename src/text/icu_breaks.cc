#include "text/icu_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <stdexcept>
#include <string>

namespace amends {

IcuBreaker::IcuBreaker() {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  sentences_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !words_ || !sentences_)
    throw std::runtime_error(std::string("ICU break iterators unavailable: ") +
                             u_errorName(status));
}

IcuBreaker::~IcuBreaker() = default;

void IcuBreaker::Breaks(std::string_view text, std::vector<WordBreak>* words,
                        std::vector<uint32_t>* sentences) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("utext_openUTF8 failed");
  words_->setText(ut, status);
  words_->first();
  for (int32_t pos = words_->next(); pos != icu::BreakIterator::DONE; pos = words_->next())
    words->push_back({static_cast<uint32_t>(pos), words_->getRuleStatus()});
  sentences_->setText(ut, status);
  sentences_->first();
  for (int32_t pos = sentences_->next(); pos != icu::BreakIterator::DONE; pos = sentences_->next())
    sentences->push_back(static_cast<uint32_t>(pos));
  utext_close(ut);
}

}  // namespace amends
