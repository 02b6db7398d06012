#include "lsp/positions.h"

#include <algorithm>

namespace amends::lsp {
namespace {

// UTF-16 code units of the UTF-8 sequence led by `b` (0 for a continuation
// byte, so summing over bytes counts each character once).
uint32_t Utf16Units(unsigned char b) {
  if ((b & 0xC0) == 0x80) return 0;
  return b >= 0xF0 ? 2 : 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(static_cast<uint32_t>(i + 1));
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

uint32_t LineIndex::LineEnd(size_t line) const {
  if (line + 1 >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t end = starts_[line + 1] - 1;  // at the '\n' or lone '\r'
  if (text_[end] == '\n' && end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

LspPosition LineIndex::ToPosition(uint32_t offset, PositionEncoding encoding) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  size_t line = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                                    starts_.begin()) -
                1;
  uint32_t start = starts_[line];
  // An offset inside a line break ("\r|\n") is the line's end.
  uint32_t end = std::min(offset, LineEnd(line));
  // An offset inside a character is that character's start.
  while (end > start && end < text_.size() &&
         (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80)
    --end;
  LspPosition p{static_cast<uint32_t>(line), 0};
  if (encoding == PositionEncoding::kUtf8) {
    p.character = end - start;
  } else {
    for (uint32_t i = start; i < end; ++i)
      p.character += Utf16Units(static_cast<unsigned char>(text_[i]));
  }
  return p;
}

uint32_t LineIndex::ToOffset(LspPosition position, PositionEncoding encoding) const {
  if (position.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t start = starts_[position.line];
  uint32_t end = LineEnd(position.line);
  if (encoding == PositionEncoding::kUtf8) {
    uint32_t at = start + std::min(position.character, end - start);
    // Never inside a character: back to its first byte.
    while (at > start && at < end && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) --at;
    return at;
  }
  uint32_t units = 0;
  uint32_t at = start;
  while (at < end) {
    uint32_t next = at + 1;
    while (next < end && (static_cast<unsigned char>(text_[next]) & 0xC0) == 0x80) ++next;
    uint32_t width = Utf16Units(static_cast<unsigned char>(text_[at]));
    // A position between the two halves of a surrogate pair is the
    // character's start.
    if (units + width > position.character) break;
    units += width;
    at = next;
  }
  return at;
}

}  // namespace amends::lsp
