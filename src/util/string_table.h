// Many short strings kept as one string and the offsets where each begins,
// either owned or read in place from a buffer (the lexicon image): no
// allocation per string, and nothing to build at start-up.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/binary_io.h"

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
    if (in_place_) {
      blob_ = std::string(image_blob_);
      offsets_.assign(image_offsets_.begin(), image_offsets_.end());
      in_place_ = false;
    }
    if (offsets_.empty()) offsets_.push_back(0);
    blob_.append(s);
    offsets_.push_back(static_cast<uint32_t>(blob_.size()));
  }

  // As bytes and back (util/binary_io.h). With `in_place` the table reads
  // the reader's buffer, which must outlive it. Load returns false when
  // `in` is cut short or its offsets do not rise to the end of the strings
  // (lookups would read past them).
  void Save(BinaryWriter* out) const {
    out->Str(Blob());
    out->Array(Offsets());
  }
  bool Load(BinaryReader* in, bool in_place) {
    *this = StringTable();
    if (in_place) {
      image_blob_ = in->Str();
      image_offsets_ = in->ArrayView<uint32_t>();
      in_place_ = true;
    } else {
      blob_ = in->Str();
      in->Array(&offsets_);
    }
    auto o = Offsets();
    return in->ok() && (o.empty() || (o.front() == 0 && o.back() == Blob().size() &&
                                      std::is_sorted(o.begin(), o.end())));
  }

 private:
  std::string_view Blob() const { return in_place_ ? image_blob_ : std::string_view(blob_); }
  std::span<const uint32_t> Offsets() const {
    return in_place_ ? image_offsets_ : std::span<const uint32_t>(offsets_);
  }

  std::string blob_;               // every string, one after another
  std::vector<uint32_t> offsets_;  // where each begins, then the end
  bool in_place_ = false;
  std::string_view image_blob_;
  std::span<const uint32_t> image_offsets_;
};

}  // namespace amends
