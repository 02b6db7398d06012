// A minimal binary encoding for data compiled at build time and read back
// by the same build of amends (see analyzer/lexicon_image.h): integers in
// the machine's byte order, strings and arrays of plain structs with their
// length first. Not a file format for exchange.
#pragma once

#include <cstdint>
#include <cstring>
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
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
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
    uint64_t n = U64();
    if (!ok_ || n > (in_.size() - pos_) / sizeof(T)) return Fail();
    v->resize(n);
    Raw(v->data(), n * sizeof(T));
  }

 private:
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
