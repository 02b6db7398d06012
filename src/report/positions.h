// Line, column and UTF-16 positions of byte offsets, for reports.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace amends {

struct Position {
  uint32_t line;    // 1-based
  uint32_t column;  // 1-based, in characters (code points)
  uint32_t utf16;   // UTF-16 code units from the start of the input
};

// Built in one pass over the text; each lookup is a binary search plus a
// scan of at most kMarkEvery bytes, however long the line (a pasted log
// with thousands of findings on one line stays linear). `text` must
// outlive the index. Line 1 starts at `begin` (after a BOM), but UTF-16
// offsets count from the start of the input.
class PositionIndex {
 public:
  PositionIndex(std::string_view text, uint32_t begin);
  Position At(uint32_t offset) const;

 private:
  static constexpr uint32_t kMarkEvery = 256;
  // Non-ASCII text: the position of every line start and of every
  // kMarkEvery-th byte of a line, by offset.
  struct Mark {
    uint32_t offset, line, column, utf16;
  };
  std::string_view text_;
  std::vector<uint32_t> line_starts_;  // ASCII text only
  std::vector<Mark> marks_;            // other text only
  bool ascii_ = false;                 // the text is all ASCII
};

}  // namespace amends
