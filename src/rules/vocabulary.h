// Every literal word the lexicon's phrase patterns name, as a small integer,
// so matching compares integers instead of strings.
//
// The words are kept in a StringTable, found through an open-addressing
// hash table of ids; both are plain arrays, so a vocabulary saved in the
// lexicon image is used in place, without building anything at start-up.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/binary_io.h"
#include "util/string_table.h"

namespace amends {

class Vocabulary {
 public:
  static constexpr uint32_t kUnknown = UINT32_MAX;  // a word no pattern names

  // The id of `word` (folded), adding it when new. Ids are 0, 1, 2… in
  // the order words are first added.
  uint32_t Intern(std::string_view word);
  // The id of `word`, or kUnknown.
  uint32_t Find(std::string_view word) const {
    auto slots = Slots();
    if (slots.empty()) return kUnknown;
    const size_t mask = slots.size() - 1;
    for (size_t i = Hash(word) & mask;; i = (i + 1) & mask) {
      uint32_t id = slots[i];
      if (id == kUnknown || Word(id) == word) return id;
    }
  }
  size_t size() const { return words_.size(); }
  // The word of an id that Intern returned.
  std::string_view Word(uint32_t id) const { return words_[id]; }

  // As bytes and back (see util/binary_io.h). With `in_place` the
  // vocabulary reads the reader's buffer, which must outlive it; a later
  // Intern copies it first. Load returns false when `in` is cut short or
  // does not hold a vocabulary.
  void Save(BinaryWriter* out) const;
  bool Load(BinaryReader* in, bool in_place = false);

 private:
  // Eight bytes at a time, one multiply each: most words fit in one or
  // two. The table uses the high bits (the mask takes the low ones after
  // the final fold).
  static uint64_t Hash(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t v;
      std::memcpy(&v, s.data() + i, 8);
      h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    }
    if (i < s.size()) {
      uint64_t v = 0;
      std::memcpy(&v, s.data() + i, s.size() - i);
      h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    }
    return h ^ (h >> 31);
  }
  std::span<const uint32_t> Slots() const {
    return in_place_ ? image_slots_ : std::span<const uint32_t>(slots_);
  }
  void Rehash(size_t slot_count);

  StringTable words_;            // by id
  std::vector<uint32_t> slots_;  // ids by hash; kUnknown when empty; a power of 2
  bool in_place_ = false;        // the slots are an image's
  std::span<const uint32_t> image_slots_;
};

}  // namespace amends
