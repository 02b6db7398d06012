#include "report/positions.h"

#include <algorithm>

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
  uint32_t units = 0;
  for (uint32_t i = 0; i < begin && i < text.size(); ++i)
    units += Utf16Units(static_cast<unsigned char>(text[i]));
  line_starts_.push_back(begin);
  line_utf16_.push_back(units);
  for (uint32_t i = begin; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    units += Utf16Units(c);
    if (c == '\n') {
      line_starts_.push_back(i + 1);
      line_utf16_.push_back(units);
    }
  }
}

Position PositionIndex::At(uint32_t offset) const {
  if (offset > text_.size()) offset = static_cast<uint32_t>(text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = it == line_starts_.begin() ? 0 : static_cast<size_t>(it - line_starts_.begin()) - 1;
  uint32_t column = 1;
  uint32_t units = line_utf16_[line];
  for (uint32_t i = line_starts_[line]; i < offset; ++i) {
    auto c = static_cast<unsigned char>(text_[i]);
    if ((c & 0xC0) != 0x80) ++column;
    units += Utf16Units(c);
  }
  return Position{static_cast<uint32_t>(line + 1), column, units};
}

}  // namespace amends
