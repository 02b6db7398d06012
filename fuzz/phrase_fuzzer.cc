// Phrase patterns: PhraseSet::Add on the first line, then matching at
// every position of the words (space-separated) of the rest. Each match
// must begin with a first word of the pattern (when anchored) and hold a
// word of each required set within its offsets.
#include <algorithm>
#include <map>

#include "fuzz_common.h"
#include "rules/phrase.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends;
  static const std::pair<const char*, const char*> macros[] = {
      {"we", "(we|we're|we are|i|i'm|i am)"},
      {"any", "(any|all)"},
      {"gap", "_{1,3}"},
      {"maybe", "(so|very)? (sorry|apologi*)"},
  };
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  std::string_view pattern_text = input.substr(0, nl);
  std::string_view rest = nl == std::string_view::npos ? "" : input.substr(nl + 1);
  PhraseSet set;
  std::string error;
  size_t at = 0;
  for (const auto& [name, body] : macros)
    if (!set.DefineMacro(name, body, &error, &at)) std::abort();
  int64_t added = set.Add(pattern_text, &error, &at);
  if (added < 0) {
    if (error.empty() || at > pattern_text.size()) std::abort();  // must say where
    return 0;
  }
  auto pattern = static_cast<uint32_t>(added);
  const Vocabulary& vocabulary = set.vocabulary();
  std::vector<std::string_view> words;
  for (size_t i = 0; i < rest.size();) {
    size_t j = rest.find_first_of(" \n", i);
    if (j == std::string_view::npos) j = rest.size();
    if (j > i) words.push_back(rest.substr(i, j - i));
    i = j + 1;
  }
  std::vector<uint32_t> ids;
  for (std::string_view w : words) ids.push_back(vocabulary.Find(w));
  for (size_t start = 0; start <= words.size(); ++start) {
    size_t end = set.LongestMatch(pattern, ids.data(), words.data(), words.size(), start);
    if (end < start || end > words.size()) std::abort();
    if (end > start && set.anchored(pattern) && start < words.size()) {
      // An anchored pattern can only begin with one of its first words.
      auto first = set.first_ids(pattern);
      if (!std::binary_search(first.begin(), first.end(), ids[start])) std::abort();
    }
    if (end > start) {
      // Every match holds a word of each required set where the offsets
      // say: the matcher skips sentences and starts on their word.
      for (size_t r = 0; r < set.required_count(pattern); ++r) {
        auto required = set.required(pattern, r);
        size_t lo = start + set.required_offset(pattern, r);
        size_t hi = std::min<size_t>(start + set.required_max_offset(pattern, r), end - 1);
        bool held = false;
        for (size_t q = lo; q <= hi && !held; ++q)
          held = std::binary_search(required.begin(), required.end(), ids[q]);
        if (!held) std::abort();
      }
    }
  }
  return 0;
}
