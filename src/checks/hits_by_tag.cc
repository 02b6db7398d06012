#include "checks/hits_by_tag.h"

#include <algorithm>

namespace amends {

void HitsByTag::Index(const std::vector<Hit>& hits) {
  hits_ = &hits;
  int tags = 0;
  for (const Hit& h : hits) tags = std::max(tags, h.tag + 1);
  begin_.assign(tags + 1, 0);
  for (const Hit& h : hits) ++begin_[h.tag + 1];
  for (int t = 0; t < tags; ++t) begin_[t + 1] += begin_[t];
  order_.resize(hits.size());
  fill_.assign(begin_.begin(), begin_.end() - 1);
  for (uint32_t i = 0; i < hits.size(); ++i) order_[fill_[hits[i].tag]++] = i;
}

std::vector<const Hit*> HitsOf(const HitsByTag& index, const std::vector<int>& tags) {
  std::vector<uint32_t> merged;  // the groups of `tags`, merged in text order
  std::span<const uint32_t> which;
  if (tags.size() == 1) {
    which = index.Of(tags[0]);
  } else {
    for (int tag : tags) {
      std::span<const uint32_t> of = index.Of(tag);
      const size_t middle = merged.size();
      merged.insert(merged.end(), of.begin(), of.end());
      std::inplace_merge(merged.begin(), merged.begin() + middle, merged.end());
    }
    which = merged;
  }
  std::vector<const Hit*> out;
  for (uint32_t i : which) {
    const Hit& h = index.hits()[i];
    if (!out.empty() && h.span.start < out.back()->span.end) {
      const Span& prev = out.back()->span;
      if (h.span.end - h.span.start > prev.end - prev.start) out.back() = &h;
      continue;
    }
    out.push_back(&h);
  }
  return out;
}

}  // namespace amends
