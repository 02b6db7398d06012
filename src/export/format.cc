#include "export/format.h"

#include <array>
#include <string>
#include <utility>

namespace amends::exports {
namespace {

constexpr std::array<std::pair<Format, const char*>, 7> kNames = {{
    {Format::kJsonl, "jsonl"},
    {Format::kZendesk, "zendesk"},
    {Format::kFreshdesk, "freshdesk"},
    {Format::kHelpScout, "helpscout"},
    {Format::kIntercom, "intercom"},
    {Format::kCsv, "csv"},
    {Format::kMbox, "mbox"},
}};

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// True when the first line mentions "KEY": as a JSON key.
bool HasKey(std::string_view line, std::string_view key) {
  std::string quoted(1, '"');
  quoted.append(key).push_back('"');
  for (size_t at = line.find(quoted); at != std::string_view::npos;
       at = line.find(quoted, at + 1)) {
    size_t i = at + quoted.size();
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i < line.size() && line[i] == ':') return true;
  }
  return false;
}

}  // namespace

std::optional<Format> ParseFormatName(std::string_view name) {
  for (const auto& [format, text] : kNames)
    if (name == text) return format;
  return std::nullopt;
}

const char* FormatName(Format format) {
  for (const auto& [f, text] : kNames)
    if (f == format) return text;
  return "?";
}

Format GuessFormat(std::string_view path, std::string_view head) {
  if (EndsWith(path, ".csv") || EndsWith(path, ".tsv")) return Format::kCsv;
  if (EndsWith(path, ".mbox") || EndsWith(path, ".mbx")) return Format::kMbox;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return Format::kJsonl;
  head.remove_prefix(start);
  if (head.substr(0, 5) == "From ") return Format::kMbox;
  if (head[0] != '{') return Format::kJsonl;
  std::string_view line = head.substr(0, head.find('\n'));
  if (HasKey(line, "conversation_parts")) return Format::kIntercom;
  if (HasKey(line, "_embedded") || HasKey(line, "threads")) return Format::kHelpScout;
  if (HasKey(line, "conversations")) return Format::kFreshdesk;
  if (HasKey(line, "comments")) return Format::kZendesk;
  return Format::kJsonl;
}

}  // namespace amends::exports
