#include "rules/vocabulary.h"

#include <algorithm>

namespace amends {

uint32_t Vocabulary::Intern(std::string_view word) {
  uint32_t id = Find(word);
  if (id != kUnknown) return id;
  if (in_place_) {  // an image's table: copy it before adding
    slots_.assign(image_slots_.begin(), image_slots_.end());
    in_place_ = false;
  }
  id = static_cast<uint32_t>(size());
  words_.Append(word);
  // At most half full, so probes stay short.
  if (slots_.size() < 2 * (size_t{id} + 1)) Rehash(std::max<size_t>(64, slots_.size() * 2));
  else Place(id);
  return id;
}

void Vocabulary::Place(uint32_t id) {
  std::string_view word = Word(id);
  const uint64_t head = Head(word);
  const size_t mask = slots_.size() - 1;
  size_t i = Hash(word, head) & mask;
  while (slots_[i].id != kUnknown) i = (i + 1) & mask;
  slots_[i] = Slot{head, id, static_cast<uint32_t>(word.size())};
}

void Vocabulary::Rehash(size_t slot_count) {
  slots_.assign(slot_count, Slot{});
  for (uint32_t id = 0; id < size(); ++id) Place(id);
}

void Vocabulary::Save(BinaryWriter* out) const {
  words_.Save(out);
  out->Array(Slots());
}

bool Vocabulary::Load(BinaryReader* in, bool in_place) {
  *this = Vocabulary();
  if (!words_.Load(in, in_place)) return false;
  if (in_place) {
    image_slots_ = in->ArrayView<Slot>();
    in_place_ = true;
  } else {
    in->Array(&slots_);
  }
  if (!in->ok()) return false;
  // What Find relies on besides the words: a power-of-2 table with a free
  // slot, and only ids that exist in it, with their lengths.
  auto slots = Slots();
  if (!slots.empty() && ((slots.size() & (slots.size() - 1)) != 0 || slots.size() <= size()))
    return false;
  return std::all_of(slots.begin(), slots.end(), [&](const Slot& s) {
    return s.id == kUnknown || (s.id < size() && s.size == Word(s.id).size());
  });
}

}  // namespace amends
