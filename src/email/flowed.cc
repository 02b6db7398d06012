#include "email/flowed.h"

namespace amends::email {

std::string DecodeFlowed(std::string_view text, bool delsp) {
  std::string out;
  out.reserve(text.size());
  bool open = false;  // the previous line was flowed: this one continues it
  size_t open_depth = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    size_t depth = 0;
    while (depth < line.size() && line[depth] == '>') ++depth;
    std::string_view content = line.substr(depth);
    if (!content.empty() && content[0] == ' ') content.remove_prefix(1);  // stuffing
    bool signature = content == "-- ";
    bool flowed = !signature && !content.empty() && content.back() == ' ';
    if (open && (depth != open_depth || signature)) {  // 4.5: a depth change ends a paragraph;
                                                       // so does a signature separator
      out += '\n';
      open = false;
    }
    if (!open && depth > 0) {
      out.append(depth, '>');
      out += ' ';
    }
    if (flowed && delsp) content.remove_suffix(1);
    out.append(content);
    if (flowed) {
      open = true;
      open_depth = depth;
    } else {
      open = false;
      if (nl != std::string_view::npos) out += '\n';
    }
  }
  if (open) out += '\n';
  return out;
}

}  // namespace amends::email
