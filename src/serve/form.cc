#include "serve/form.h"

#include "util/hex.h"

namespace amends::serve {
namespace {

// Decodes body[begin, end) into `*out`.
bool Decode(std::string_view body, size_t begin, size_t end, std::string* out, std::string* error) {
  out->clear();
  out->reserve(end - begin);
  for (size_t i = begin; i < end; ++i) {
    char c = body[i];
    if (c == '+') {
      *out += ' ';
    } else if (c == '%') {
      int hi = i + 1 < end ? HexDigitValue(body[i + 1]) : -1;
      int lo = i + 2 < end ? HexDigitValue(body[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        *error = "form body: byte " + std::to_string(i + 1) +
                 ": '%' is not followed by two hexadecimal digits";
        return false;
      }
      *out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      *out += c;
    }
  }
  return true;
}

}  // namespace

bool ParseForm(std::string_view body, std::map<std::string, std::string>* fields,
               std::string* error) {
  size_t start = 0;
  while (start <= body.size()) {
    size_t amp = body.find('&', start);
    if (amp == std::string_view::npos) amp = body.size();
    if (amp > start) {
      size_t eq = body.find('=', start);
      if (eq == std::string_view::npos || eq > amp) eq = amp;
      std::string name, value;
      if (!Decode(body, start, eq, &name, error)) return false;
      if (eq < amp && !Decode(body, eq + 1, amp, &value, error)) return false;
      (*fields)[std::move(name)] = std::move(value);
    }
    start = amp + 1;
  }
  return true;
}

}  // namespace amends::serve
