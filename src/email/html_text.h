// Email stage: an HTML body to the text a reader sees, with paragraph and
// line breaks kept, and the spans that mail clients mark as quoted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "email/strip.h"

namespace amends::email {

struct HtmlText {
  std::string text;  // UTF-8, "\n" line ends, a blank line between paragraphs
  // Byte ranges of `text` inside quote markup: <blockquote>, Gmail's
  // gmail_quote, Thunderbird's moz-cite-prefix, Outlook's divRplyFwdMsg and
  // OLK_SRC_BODY_SECTION, Yahoo's yahoo_quoted, and everything after an <hr>
  // (Outlook, Hotmail and Zimbra put the quoted thread below one); signature
  // markup (gmail_signature, moz-signature) too. Sorted, not overlapping.
  std::vector<Stripped> marked;
  bool simplified = false;  // nested too deep for a tree: tags were just dropped
};

// `html` must be UTF-8. Never fails; hostile nesting falls back to a flat
// tag-stripping pass (no recursion anywhere).
HtmlText HtmlToText(std::string_view html);

}  // namespace amends::email
