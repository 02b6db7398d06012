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
// scan of one line. `text` must outlive the index. Line 1 starts at `begin`
// (after a BOM), but UTF-16 offsets count from the start of the input.
class PositionIndex {
 public:
  PositionIndex(std::string_view text, uint32_t begin);
  Position At(uint32_t offset) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> line_starts_;
  std::vector<uint32_t> line_utf16_;  // UTF-16 offset of each line start; empty when ascii_
  bool ascii_ = false;                // the text is all ASCII
};

}  // namespace amends
