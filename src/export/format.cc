#include "export/format.h"

namespace amends::exports {

// One row per helpdesk format; each record is defined in src/export/helpdesk/NAME.cc.
extern const Format kZendeskFormat, kFreshdeskFormat, kHelpScoutFormat, kIntercomFormat;

namespace {

// The formats the reader splits itself; their code is in reader.cc,
// csv_mapping.cc and mbox.cc.
constexpr Format kJsonlFormat = {
    .name = "jsonl", .help = "amends' own lines", .byte_in_errors = false};
constexpr Format kCsvFormat = {.name = "csv",
                               .help = "--text-col and the other column options",
                               .split = Split::kCsvRows,
                               .extensions = {".csv", ".tsv"}};
constexpr Format kMboxFormat = {.name = "mbox",
                                .help = "sent mail",
                                .split = Split::kMboxMessages,
                                .extensions = {".mbox", ".mbx"},
                                .line_start = "From "};

const Format* const kFormats[] = {
    &kJsonlFormat,    &kZendeskFormat, &kFreshdeskFormat, &kHelpScoutFormat,
    &kIntercomFormat, &kCsvFormat,     &kMboxFormat,
};

bool EndsWithFolded(std::string_view s, std::string_view suffix) {
  if (suffix.empty() || s.size() < suffix.size()) return false;
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

// The format whose keys `line` has, trying them in guess_order; null if none.
const Format* ByKeys(std::string_view line) {
  const Format* best = nullptr;
  for (const Format* f : kFormats)
    for (std::string_view key : f->keys)
      if (!key.empty() && HasKey(line, key) && (!best || f->guess_order < best->guess_order))
        best = f;
  return best;
}

}  // namespace

std::span<const Format* const> Formats() { return kFormats; }

const Format* FindFormat(std::string_view name) {
  for (const Format* f : kFormats)
    if (f->name == name) return f;
  return nullptr;
}

std::string FormatNames() {
  std::string out;
  for (const Format* f : kFormats) {
    if (!out.empty()) out += ", ";
    out += f->name;
  }
  return out;
}

std::string FormatsHelp(size_t width) {
  std::string text = "Formats (--input):";
  for (const Format* f : kFormats) {
    text += ' ';
    text += f->name;
    if (!f->help.empty()) text += " (" + std::string(f->help) + ")";
    text += f == kFormats[std::size(kFormats) - 1] ? "." : ",";
  }
  // Wrapped at spaces, each line as long as fits.
  std::string out;
  size_t line = 0;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    const size_t word = end - at;
    if (line > 0 && line + 1 + word > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out.append(text, at, word);
    line += word;
    at = end + 1;
  }
  return out;
}

const Format& GuessFormat(std::string_view path, std::string_view head) {
  for (const Format* f : kFormats)
    for (std::string_view ext : f->extensions)
      if (EndsWithFolded(path, ext)) return *f;
  const Format& fallback = *kFormats[0];
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return fallback;
  head.remove_prefix(start);
  for (const Format* f : kFormats)
    if (!f->line_start.empty() && head.substr(0, f->line_start.size()) == f->line_start) return *f;
  if (head[0] != '{') return fallback;
  const Format* by_keys = ByKeys(head.substr(0, head.find('\n')));
  return by_keys ? *by_keys : fallback;
}

}  // namespace amends::exports
