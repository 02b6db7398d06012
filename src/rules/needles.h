// Rules stage: which of a fixed list of strings a text holds, in one pass.
//
// The regex rules that say what every match holds (`needs:`) are tried only
// on a text that holds one of those strings. A text is asked about every
// such string of its scope at once: one pass over its bytes, looking each
// adjacent pair of them up in a bit table of pairs the strings hold,
// costs the same for eighty strings as for eight, where searching for
// each string on its own costs a scan of the text per string.
//
// Built by Add, then only read: Find is const and may be called from many
// threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace amends {

class NeedleSet {
 public:
  // Adds `needle` for `owner` (a small index: a rule's place in its list).
  // An empty needle is held by every text.
  void Add(std::string_view needle, uint32_t owner);

  // One more than the largest owner added (0 when none was).
  uint32_t owner_count() const { return owner_count_; }

  // Sets (*held)[o] to 1 for each owner o one of whose needles `text`
  // holds, 0 for the others; `*held` is resized to owner_count(). Bytes are
  // compared as they are (no folding). Returns how many owners it holds.
  // Reads the text once; stops early when every owner is held.
  uint32_t Find(std::string_view text, std::vector<uint8_t>* held) const;

 private:
  static uint32_t Pair(unsigned char a, unsigned char b) { return uint32_t{a} << 8 | b; }
  void SetBit(uint32_t pair) { pair_bits_[pair >> 6] |= uint64_t{1} << (pair & 63); }

  struct Needle {
    std::string text;  // two bytes or more
    uint32_t owner;
    uint32_t offset;   // of the byte pair it is looked up by
  };
  // Needles of two bytes or more, each looked up by its pair of bytes
  // least common in English text ("gr" of "not great", not "no"), so that
  // few places in a text send the scan to compare one: (pair, index into
  // needles_), sorted.
  std::vector<Needle> needles_;
  std::vector<std::pair<uint32_t, uint32_t>> by_pair_;
  // A bit per byte pair some needle is looked up by (65,536 bits): most
  // pairs of a text are none and cost one test.
  std::array<uint64_t, 1024> pair_bits_{};
  // Owners of the one-byte needles, by byte; their pairs (the byte and
  // anything after it) are set in pair_bits_ too.
  std::array<std::vector<uint32_t>, 256> single_;
  std::vector<uint32_t> always_;  // owners of an empty needle
  uint32_t owner_count_ = 0;
};

}  // namespace amends
