// LSP positions (line, character) and byte offsets of a document, in the
// position encoding negotiated at initialize: UTF-16 code units (the
// protocol's default) or UTF-8 bytes.
//
// Lines end at "\n", "\r\n" or a lone "\r", as the protocol says. A
// character past a line's end means the line's end; a line past the last
// means the document's end.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace amends::lsp {

enum class PositionEncoding { kUtf16, kUtf8 };

struct LspPosition {
  uint32_t line = 0;
  uint32_t character = 0;
  bool operator==(const LspPosition&) const = default;
};

// Built in one pass; a lookup is a binary search plus a scan of its line.
// `text` must outlive the index.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LspPosition ToPosition(uint32_t offset, PositionEncoding encoding) const;
  uint32_t ToOffset(LspPosition position, PositionEncoding encoding) const;

 private:
  // The end of line `line`'s content (before its line break).
  uint32_t LineEnd(size_t line) const;

  std::string_view text_;
  std::vector<uint32_t> starts_;  // of every line
};

}  // namespace amends::lsp
