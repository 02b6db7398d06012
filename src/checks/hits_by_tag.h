// Checks stage: a draft's rule hits grouped by tag, so a check reads the
// hits of its own tags rather than all of them (a long text has millions,
// and there are dozens of checks).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "rules/matcher.h"

namespace amends {

class HitsByTag {
 public:
  // Groups `hits`, which must outlive this use, reusing the storage of the
  // last grouping (one per thread: a record's checks run on one thread).
  void Index(const std::vector<Hit>& hits);
  const std::vector<Hit>& hits() const { return *hits_; }
  // Indices into hits() of the hits of `tag`, ascending.
  std::span<const uint32_t> Of(int tag) const {
    if (tag < 0 || tag + 1 >= static_cast<int>(begin_.size())) return {};
    return std::span<const uint32_t>(order_).subspan(begin_[tag], begin_[tag + 1] - begin_[tag]);
  }

 private:
  const std::vector<Hit>* hits_ = nullptr;
  std::vector<uint32_t> order_;  // hit indices, by tag
  std::vector<uint32_t> begin_;  // per tag, where its indices begin in order_
  std::vector<uint32_t> fill_;
};

// Hits of any of `tags`, in text order. Where rules overlap (two phrasings
// of one hedge), only the longest hit is kept, so a finding is reported once.
std::vector<const Hit*> HitsOf(const HitsByTag& index, const std::vector<int>& tags);

}  // namespace amends
