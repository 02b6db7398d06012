// HasOverrideHeader (message.h): a plain scan of the header block, kept
// apart from message.cc so the send gate needs no MIME parser for it.
#include <string>

#include "email/message.h"
#include "util/ascii.h"

namespace amends::email {

bool HasOverrideHeader(std::string_view bytes) {
  std::string_view rest = bytes.substr(0, 256 * 1024);
  std::string_view field = "x-amends-override:";
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return false;  // end of the header block
    if (line.size() >= field.size() && AsciiLower(line.substr(0, field.size())) == field) {
      std::string_view value = line.substr(field.size());
      size_t v = value.find_first_not_of(" \t");
      if (v != std::string_view::npos) {
        std::string lv = AsciiLower(value.substr(v));
        return lv != "no" && lv != "0" && lv != "false";
      }
    }
    if (nl == std::string_view::npos) return false;
    rest.remove_prefix(nl + 1);
  }
  return false;
}

}  // namespace amends::email
