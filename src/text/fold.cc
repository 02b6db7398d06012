#include "text/fold.h"

#include <unicode/uchar.h>

#include "util/utf8.h"

namespace amends {

bool FoldCodePoint(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
      return false;
    out->push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return true;
  }
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x02BC:
    case 0x2032:
    case 0xFF07:
      out->push_back('\'');
      return true;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0xFF02:
      out->push_back('"');
      return true;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
      out->push_back('-');
      return true;
    default:
      break;
  }
  if (u_isUWhiteSpace(static_cast<UChar32>(cp))) return false;
  AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)), out);
  return true;
}

std::string FoldText(std::string_view s) {
  // Most lexicon words and names are ASCII without runs of whitespace:
  // folding them is lower-casing.
  bool plain = !s.empty() && s.front() != ' ' && s.back() != ' ';
  for (size_t i = 0; plain && i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    plain = c < 0x80 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
            !(c == ' ' && s[i - 1] == ' ');
  }
  if (plain) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
  }
  std::string out;
  std::string piece;
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = DecodeUtf8(s, &i);
    piece.clear();
    if (!FoldCodePoint(cp, &piece)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out += piece;
  }
  return out;
}

}  // namespace amends
