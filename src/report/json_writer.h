// A minimal streaming JSON writer: appends to a string, no intermediate
// tree, no allocation beyond the output. Callers produce well-formed
// structure (keys only inside objects); strings must be valid UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace amends {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Value(); out_->push_back('{'); first_.push_back(true); }
  void EndObject() { out_->push_back('}'); first_.pop_back(); }
  void BeginArray() { Value(); out_->push_back('['); first_.push_back(true); }
  void EndArray() { out_->push_back(']'); first_.pop_back(); }

  // `key` is a name from the schema, never input text: it is written as
  // is (a record writes hundreds of keys, and escaping them showed up in
  // audit profiles).
  void Key(std::string_view key) {
    Comma();
    out_->push_back('"');
    out_->append(key);
    out_->append("\":", 2);
    after_key_ = true;
  }
  void String(std::string_view s) { Value(); AppendString(s); }
  void Uint(uint64_t v) { Value(); out_->append(std::to_string(v)); }
  void Double(double v);
  void Bool(bool v) { Value(); out_->append(v ? "true" : "false"); }
  void Null() { Value(); out_->append("null"); }
  // A value that is already JSON text (an id copied from the input).
  void Raw(std::string_view json) { Value(); out_->append(json); }

  // Appends `s` as a JSON string literal to `out`.
  static void Escape(std::string_view s, std::string* out);

 private:
  void Comma() {
    if (!first_.empty()) {
      if (!first_.back()) out_->push_back(',');
      first_.back() = false;
    }
  }
  void Value() {
    if (after_key_) after_key_ = false;
    else Comma();
  }
  void AppendString(std::string_view s) { Escape(s, out_); }

  std::string* out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace amends
