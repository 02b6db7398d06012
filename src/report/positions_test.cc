#include "report/positions.h"

#include <catch2/catch.hpp>

using namespace amends;

TEST_CASE("positions give lines, character columns and UTF-16 offsets", "[positions]") {
  // "é" is 2 bytes / 1 unit; "😀" is 4 bytes / 2 units.
  std::string text = "ab\n\xC3\xA9x\xF0\x9F\x98\x80y\r\nz";
  PositionIndex index(text, 0);
  Position a = index.At(0);
  CHECK(a.line == 1);
  CHECK(a.column == 1);
  CHECK(a.utf16 == 0);
  Position x = index.At(5);  // after "ab\né"
  CHECK(x.line == 2);
  CHECK(x.column == 2);
  CHECK(x.utf16 == 4);
  Position y = index.At(10);  // after the emoji
  CHECK(y.column == 4);
  CHECK(y.utf16 == 7);
  Position z = index.At(static_cast<uint32_t>(text.size() - 1));
  CHECK(z.line == 3);
  CHECK(z.column == 1);
  CHECK(z.utf16 == 10);
}

TEST_CASE("a BOM is not a column but is a UTF-16 unit", "[positions]") {
  std::string text = "\xEF\xBB\xBFHi";
  PositionIndex index(text, 3);
  Position h = index.At(3);
  CHECK(h.line == 1);
  CHECK(h.column == 1);
  CHECK(h.utf16 == 1);
}

// Line, column and UTF-16 offset counted one character at a time.
static Position Naive(const std::string& text, uint32_t begin, uint32_t offset) {
  Position p{1, 1, 0};
  for (uint32_t i = 0; i < offset && i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) p.utf16 += c >= 0xF0 ? 2 : 1;
    if (i < begin) continue;
    if (c == '\n') p.line++, p.column = 1;
    else if ((c & 0xC0) != 0x80) p.column++;
  }
  return p;
}

TEST_CASE("positions agree with counting, in ASCII text and in other text", "[positions]") {
  const std::string pieces[] = {"a", "b ", "\n", "\r\n", "\xC3\xA9", "\xF0\x9F\x98\x80", "xyz"};
  uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  for (int round = 0; round < 400; ++round) {
    std::string text;
    bool ascii_only = round % 2 == 0;
    // Some texts with lines longer than the index's marks are apart.
    size_t length = round % 8 == 1 ? 600 + next() % 400 : next() % 40;
    for (size_t i = 0; i < length; ++i) {
      size_t k = next() % 7;
      if (length > 40 && (k == 2 || k == 3) && next() % 8) k = 0;  // mostly long lines
      if (ascii_only && (k == 4 || k == 5)) k = 0;
      text += pieces[k];
    }
    uint32_t begin = round % 5 == 0 ? std::min<uint32_t>(2, static_cast<uint32_t>(text.size())) : 0;
    PositionIndex index(text, begin);
    for (uint32_t offset = begin; offset <= text.size(); ++offset) {
      if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
        continue;  // findings start and end on characters
      Position got = index.At(offset), want = Naive(text, begin, offset);
      INFO("text " << text << " begin " << begin << " offset " << offset);
      CHECK(got.line == want.line);
      CHECK(got.column == want.column);
      CHECK(got.utf16 == want.utf16);
    }
  }
}
