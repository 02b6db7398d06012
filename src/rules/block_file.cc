#include "rules/block_file.h"

#include "util/diagnostic.h"

namespace amends {

std::vector<const BlockField*> Block::All(std::string_view key) const {
  std::vector<const BlockField*> out;
  for (const BlockField& f : fields)
    if (f.key == key) out.push_back(&f);
  return out;
}

const BlockField* Block::Find(std::string_view key) const {
  for (const BlockField& f : fields)
    if (f.key == key) return &f;
  return nullptr;
}

std::string BlockFile::Error(int line, int column, std::string_view message) const {
  std::string_view text = line >= 1 && line <= static_cast<int>(lines.size())
                              ? std::string_view(lines[line - 1])
                              : std::string_view();
  return FormatDiagnostic(name, line, column, message, text);
}

namespace {
std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}
}  // namespace

bool ParseBlockFile(std::string name, std::string_view content, BlockFile* out,
                    std::string* error) {
  out->name = std::move(name);
  out->lines.clear();
  out->blocks.clear();
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out->lines.emplace_back(line);
    if (nl == content.size()) break;
    pos = nl + 1;
  }
  for (size_t i = 0; i < out->lines.size(); ++i) {
    const std::string& raw = out->lines[i];
    int lineno = static_cast<int>(i) + 1;
    std::string_view trimmed = Trim(raw);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    bool indented = raw[0] == ' ' || raw[0] == '\t';
    if (!indented) {
      size_t sp = trimmed.find_first_of(" \t");
      Block b;
      b.keyword = std::string(trimmed.substr(0, sp));
      b.line = lineno;
      if (sp != std::string_view::npos) {
        std::string_view rest = Trim(trimmed.substr(sp));
        b.arg_column = static_cast<int>(rest.data() - raw.data()) + 1;
        if (b.keyword == "define") {
          size_t eq = rest.find('=');
          if (eq == std::string_view::npos) {
            *error = out->Error(lineno, b.arg_column, "expected 'define NAME = PATTERN'");
            return false;
          }
          b.arg = std::string(Trim(rest.substr(0, eq)));
          b.value = std::string(Trim(rest.substr(eq + 1)));
        } else {
          b.arg = std::string(rest);
        }
      }
      out->blocks.push_back(std::move(b));
      continue;
    }
    if (out->blocks.empty() || out->blocks.back().keyword == "define") {
      *error = out->Error(lineno, 1, "indented field outside a block");
      return false;
    }
    size_t colon = trimmed.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      *error = out->Error(lineno, static_cast<int>(trimmed.data() - raw.data()) + 1,
                          "expected 'key: value'");
      return false;
    }
    BlockField f;
    f.key = std::string(Trim(trimmed.substr(0, colon)));
    std::string_view value = Trim(trimmed.substr(colon + 1));
    f.value = std::string(value);
    f.line = lineno;
    f.value_column = value.empty() ? static_cast<int>(trimmed.data() - raw.data() + colon) + 2
                                   : static_cast<int>(value.data() - raw.data()) + 1;
    out->blocks.back().fields.push_back(std::move(f));
  }
  return true;
}

}  // namespace amends
