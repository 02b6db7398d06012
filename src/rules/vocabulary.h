// Every literal word the lexicon's phrase patterns name, as a small integer,
// so matching compares integers instead of strings.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace amends {

class Vocabulary {
 public:
  static constexpr uint32_t kUnknown = UINT32_MAX;  // a word no pattern names

  // The id of `word` (folded), adding it when new.
  uint32_t Intern(std::string_view word);
  // The id of `word`, or kUnknown.
  uint32_t Find(std::string_view word) const {
    auto it = ids_.find(word);
    return it == ids_.end() ? kUnknown : it->second;
  }
  size_t size() const { return words_.size(); }
  // The word of an id that Intern returned.
  std::string_view Word(uint32_t id) const { return *words_[id]; }
  // Unique to this vocabulary for the life of the process (an address may
  // be reused by the next one).
  uint64_t serial() const { return serial_; }

 private:
  static uint64_t NextSerial() {
    static std::atomic<uint64_t> next{1};
    return next++;
  }
  uint64_t serial_ = NextSerial();
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<const std::string*> words_;  // by id; map keys do not move
};

inline uint32_t Vocabulary::Intern(std::string_view word) {
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  auto id = static_cast<uint32_t>(words_.size());
  words_.push_back(&ids_.emplace(std::string(word), id).first->first);
  return id;
}

}  // namespace amends
