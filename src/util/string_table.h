// Many short strings kept as one string and the offsets where each begins,
// either owned or read in place from a buffer (the lexicon image,
// util/image_array.h): no allocation per string.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/binary_io.h"
#include "util/image_array.h"

namespace amends {

class StringTable {
 public:
  size_t size() const { return Offsets().empty() ? 0 : Offsets().size() - 1; }
  std::string_view operator[](size_t i) const {
    auto offsets = Offsets();
    return Blob().substr(offsets[i], offsets[i + 1] - offsets[i]);
  }

  // Adds `s` at the end; a table read in place is copied first.
  void Append(std::string_view s) {
    std::vector<char>& blob = blob_.Own();
    std::vector<uint32_t>& offsets = offsets_.Own();
    if (offsets.empty()) offsets.push_back(0);
    blob.insert(blob.end(), s.begin(), s.end());
    offsets.push_back(static_cast<uint32_t>(blob.size()));
  }

  // As bytes and back (util/binary_io.h). With `in_place` the table reads
  // the reader's buffer, which must outlive it. Load returns false when
  // `in` is cut short or its offsets do not rise to the end of the strings
  // (lookups would read past them).
  void Save(BinaryWriter* out) const {
    blob_.Save(out);
    offsets_.Save(out);
  }
  bool Load(BinaryReader* in, bool in_place) {
    blob_.Load(in, in_place);
    offsets_.Load(in, in_place);
    auto o = Offsets();
    return in->ok() && (o.empty() || (o.front() == 0 && o.back() == Blob().size() &&
                                      std::is_sorted(o.begin(), o.end())));
  }

 private:
  std::string_view Blob() const { return {blob_.span().data(), blob_.size()}; }
  std::span<const uint32_t> Offsets() const { return offsets_.span(); }

  ImageArray<char> blob_;         // every string, one after another
  ImageArray<uint32_t> offsets_;  // where each begins, then the end
};

}  // namespace amends
