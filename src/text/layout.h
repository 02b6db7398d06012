// Text stage: the layout of a draft, found on the words and sentences the
// segmenter cut (Segmenter::Segment calls FindLayout). Each part fills its
// fields of Document and no other; the parts run in the order below, since
// the greeting follows the handles and the body follows the greeting.
#pragma once

#include <cstddef>
#include <cstdint>

#include "text/document.h"

namespace amends {

// Every part, in order: quoted passages, handles, greeting, the body's
// first sentence, sign-off.
void FindLayout(Document& doc);

namespace layout {

// Quoted passages: "> " lines, and double quotes paired within a paragraph
// (at most 600 bytes apart); fills quoted and quoted_reach.
void FindQuoted(Document& doc);

// Where the text goes on after the leading "@handle" mentions (also
// ".@handle"), which it puts in doc.handles.
struct AfterHandles {
  size_t token;  // the first token that is not a handle or a space
  uint32_t end;  // the byte offset where the handles end (doc.begin: none)
};
AfterHandles FindHandles(Document& doc);

// The greeting from `after.token` on: a greeting word ("Hi", "Dear", "Good
// morning"), then up to five words until the first , . ! : ; - ? or line
// end; fills greeting, greeting_name and greeting_name_span. Returns where
// the body starts: the greeting's end, or after.end when there is none.
uint32_t FindGreeting(Document& doc, AfterHandles after);

// doc.body_first_sentence: the first sentence with a word at or after
// `body_start`.
void FindBodyStart(Document& doc, uint32_t body_start);

// doc.signoff: agent initials ending a social reply ("^JB", "*AFM",
// "-Mike", a link after them allowed), else an email's closing line
// ("Best regards,") among the last three non-empty lines, to the end.
void FindSignoff(Document& doc);

}  // namespace layout
}  // namespace amends
