// Email stage: what in a reply body the agent did not write (the quoted
// thread, the attribution line above it, forwarded headers, signatures), as
// byte ranges of the body, and the quoted customer message they hide.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace amends::email {

enum class StripKind {
  kQuote,        // "> " lines, or quote markup in HTML
  kAttribution,  // "On … wrote:" above a quote
  kForwarded,    // "-----Original Message-----", "From: … Sent: …" and all below
  kSignature,    // after "-- ", "Sent from my iPhone" and the like
};
const char* StripKindName(StripKind kind);

struct Stripped {
  uint32_t start = 0;  // byte offsets into the body, end exclusive
  uint32_t end = 0;
  StripKind kind = StripKind::kQuote;
};

struct StripResult {
  std::vector<Stripped> stripped;  // sorted by start, not overlapping
  std::string quoted;              // the quoted thread's text, '>' markers removed
  std::string quoted_from;         // a name from "On …, NAME <addr> wrote:" or "From: NAME"
};

// Finds what to strip in `body` ("\n" line ends). `marked` are ranges the
// HTML converter already knows are quotes or signatures; they are merged in.
// The quoted text is capped at `max_quoted` bytes.
StripResult FindStripped(std::string_view body, const std::vector<Stripped>& marked = {},
                         size_t max_quoted = 1u << 20);

// `body` with every stripped byte but '\n' turned into a space, so offsets
// into the result are offsets into the body; cut after the last kept byte.
std::string BlankStripped(std::string_view body, const std::vector<Stripped>& stripped);

}  // namespace amends::email
