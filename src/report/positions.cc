#include "report/positions.h"

#include <algorithm>
#include <cstring>

#include "util/utf8.h"

namespace amends {
namespace {
// UTF-16 units a byte contributes: 1 for a lead byte, 2 for a 4-byte lead,
// 0 for continuation bytes.
inline uint32_t Utf16Units(unsigned char c) {
  if ((c & 0xC0) == 0x80) return 0;
  return c >= 0xF0 ? 2 : 1;
}
}  // namespace

PositionIndex::PositionIndex(std::string_view text, uint32_t begin) : text_(text) {
  // Most drafts are plain ASCII: there a byte is a character and a UTF-16
  // unit, so only the line starts are needed, found with memchr.
  ascii_ = IsAscii(text);
  begin = std::min<uint32_t>(begin, static_cast<uint32_t>(text.size()));
  line_starts_.push_back(begin);
  if (ascii_) {
    for (size_t i = begin; i < text.size(); ++i) {
      const void* nl = std::memchr(text.data() + i, '\n', text.size() - i);
      if (!nl) break;
      i = static_cast<size_t>(static_cast<const char*>(nl) - text.data());
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
    return;
  }
  uint32_t units = 0;
  for (uint32_t i = 0; i < begin; ++i) units += Utf16Units(static_cast<unsigned char>(text[i]));
  uint32_t line = 1, column = 1, since_mark = 0;
  marks_.push_back({begin, line, column, units});
  for (uint32_t i = begin; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    units += Utf16Units(c);
    if ((c & 0xC0) != 0x80) ++column;
    if (c == '\n') {
      ++line;
      column = 1;
      since_mark = 0;
      marks_.push_back({i + 1, line, column, units});
    } else if (++since_mark == kMarkEvery) {
      since_mark = 0;
      marks_.push_back({i + 1, line, column, units});
    }
  }
}

Position PositionIndex::At(uint32_t offset) const {
  if (offset > text_.size()) offset = static_cast<uint32_t>(text_.size());
  if (ascii_) {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    if (it == line_starts_.begin()) return Position{1, 1, line_starts_[0]};  // before `begin`
    size_t line = static_cast<size_t>(it - line_starts_.begin()) - 1;
    return Position{static_cast<uint32_t>(line + 1), offset - line_starts_[line] + 1, offset};
  }
  auto mark = std::upper_bound(marks_.begin(), marks_.end(), offset,
                               [](uint32_t off, const Mark& m) { return off < m.offset; });
  if (mark == marks_.begin()) return Position{1, 1, marks_.front().utf16};  // before `begin`
  const Mark& m = *(mark - 1);
  uint32_t column = m.column;
  uint32_t units = m.utf16;
  for (uint32_t i = m.offset; i < offset; ++i) {
    auto c = static_cast<unsigned char>(text_[i]);
    if ((c & 0xC0) != 0x80) ++column;
    units += Utf16Units(c);
  }
  return Position{m.line, column, units};
}

}  // namespace amends
