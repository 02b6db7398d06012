// A list of words or phrases kept as a plain data file a support lead can
// read and edit (lexicons/**/*.list): one entry per line, parsed once.
//
//   # Words that open a greeting line.   <- '#' lines are comments
//   hello                                <- an entry, spaces around it trimmed
//
// Blank lines and lines whose first non-blank character is '#' are skipped;
// spaces, tabs and '\r' around an entry are trimmed, so an entry never
// starts or ends with a space (editors strip trailing spaces: a list's
// matching rule must not depend on one). How entries are matched is the
// caller's rule, said in each file's header; WordList compares bytes.
//
// A WordList owns its entries and never changes after construction: any
// number of threads may read one at once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace amends {

class WordList {
 public:
  // Turns an entry as written into the form lookups compare (folded,
  // lower-cased...), so a list matches whatever its caller compares
  // against. An entry that normalises to "" is dropped.
  using Normalise = std::string (*)(std::string_view entry);

  WordList() = default;
  explicit WordList(std::string_view content, Normalise normalise = nullptr);

  // Whether `s` is an entry, byte for byte (a binary search).
  bool Contains(std::string_view s) const;
  // Whether `s` ends with an entry.
  bool AnySuffixOf(std::string_view s) const;

  // Sorted, without duplicates.
  const std::vector<std::string>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // The length in bytes of the longest entry (0 when empty).
  size_t longest() const { return longest_; }

 private:
  std::vector<std::string> entries_;
  size_t longest_ = 0;
};

}  // namespace amends
