#include "serve/cors.h"

namespace amends::serve {

bool OriginAllowed(const std::string& origin, const std::vector<std::string>& allowed) {
  if (origin.empty()) return false;
  for (const std::string& a : allowed) {
    if (a == "*" || a == origin) return true;
    if (!a.empty() && a.back() == '*' && origin.compare(0, a.size() - 1, a, 0, a.size() - 1) == 0 &&
        origin.size() >= a.size())
      return true;
  }
  return false;
}

bool SameSecret(const std::string& a, const std::string& b) {
  // Every byte of the longer one is looked at, whatever matches.
  size_t n = a.size() > b.size() ? a.size() : b.size();
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ y);
  }
  return diff == 0;
}

}  // namespace amends::serve
