// An array that is either owned or read in place from a buffer (the
// lexicon image): the built-in lexicon's tables are used where they lie,
// with nothing to build at start-up, and a table compiled or changed at run
// time is an ordinary vector. Reading goes through span(); writing through
// Own(), which copies an image's elements first.
#pragma once

#include <span>
#include <vector>

#include "util/binary_io.h"

namespace amends {

template <typename T>
class ImageArray {
 public:
  std::span<const T> span() const { return viewed_ ? view_ : std::span<const T>(owned_); }
  size_t size() const { return span().size(); }
  bool empty() const { return span().empty(); }
  const T& operator[](size_t i) const { return span()[i]; }

  // The elements as a vector to change; an array read in place is copied
  // into it first, and no longer reads the buffer.
  std::vector<T>& Own() {
    if (viewed_) {
      owned_.assign(view_.begin(), view_.end());
      view_ = {};
      viewed_ = false;
    }
    return owned_;
  }
  // Shorthand for Own() in code that builds the array. (Indexing stays
  // const, so reading an element never copies an image.)
  std::vector<T>* operator->() { return &Own(); }

  // As bytes and back (util/binary_io.h: the length, padding to T's
  // alignment, the elements). With `in_place` the array reads the
  // reader's buffer, which must outlive it. Check in->ok() after Load.
  void Save(BinaryWriter* out) const { out->Array(span()); }
  void Load(BinaryReader* in, bool in_place) {
    *this = ImageArray();
    if (in_place) {
      view_ = in->ArrayView<T>();
      viewed_ = true;
    } else {
      in->Array(&owned_);
    }
  }

 private:
  std::vector<T> owned_;
  std::span<const T> view_;
  bool viewed_ = false;
};

}  // namespace amends
