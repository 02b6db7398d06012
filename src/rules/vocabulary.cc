#include "rules/vocabulary.h"

#include <algorithm>

namespace amends {

uint32_t Vocabulary::Intern(std::string_view word) {
  uint32_t id = Find(word);
  if (id != kUnknown) return id;
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
  std::vector<Slot>& slots = slots_.Own();  // an image's table is copied before adding
  const size_t mask = slots.size() - 1;
  size_t i = Hash(word, head) & mask;
  while (slots[i].id != kUnknown) i = (i + 1) & mask;
  slots[i] = Slot{head, id, static_cast<uint32_t>(word.size())};
}

void Vocabulary::Rehash(size_t slot_count) {
  slots_->assign(slot_count, Slot{});
  for (uint32_t id = 0; id < size(); ++id) Place(id);
}

void Vocabulary::Save(BinaryWriter* out) const {
  words_.Save(out);
  slots_.Save(out);
}

bool Vocabulary::Load(BinaryReader* in, bool in_place) {
  *this = Vocabulary();
  if (!words_.Load(in, in_place)) return false;
  slots_.Load(in, in_place);
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
