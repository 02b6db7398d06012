#include "input/encoding.h"

#include <catch2/catch.hpp>

namespace amends {
namespace {

Source Of(std::string bytes) {
  Source s;
  s.name = "draft.txt";
  s.bytes = std::move(bytes);
  return s;
}

}  // namespace

TEST_CASE("encoding: UTF-16 with a byte-order mark is decoded", "[input][encoding]") {
  // "Hi Zoë" in UTF-16LE and UTF-16BE, each after its BOM.
  Source le = Of(std::string("\xFF\xFEH\0i\0 \0Z\0o\0\xEB\0", 14));
  Source be = Of(std::string("\xFE\xFF\0H\0i\0 \0Z\0o\0\xEB", 14));
  std::string from, error;
  REQUIRE(DecodeSource("auto", &le, &from, &error));
  CHECK(from == "UTF-16LE");
  CHECK(le.bytes == "Hi Zo\xC3\xAB");
  REQUIRE(DecodeSource("", &be, &from, &error));
  CHECK(from == "UTF-16BE");
  CHECK(be.bytes == "Hi Zo\xC3\xAB");
}

TEST_CASE("encoding: UTF-8 and other bytes are left alone without a name", "[input][encoding]") {
  Source s = Of("caf\xE9");
  std::string from, error;
  REQUIRE(DecodeSource("auto", &s, &from, &error));
  CHECK(from.empty());
  CHECK(s.bytes == "caf\xE9");
}

TEST_CASE("encoding: a named encoding goes through ICU's converters", "[input][encoding]") {
  std::string from, error;
  Source latin1 = Of("caf\xE9");
  REQUIRE(DecodeSource("latin1", &latin1, &from, &error));
  CHECK(latin1.bytes == "caf\xC3\xA9");
  Source cp1252 =
      Of("\x93sorry\x94 \x80"
         "5");  // curly quotes and the euro sign
  REQUIRE(DecodeSource("windows-1252", &cp1252, &from, &error));
  CHECK(cp1252.bytes ==
        "\xE2\x80\x9Csorry\xE2\x80\x9D \xE2\x82\xAC"
        "5");
}

TEST_CASE("encoding: an unknown name or bytes outside the encoding are errors",
          "[input][encoding]") {
  std::string from, error;
  Source s = Of("hello");
  CHECK_FALSE(DecodeSource("no-such-encoding", &s, &from, &error));
  CHECK(error == "draft.txt: unknown encoding 'no-such-encoding' (uconv -l lists them)");
  // A lone low surrogate on line 2 of UTF-16LE.
  Source bad =
      Of(std::string("\xFF\xFE"
                     "a\0\n\0b\0\x00\xDC",
                     10));
  CHECK_FALSE(DecodeSource("auto", &bad, &from, &error));
  CHECK(error.find("draft.txt:") == 0);
  CHECK(error.find("not UTF-16LE") != std::string::npos);
  CHECK(bad.bytes.size() == 10);  // left as read
}

TEST_CASE("encoding: the invalid-UTF-8 error suggests --encoding", "[input][encoding]") {
  CHECK(WithEncodingHint("d.txt:1:4: invalid UTF-8 (byte 0xe9 at offset 3)")
            .find("--encoding windows-1252") != std::string::npos);
  CHECK(WithEncodingHint("d.txt: No such file") == "d.txt: No such file");
}

}  // namespace amends
