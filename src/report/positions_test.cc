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
