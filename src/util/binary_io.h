// A minimal binary encoding for data compiled at build time and read back
// by the same build of amends (Analyzer::Load's lexicon image): integers in
// the machine's byte order, strings and arrays of plain structs with their
// length first. An array's elements start at an offset aligned for their
// type, so a reader over a buffer aligned to 8 can use them in place
// (ArrayView). Not a file format for exchange.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace amends {

class BinaryWriter {
 public:
  explicit BinaryWriter(std::string* out) : out_(out) {}

  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U64(s.size());
    out_->append(s);
  }
  template <typename T>
  void Array(const std::vector<T>& v) {
    // No padding, so the same data always gives the same bytes.
    static_assert(std::has_unique_object_representations_v<T>);
    static_assert(alignof(T) <= 8);
    U64(v.size());
    out_->append((alignof(T) - out_->size() % alignof(T)) % alignof(T), '\0');
    Raw(v.data(), v.size() * sizeof(T));
  }
  template <typename T>
  void Array(std::span<const T> v) {
    Array(std::vector<T>(v.begin(), v.end()));
  }

 private:
  void Raw(const void* p, size_t n) { out_->append(static_cast<const char*>(p), n); }
  std::string* out_;
};

// Reads what BinaryWriter wrote. Reading past the end or a length beyond
// the input makes ok() false and every later read return zero/empty, so a
// caller checks ok() once at the end.
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view in) : in_(in) {}

  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

  uint32_t U32() {
    uint32_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  uint64_t U64() {
    uint64_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  std::string_view Str() {
    uint64_t n = U64();
    if (!ok_ || n > in_.size() - pos_) return Fail(), std::string_view();
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  template <typename T>
  void Array(std::vector<T>* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = ArrayStart<T>();
    v->resize(n);
    Raw(v->data(), n * sizeof(T));
  }
  // The array in place: no copy, valid as long as the buffer. Fails
  // (ok() false) when the elements are not aligned for T in memory. The
  // bytes are read as T without an object of type T having been created
  // there (C++23's start_lifetime_as would say so); T is a plain struct of
  // integers written by this build, and the buffer is never written.
  template <typename T>
  std::span<const T> ArrayView() {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = ArrayStart<T>();
    const char* p = in_.data() + pos_;
    if (!ok_ || reinterpret_cast<uintptr_t>(p) % alignof(T) != 0)
      return Fail(), std::span<const T>();
    pos_ += n * sizeof(T);
    return {reinterpret_cast<const T*>(p), n};
  }

 private:
  // Reads an array's length and skips the padding before its elements.
  template <typename T>
  uint64_t ArrayStart() {
    uint64_t n = U64();
    size_t pad = (alignof(T) - pos_ % alignof(T)) % alignof(T);
    if (!ok_ || pad > in_.size() - pos_ || n > (in_.size() - pos_ - pad) / sizeof(T)) {
      Fail();
      return 0;
    }
    pos_ += pad;
    return n;
  }
  void Fail() { ok_ = false; }
  void Raw(void* p, size_t n) {
    if (!ok_ || n > in_.size() - pos_) return Fail();
    if (n) std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace amends
