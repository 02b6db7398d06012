#include "email/detect.h"

#include <array>
#include <cctype>
#include <string>

namespace amends::email {
namespace {

constexpr size_t kMaxHeaderScan = 256 * 1024;  // a header block larger than this is not a draft's

bool IsFieldNameChar(unsigned char c) { return c > 32 && c < 127 && c != ':'; }

}  // namespace

bool LooksLikeMessage(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return false;  // a text file
  std::string_view rest = bytes.substr(0, kMaxHeaderScan);
  if (rest.substr(0, 5) == "From ") {  // mbox separator
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) return false;
    rest.remove_prefix(nl + 1);
  }
  static constexpr std::array<std::string_view, 12> kKnown = {
      "from",         "to",       "subject",     "date", "message-id",  "mime-version",
      "content-type", "received", "return-path", "cc",   "in-reply-to", "references"};
  int known = 0, fields = 0;
  bool mime = false;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) return false;  // no blank line ends the header
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if (line[0] == ' ' || line[0] == '\t') {
      if (fields == 0) return false;
      continue;
    }
    size_t i = 0;
    while (i < line.size() && IsFieldNameChar(static_cast<unsigned char>(line[i]))) ++i;
    if (i == 0 || i == line.size() || line[i] != ':') return false;
    std::string name;
    for (size_t k = 0; k < i; ++k)
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(line[k])));
    ++fields;
    for (std::string_view k : kKnown)
      if (name == k) ++known;
    if (name == "mime-version" || name == "content-type") mime = true;
  }
  return fields > 0 && (known >= 2 || mime);
}

}  // namespace amends::email
