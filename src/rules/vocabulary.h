// Every literal word the lexicon's phrase patterns name, as a small integer,
// so matching compares integers instead of strings.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

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
  size_t size() const { return ids_.size(); }
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
};

inline uint32_t Vocabulary::Intern(std::string_view word) {
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  auto id = static_cast<uint32_t>(ids_.size());
  ids_.emplace(std::string(word), id);
  return id;
}

}  // namespace amends
