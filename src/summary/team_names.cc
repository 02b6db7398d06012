#include "summary/team_names.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace amends::summary {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

bool ParseTeamNames(std::string_view content, const std::string& file, TeamNames* out,
                    std::string* error) {
  std::map<std::string, size_t> first_line;
  size_t number = 0;
  while (!content.empty()) {
    size_t end = content.find('\n');
    std::string_view line = content.substr(0, end);
    content.remove_prefix(end == std::string_view::npos ? content.size() : end + 1);
    ++number;
    if (number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // BOM
    std::string_view text = Trim(line);
    if (text.empty() || text.front() == '#') continue;
    auto where = [&] { return file + ":" + std::to_string(number) + ": "; };
    size_t cut = line.find('\t');
    if (cut == std::string_view::npos) cut = line.find('=');
    if (cut == std::string_view::npos) {
      *error = where() + "expected ID<TAB>NAME or ID=NAME";
      return false;
    }
    std::string id(Trim(line.substr(0, cut))), name(Trim(line.substr(cut + 1)));
    if (id.empty() || name.empty()) {
      *error = where() + (id.empty() ? "empty team id" : "empty name for team \"" + id + "\"");
      return false;
    }
    auto [it, added] = first_line.emplace(id, number);
    if (!added) {
      *error = where() + "team \"" + id + "\" already named on line " + std::to_string(it->second);
      return false;
    }
    (*out)[id] = std::move(name);
  }
  return true;
}

bool ReadTeamNames(const std::string& path, TeamNames* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  if (!in) {
    *error = path + ": cannot read: " + std::strerror(errno);
    return false;
  }
  return ParseTeamNames(bytes.str(), path, out, error);
}

}  // namespace amends::summary
