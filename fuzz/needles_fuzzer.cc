// NeedleSet (src/rules/needles.h) against std::string_view::find: for every
// input, the owners Find says a text holds are exactly those one of whose
// needles find() locates in it. Input: needles, one a line, up to a line
// "--", then the text (any bytes); a needle's owner is its line number
// modulo 5, so that owners share needles.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "rules/needles.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find("\n--\n");
  if (split == std::string_view::npos) return 0;
  std::string_view text = input.substr(split + 4);
  std::vector<std::string_view> needles;
  for (std::string_view rest = input.substr(0, split); !rest.empty();) {
    const size_t nl = rest.find('\n');
    needles.push_back(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  if (needles.size() > 64) return 0;
  NeedleSet set;
  for (size_t i = 0; i < needles.size(); ++i) set.Add(needles[i], static_cast<uint32_t>(i % 5));
  std::vector<uint8_t> held;
  const uint32_t count = set.Find(text, &held);
  std::vector<uint8_t> want(set.owner_count(), 0);
  for (size_t i = 0; i < needles.size(); ++i)
    if (text.find(needles[i]) != std::string_view::npos) want[i % 5] = 1;
  uint32_t want_count = 0;
  for (uint8_t w : want) want_count += w;
  if (held != want || count != want_count) {
    std::fprintf(stderr, "needles: Find differs from find() (%u owners, want %u)\n", count,
                 want_count);
    std::abort();
  }
  return 0;
}
