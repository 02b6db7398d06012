#include "input/blank.h"

#include <catch2/catch.hpp>

namespace amends {

TEST_CASE("blank: only white space is nothing to check", "[input][blank]") {
  CHECK(IsBlank(""));
  CHECK(IsBlank(" \t\r\n\n"));
  CHECK(IsBlank("\xC2\xA0\xE2\x80\x8B\xEF\xBB\xBF\xE3\x80\x80"));  // NBSP, ZWSP, BOM, ideographic
  CHECK_FALSE(IsBlank("  x  "));
  CHECK_FALSE(IsBlank("\n\n."));
  CHECK_FALSE(IsBlank("\xFF"));  // not UTF-8: not blank, the validator reports it
}

}  // namespace amends
