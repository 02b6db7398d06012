#include "rules/needles.h"

#include <algorithm>
#include <cstring>

namespace amends {
namespace {

// Byte pairs of English text, most common first, fifteen a line (lower
// case, as folded text is): a needle is looked up by a pair of it not
// listed, or else the one listed last.
constexpr char kCommonPairs[] =
    "e  tthhes  ad int eranre son i"
    "y  w oatenndouo esortoedhais h"
    "tiitn r sttengarvealleme b c m"
    " yyosentaslleahiofne ff weowco"
    "caurroderiicralicemabenoelus d"
    " p r l n el k g . , a eeoossho";
static_assert(sizeof(kCommonPairs) % 2 == 1, "pairs of bytes, and the final NUL");

// How common the pair (a, b) is: 0 when not listed, else higher the
// earlier it is.
size_t Commonness(char a, char b) {
  constexpr size_t kPairs = sizeof(kCommonPairs) / 2;
  for (size_t i = 0; i < kPairs; ++i)
    if (kCommonPairs[2 * i] == a && kCommonPairs[2 * i + 1] == b) return kPairs - i;
  return 0;
}

}  // namespace

void NeedleSet::Add(std::string_view needle, uint32_t owner) {
  owner_count_ = std::max(owner_count_, owner + 1);
  if (needle.empty()) {
    always_.push_back(owner);
    return;
  }
  const auto first = static_cast<unsigned char>(needle[0]);
  if (needle.size() == 1) {
    single_[first].push_back(owner);
    for (uint32_t next = 0; next < 256; ++next) SetBit(Pair(first, static_cast<unsigned char>(next)));
    return;
  }
  uint32_t offset = 0;
  size_t least = Commonness(needle[0], needle[1]);
  for (uint32_t k = 1; k + 1 < needle.size() && least > 0; ++k)
    if (const size_t c = Commonness(needle[k], needle[k + 1]); c < least) offset = k, least = c;
  const uint32_t pair = Pair(static_cast<unsigned char>(needle[offset]),
                             static_cast<unsigned char>(needle[offset + 1]));
  SetBit(pair);
  const std::pair<uint32_t, uint32_t> entry{pair, static_cast<uint32_t>(needles_.size())};
  needles_.push_back({std::string(needle), owner, offset});
  by_pair_.insert(std::upper_bound(by_pair_.begin(), by_pair_.end(), entry), entry);
}

uint32_t NeedleSet::Find(std::string_view text, std::vector<uint8_t>* held) const {
  held->assign(owner_count_, 0);
  uint8_t* const is_held = held->data();
  uint32_t count = 0;
  auto hold = [&](uint32_t owner) {
    count += is_held[owner] ^ 1;
    is_held[owner] = 1;
  };
  for (uint32_t owner : always_) hold(owner);
  const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // At byte i: the one-byte needles of it, then those looked up by its
  // pair with the next byte, each compared where it would begin.
  auto visit = [&](size_t i) {
    for (uint32_t owner : single_[bytes[i]]) hold(owner);
    if (i + 1 == n) return;
    const uint32_t pair = Pair(bytes[i], bytes[i + 1]);
    auto it = std::lower_bound(by_pair_.begin(), by_pair_.end(),
                               std::pair<uint32_t, uint32_t>{pair, 0});
    for (; it != by_pair_.end() && it->first == pair; ++it) {
      const Needle& needle = needles_[it->second];
      if (is_held[needle.owner] || needle.offset > i || needle.text.size() > n - (i - needle.offset))
        continue;
      if (std::memcmp(bytes + i - needle.offset, needle.text.data(), needle.text.size()) == 0)
        hold(needle.owner);
    }
  };
  // The loop every byte goes through: one bit test per pair, in locals
  // (the stores through `is_held` could alias the members otherwise).
  const uint64_t* const bits = pair_bits_.data();
  const uint32_t all = owner_count_;
  if (n == 0 || count == all) return count;
  uint32_t prev = bytes[0];
  for (size_t j = 1; j < n; ++j) {
    const uint32_t cur = bytes[j];
    const uint32_t pair = prev << 8 | cur;
    prev = cur;
    if (((bits[pair >> 6] >> (pair & 63)) & 1) == 0) continue;
    visit(j - 1);
    if (count == all) return count;
  }
  visit(n - 1);  // the last byte begins only one-byte needles
  return count;
}

}  // namespace amends
