#include "util/word_list.h"

#include <algorithm>

namespace amends {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

WordList::WordList(std::string_view content, Normalise normalise) {
  while (!content.empty()) {
    size_t nl = content.find('\n');
    std::string_view line = Trim(content.substr(0, nl));
    content.remove_prefix(nl == std::string_view::npos ? content.size() : nl + 1);
    if (line.empty() || line.front() == '#') continue;
    std::string entry = normalise ? normalise(line) : std::string(line);
    if (!entry.empty()) entries_.push_back(std::move(entry));
  }
  std::sort(entries_.begin(), entries_.end());
  entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
  for (const std::string& e : entries_) longest_ = std::max(longest_, e.size());
}

bool WordList::Contains(std::string_view s) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), s,
                             [](const std::string& e, std::string_view v) { return e < v; });
  return it != entries_.end() && *it == s;
}

bool WordList::AnySuffixOf(std::string_view s) const {
  for (const std::string& e : entries_)
    if (s.ends_with(e)) return true;
  return false;
}

}  // namespace amends
