#include "rules/replacement.h"

#include <algorithm>

namespace amends {
namespace {

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsWordByte(unsigned char c) {
  // Any non-ASCII byte counts as a word byte: a boundary is never claimed
  // inside or next to a letter of another script.
  return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c >= 0x80;
}
bool IsSpace(char c) { return c == ' ' || c == '\t'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

// The end of `from` matched at `at` in `text`, or npos.
size_t MatchAt(std::string_view text, size_t at, std::string_view from) {
  size_t i = at;
  for (size_t k = 0; k < from.size(); ++k) {
    char f = from[k];
    if (f == ' ') {
      if (i >= text.size() || !IsSpace(text[i])) return std::string_view::npos;
      while (i < text.size() && IsSpace(text[i])) ++i;
    } else if (f == '\'') {
      if (i < text.size() && text[i] == '\'') ++i;
      else if (text.substr(i, 3) == kCurlyApostrophe) i += 3;
      else return std::string_view::npos;
    } else {
      if (i >= text.size() || Lower(text[i]) != f) return std::string_view::npos;
      ++i;
    }
  }
  return i;
}

// Whether `at` opens a sentence: only spacing between it and the start of
// the text, a line end, or a sentence end.
bool OpensSentence(std::string_view text, size_t at) {
  while (at > 0 && IsSpace(text[at - 1])) --at;
  if (at == 0) return true;
  char c = text[at - 1];
  return c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?';
}

}  // namespace

bool ParseReplacement(std::string_view value, LiteralReplacement* out, std::string* error) {
  size_t arrow = value.find("=>");
  if (arrow == std::string_view::npos) {
    *error = "a replacement is 'FROM => TO' (TO may be empty: drop FROM)";
    return false;
  }
  auto trim = [](std::string_view s) {
    while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
    return s;
  };
  std::string_view from = trim(value.substr(0, arrow));
  std::string_view to = trim(value.substr(arrow + 2));
  if (from.empty()) {
    *error = "a replacement needs the text it replaces before '=>'";
    return false;
  }
  out->from.clear();
  for (char c : from) {
    if (IsSpace(c)) {
      if (!out->from.empty() && out->from.back() != ' ') out->from.push_back(' ');
    } else if (c >= 'A' && c <= 'Z') {
      *error = "write the text a replacement replaces in lower case (it matches any case)";
      return false;
    } else {
      out->from.push_back(c);
    }
  }
  out->to = std::string(to);
  return true;
}

std::vector<uint32_t> NewlinesOf(std::string_view text) {
  std::vector<uint32_t> out;
  for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1))
    out.push_back(static_cast<uint32_t>(at));
  return out;
}

std::optional<Edit> ReplacementAt(const std::vector<LiteralReplacement>& replacements,
                                  std::string_view text, uint32_t hit_start, uint32_t hit_end) {
  return ReplacementAt(replacements, text, NewlinesOf(text), hit_start, hit_end);
}

std::optional<Edit> ReplacementAt(const std::vector<LiteralReplacement>& replacements,
                                  std::string_view text, std::span<const uint32_t> newlines,
                                  uint32_t hit_start, uint32_t hit_end) {
  struct {
    uint32_t start, end;
  } hit{hit_start, hit_end};
  if (hit.start >= hit.end || hit.end > text.size()) return std::nullopt;
  // The hit's line: FROM never crosses a line end. Found by binary search,
  // so a text of one long line with a hit every few words stays linear.
  auto after = std::upper_bound(newlines.begin(), newlines.end(), hit.start);
  size_t line_start = after == newlines.begin() ? 0 : after[-1] + 1;
  auto next = std::lower_bound(newlines.begin(), newlines.end(), hit.start);
  size_t line_end = next == newlines.end() ? text.size() : *next;
  std::string_view line = text.substr(0, line_end);
  for (const LiteralReplacement& r : replacements) {
    // Starts from which FROM can reach the hit (a space may stand for a
    // few), up to the hit's last byte.
    size_t reach = r.from.size() * 4;
    size_t lo = hit.start > line_start + reach ? hit.start - reach : line_start;
    for (size_t at = lo; at < hit.end; ++at) {
      if (at > 0 && IsWordByte(static_cast<unsigned char>(line[at - 1])) &&
          IsWordByte(static_cast<unsigned char>(r.from.front())))
        continue;
      size_t end = MatchAt(line, at, r.from);
      if (end == std::string_view::npos || end <= hit.start) continue;
      // FROM that ends in a word ends a clause: punctuation or the line
      // end follows ("…for any inconvenience." but not "…for any
      // inconvenience while we move").
      if (IsWordByte(static_cast<unsigned char>(r.from.back())) && end < line.size() &&
          (IsWordByte(static_cast<unsigned char>(line[end])) || IsSpace(line[end])))
        continue;
      Edit edit{static_cast<uint32_t>(at), static_cast<uint32_t>(end), r.to};
      const bool capital = (line[at] >= 'A' && line[at] <= 'Z');
      if (!r.to.empty()) {
        if (capital) edit.text[0] = Upper(edit.text[0]);
        return edit;
      }
      // A drop: take the spacing it leaves behind with it.
      if (end < line.size() && IsSpace(line[end])) {
        // More text follows: drop the spacing after FROM, and give the next
        // word the capital FROM had when it opened a sentence.
        while (end < line.size() && IsSpace(line[end])) ++end;
        edit.end = static_cast<uint32_t>(end);
        if (capital && OpensSentence(line, at) && end < line.size() && line[end] >= 'a' &&
            line[end] <= 'z') {
          edit.text.push_back(Upper(line[end]));
          edit.end = static_cast<uint32_t>(end + 1);
        }
      } else if (!OpensSentence(line, at) || end == line.size()) {
        // Punctuation or the line end follows: drop the spacing before.
        size_t start = at;
        while (start > line_start && IsSpace(line[start - 1])) --start;
        edit.start = static_cast<uint32_t>(start);
      }
      return edit;
    }
  }
  return std::nullopt;
}

std::string ApplyEdit(std::string_view text, const Edit& edit) {
  std::string out;
  out.reserve(text.size() + edit.text.size());
  out.append(text.substr(0, edit.start));
  out.append(edit.text);
  out.append(text.substr(edit.end));
  return out;
}

}  // namespace amends
