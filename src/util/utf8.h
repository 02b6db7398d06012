// UTF-8 helpers shared by every stage. All functions take bytes as given and
// never allocate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace amends {

inline constexpr size_t kValidUtf8 = static_cast<size_t>(-1);

// Returns the byte offset of the first byte that does not start a well-formed
// UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF
// are ill-formed), or kValidUtf8 when the whole input is well-formed.
size_t FindInvalidUtf8(std::string_view bytes);

// Whether every byte is ASCII (below 0x80): eight bytes at a time.
bool IsAscii(std::string_view bytes);

// Length in bytes of the sequence that starts with `lead` (1 for a byte that
// cannot start a sequence, so scanning always advances).
inline int Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Whether `c` continues a UTF-8 sequence (10xxxxxx) rather than starting one.
inline bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The longest prefix of `text` of at most `max` bytes that does not cut a
// UTF-8 sequence in two: `text` itself when it fits. Any bytes: a prefix
// of invalid UTF-8 is cut at a byte that is not a continuation byte.
inline std::string_view TruncateUtf8(std::string_view text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && IsUtf8Continuation(text[cut])) --cut;
  return text.substr(0, cut);
}

// Decodes the code point at `*pos` of well-formed UTF-8 and advances `*pos`.
char32_t DecodeUtf8(std::string_view bytes, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Replaces control characters (C0, DEL, C1, bidi overrides) with visible
// escapes such as "\x1b" or "\u202e", so hostile text cannot drive a terminal.
std::string EscapeControls(std::string_view utf8);

}  // namespace amends
