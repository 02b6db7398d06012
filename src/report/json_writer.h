// A minimal streaming JSON writer: appends to a string, no intermediate
// tree, no allocation beyond the output. Callers produce well-formed
// structure (keys only inside objects, at most 64 levels deep); strings
// must be valid UTF-8.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace amends {

// Literal pieces and decimal numbers assembled in a buffer of N bytes on
// the stack, then appended at once: one capacity check for a run of short
// writes (a finding's offsets). The caller keeps within N.
template <size_t N>
class PieceBuffer {
 public:
  void Put(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  void Number(uint32_t v) { p_ = std::to_chars(p_, p_ + 10, v).ptr; }
  void AppendTo(std::string* out) {
    out->append(buf_, p_);
    p_ = buf_;
  }

 private:
  char buf_[N];
  char* p_ = buf_;
};

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() {
    Value();
    out_->push_back('{');
    Push();
  }
  void EndObject() {
    out_->push_back('}');
    --depth_;
  }
  void BeginArray() {
    Value();
    out_->push_back('[');
    Push();
  }
  void EndArray() {
    out_->push_back(']');
    --depth_;
  }

  // `key` is a name from the schema, never input text: it is written as
  // is (a record writes hundreds of keys, and escaping them showed up in
  // audit profiles).
  void Key(std::string_view key) {
    // `,"key":` assembled here and appended at once: one capacity check
    // instead of four.
    char buf[64];
    if (key.size() > sizeof buf - 4) {
      Comma();
      out_->push_back('"');
      out_->append(key);
      out_->append("\":", 2);
    } else {
      size_t n = 0;
      if (NeedsComma()) buf[n++] = ',';
      buf[n++] = '"';
      std::memcpy(buf + n, key.data(), key.size());
      n += key.size();
      buf[n++] = '"';
      buf[n++] = ':';
      out_->append(buf, n);
    }
    after_key_ = true;
  }
  void String(std::string_view s) {
    Value();
    AppendString(s);
  }
  void Uint(uint64_t v) {
    Value();
    char digits[20];
    out_->append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
  }
  void Double(double v);
  void Bool(bool v) {
    Value();
    out_->append(v ? "true" : "false");
  }
  void Null() {
    Value();
    out_->append("null");
  }
  // A value that is already JSON text (an id copied from the input).
  void Raw(std::string_view json) {
    Value();
    out_->append(json);
  }

  // Appends `s` as a JSON string literal to `out`.
  static void Escape(std::string_view s, std::string* out);

 private:
  // Bit d of first_ is set while the container at depth d + 1 has no
  // element yet.
  void Push() {
    if (depth_ == 64) std::abort();  // deeper than the contract allows
    first_ |= uint64_t{1} << depth_++;
  }
  // Whether the next element of the current container follows another;
  // it is then the first no longer.
  bool NeedsComma() {
    if (depth_ == 0) return false;
    uint64_t bit = uint64_t{1} << (depth_ - 1);
    bool comma = !(first_ & bit);
    first_ &= ~bit;
    return comma;
  }
  void Comma() {
    if (NeedsComma()) out_->push_back(',');
  }
  void Value() {
    if (after_key_) after_key_ = false;
    else Comma();
  }
  void AppendString(std::string_view s) { Escape(s, out_); }

  std::string* out_;
  uint64_t first_ = 0;
  int depth_ = 0;
  bool after_key_ = false;
};

}  // namespace amends
