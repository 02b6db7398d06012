#include "util/image_array.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

using namespace amends;

namespace {

// `bytes` copied to a buffer aligned to 8, as the lexicon image is.
struct AlignedCopy {
  explicit AlignedCopy(const std::string& bytes) : words((bytes.size() + 7) / 8) {
    std::memcpy(words.data(), bytes.data(), bytes.size());
    view = std::string_view(reinterpret_cast<const char*>(words.data()), bytes.size());
  }
  std::vector<uint64_t> words;
  std::string_view view;
};

}  // namespace

TEST_CASE("an image array read in place uses the buffer, and copies it only to change",
          "[image_array]") {
  ImageArray<uint32_t> built;
  built->push_back(7);
  built->push_back(9);
  std::string bytes;
  BinaryWriter out(&bytes);
  out.U32(1);  // something before, so the array needs its padding
  built.Save(&out);

  AlignedCopy buffer(bytes);
  for (bool in_place : {false, true}) {
    INFO(in_place);
    BinaryReader in(buffer.view);
    CHECK(in.U32() == 1);
    ImageArray<uint32_t> read;
    read.Load(&in, in_place);
    REQUIRE(in.ok());
    REQUIRE(read.size() == 2);
    CHECK(read[0] == 7);
    CHECK(read[1] == 9);
    const char* data = reinterpret_cast<const char*>(read.span().data());
    bool inside = data >= buffer.view.data() && data < buffer.view.data() + buffer.view.size();
    CHECK(inside == in_place);
    read->push_back(11);  // copies an image's elements first
    CHECK(read.size() == 3);
    CHECK(read[2] == 11);
    data = reinterpret_cast<const char*>(read.span().data());
    CHECK_FALSE((data >= buffer.view.data() && data < buffer.view.data() + buffer.view.size()));
  }
}

TEST_CASE("an image array of char is written as a length-prefixed string", "[image_array]") {
  ImageArray<char> chars;
  chars->assign({'a', 'b', 'c'});
  std::string a, b;
  BinaryWriter wa(&a), wb(&b);
  chars.Save(&wa);
  wb.Str("abc");
  CHECK(a == b);
}

TEST_CASE("a cut-short image array fails the reader", "[image_array]") {
  ImageArray<uint64_t> built;
  built->assign({1, 2, 3});
  std::string bytes;
  BinaryWriter out(&bytes);
  built.Save(&out);
  bytes.resize(bytes.size() - 1);
  AlignedCopy buffer(bytes);
  BinaryReader in(buffer.view);
  ImageArray<uint64_t> read;
  read.Load(&in, true);
  CHECK_FALSE(in.ok());
  CHECK(read.empty());
}
