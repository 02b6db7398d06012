#include "rules/vocabulary.h"

#include <catch2/catch.hpp>

using namespace amends;

TEST_CASE("words get ids in order and are found again", "[vocabulary]") {
  Vocabulary v;
  CHECK(v.Find("sorry") == Vocabulary::kUnknown);  // empty
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back(std::string("w").append(std::to_string(i * 7919)));
  for (size_t i = 0; i < words.size(); ++i) REQUIRE(v.Intern(words[i]) == i);
  CHECK(v.Intern("w0") == 0);  // already there
  CHECK(v.size() == words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    REQUIRE(v.Find(words[i]) == i);
    REQUIRE(v.Word(static_cast<uint32_t>(i)) == words[i]);
  }
  CHECK(v.Find("w1") == Vocabulary::kUnknown);
  CHECK(v.Find("") == Vocabulary::kUnknown);
}

TEST_CASE("a saved vocabulary loads copied or in place, and grows after", "[vocabulary]") {
  Vocabulary v;
  for (const char* w : {"we're", "sorry", "for", "the", "delay"}) v.Intern(w);
  std::string bytes;
  BinaryWriter out(&bytes);
  v.Save(&out);
  for (bool in_place : {false, true}) {
    INFO("in place: " << in_place);
    BinaryReader in(bytes);  // a std::string's buffer is aligned to 8
    Vocabulary w;
    REQUIRE(w.Load(&in, in_place));
    CHECK(w.size() == 5);
    CHECK(w.Find("delay") == 4);
    CHECK(w.Find("wait") == Vocabulary::kUnknown);
    CHECK(w.Intern("wait") == 5);
    CHECK(w.Find("sorry") == 1);
    CHECK(w.Find("wait") == 5);
  }
  BinaryReader cut(std::string_view(bytes).substr(0, bytes.size() - 3));
  Vocabulary broken;
  CHECK_FALSE(broken.Load(&cut));
}

TEST_CASE("words that share their first eight bytes, or differ only by a NUL, stay apart",
          "[vocabulary]") {
  // A slot keeps a word's length and first eight bytes; longer words are
  // told apart by the rest.
  Vocabulary v;
  const std::string words[] = {"understand",
                               "understanding",
                               "understandable",
                               "understa",
                               "a",
                               std::string("a\0", 2),
                               std::string("\0", 1),
                               "",
                               "responsibility",
                               "responsibilities"};
  for (size_t i = 0; i < std::size(words); ++i) REQUIRE(v.Intern(words[i]) == i);
  for (size_t i = 0; i < std::size(words); ++i) {
    INFO(i);
    CHECK(v.Find(words[i]) == i);
  }
  CHECK(v.Find("understandings") == Vocabulary::kUnknown);
  CHECK(v.Find("understan") == Vocabulary::kUnknown);
  CHECK(v.Find(std::string("a\0\0", 3)) == Vocabulary::kUnknown);
}
