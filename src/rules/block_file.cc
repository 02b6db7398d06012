#include "rules/block_file.h"

#include "util/diagnostic.h"

namespace amends {

std::pair<int, int> LocateInValue(const std::vector<ValuePiece>& pieces, size_t offset) {
  if (pieces.empty()) return {0, 1};
  const ValuePiece* at = &pieces.front();
  for (const ValuePiece& p : pieces)
    if (p.offset <= offset) at = &p;
  size_t past = offset > at->offset ? offset - at->offset : 0;
  return {at->line, at->column + static_cast<int>(past)};
}

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

bool IsListItem(std::string_view trimmed) {
  return trimmed == "-" || trimmed.substr(0, 2) == "- " || trimmed.substr(0, 2) == "-\t";
}

// The value being written: a field's or a define's, which the lines
// indented deeper than `indent` continue.
struct OpenValue {
  std::string* value = nullptr;
  std::vector<ValuePiece>* pieces = nullptr;
  bool* list = nullptr;
  size_t indent = 0;
  bool continued = false;
  std::vector<std::pair<std::string, ValuePiece>> items;

  bool open() const { return value != nullptr; }

  // Adds one continuation line; false with `*why` set when it cannot be.
  bool Continue(std::string_view trimmed, int line, int column, std::string* why, int* why_column) {
    bool item = IsListItem(trimmed);
    if (!continued && value->empty() && item) *list = true;
    continued = true;
    if (*list) {
      if (!item) {
        *why = "expected '- item': this value is a list";
        *why_column = column;
        return false;
      }
      std::string_view text = Trim(trimmed.substr(1));
      if (text.empty()) {
        *why = "empty list item";
        *why_column = column;
        return false;
      }
      int text_column = column + static_cast<int>(text.data() - trimmed.data());
      items.push_back({std::string(text), ValuePiece{0, line, text_column}});
      return true;
    }
    if (value->empty()) {
      pieces->clear();
    } else {
      value->push_back(' ');
    }
    pieces->push_back({static_cast<uint32_t>(value->size()), line, column});
    value->append(trimmed);
    return true;
  }

  // Writes a list's items as one group; closes the value.
  void Close() {
    if (open() && *list && !items.empty()) {
      value->assign("(");
      pieces->clear();
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) value->push_back('|');
        ValuePiece p = items[i].second;
        p.offset = static_cast<uint32_t>(value->size());
        pieces->push_back(p);
        value->append(items[i].first);
      }
      value->push_back(')');
    }
    *this = OpenValue();
  }
};

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
  // Values point into out->blocks, so the vectors are not grown while one
  // is open: a new block or field closes it first.
  OpenValue open;
  for (size_t i = 0; i < out->lines.size(); ++i) {
    const std::string& raw = out->lines[i];
    int lineno = static_cast<int>(i) + 1;
    std::string_view trimmed = Trim(raw);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    size_t indent = static_cast<size_t>(trimmed.data() - raw.data());
    int column = static_cast<int>(indent) + 1;
    if (indent > 0 && open.open() && indent > open.indent) {
      std::string why;
      int why_column = column;
      if (!open.Continue(trimmed, lineno, column, &why, &why_column)) {
        *error = out->Error(lineno, why_column, why);
        return false;
      }
      continue;
    }
    open.Close();
    if (indent == 0) {
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
          std::string_view value = Trim(rest.substr(eq + 1));
          b.value = std::string(value);
          int value_column = value.empty() ? static_cast<int>(rest.data() - raw.data() + eq) + 2
                                           : static_cast<int>(value.data() - raw.data()) + 1;
          b.value_pieces.push_back({0, lineno, value_column});
        } else {
          b.arg = std::string(rest);
        }
      }
      out->blocks.push_back(std::move(b));
      Block& added = out->blocks.back();
      if (added.keyword == "define") {
        open.value = &added.value;
        open.pieces = &added.value_pieces;
        open.list = &added.list;
        open.indent = 0;
      }
      continue;
    }
    if (out->blocks.empty() || out->blocks.back().keyword == "define") {
      *error = out->Error(lineno, 1, "indented field outside a block");
      return false;
    }
    size_t colon = trimmed.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      *error = out->Error(lineno, column, "expected 'key: value'");
      return false;
    }
    BlockField f;
    f.key = std::string(Trim(trimmed.substr(0, colon)));
    std::string_view value = Trim(trimmed.substr(colon + 1));
    f.value = std::string(value);
    f.line = lineno;
    f.value_column = value.empty() ? static_cast<int>(trimmed.data() - raw.data() + colon) + 2
                                   : static_cast<int>(value.data() - raw.data()) + 1;
    f.pieces.push_back({0, lineno, f.value_column});
    std::vector<BlockField>& fields = out->blocks.back().fields;
    fields.push_back(std::move(f));
    open.value = &fields.back().value;
    open.pieces = &fields.back().pieces;
    open.list = &fields.back().list;
    open.indent = indent;
  }
  open.Close();
  return true;
}

}  // namespace amends
