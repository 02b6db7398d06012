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
#include "util/image_array.h"
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
    const uint64_t head = Head(word);
    for (size_t i = Hash(word, head) & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots[i];
      if (slot.id == kUnknown) return kUnknown;
      // A word of up to eight bytes is told by its slot alone; a longer
      // one is compared with the stored word only when its head matches.
      if (slot.head == head && slot.size == word.size() &&
          (word.size() <= 8 || Word(slot.id) == word))
        return slot.id;
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
  // One entry of the open-addressing table: the word's id (kUnknown when
  // the slot is free), its length and its first eight bytes (zero-padded),
  // so that most lookups read one slot and nothing else.
  struct Slot {
    uint64_t head = 0;
    uint32_t id = kUnknown;
    uint32_t size = 0;
  };
  static uint64_t Head(std::string_view s) {
    uint64_t v = 0;
    if (s.size() >= 8) {
      std::memcpy(&v, s.data(), 8);
    } else {
      for (size_t i = 0; i < s.size(); ++i)
        v |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
    }
    return v;
  }
  // Eight bytes at a time, one multiply each (the first eight are `head`):
  // most words fit in one or two.
  static uint64_t Hash(std::string_view s, uint64_t head) {
    uint64_t h = (0x9E3779B97F4A7C15ull ^ s.size() ^ head) * 0xBF58476D1CE4E5B9ull;
    for (size_t i = 8; i < s.size(); i += 8) {
      uint64_t v = Head(s.substr(i));
      h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    }
    return h ^ (h >> 31);
  }
  std::span<const Slot> Slots() const { return slots_.span(); }
  void Place(uint32_t id);
  void Rehash(size_t slot_count);

  StringTable words_;       // by id
  ImageArray<Slot> slots_;  // by hash; a power of 2, at most half full
};

}  // namespace amends
