#include "export/csv.h"

namespace amends::exports {

bool CsvReader::Next(CsvRecord* out) {
  out->fields.clear();
  out->error.clear();
  if (first_) {
    first_ = false;
    if (in_->Peek(3) == "\xEF\xBB\xBF") {
      in_->Get(), in_->Get(), in_->Get();
    }
  }
  // Skip blank lines between records.
  for (;;) {
    std::string_view next = in_->Peek(2);
    if (next.empty()) return false;
    if (next[0] == '\n') in_->Get();
    else if (next == "\r\n") in_->Get(), in_->Get();
    else break;
  }
  out->line = in_->line() + 1;
  out->byte = in_->offset();
  size_t bytes = 0;
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the current field started with a quote
  bool after_quote = false;  // a quoted field just closed
  auto add = [&](int c) {
    if (++bytes <= max_bytes_) field.push_back(static_cast<char>(c));
  };
  // `back` is 1 when the offending byte was just read.
  auto fail = [&](std::string message, int back) {
    if (out->error.empty())
      out->error = std::move(message) + " (line " + std::to_string(in_->line() + 1) + ", byte " +
                   std::to_string(in_->offset() - back) + ")";
  };
  for (;;) {
    int c = in_->Get();
    if (c == -1) {
      if (quoted) fail("unterminated quoted field", 0);
      break;
    }
    if (quoted) {
      if (c != '"') {
        add(c);
      } else if (!in_->Peek(1).empty() && in_->Peek(1)[0] == '"') {
        in_->Get();
        add('"');
      } else {
        quoted = false;
        after_quote = true;
      }
      continue;
    }
    if (c == delimiter_) {
      out->fields.push_back(std::move(field));
      field.clear();
      was_quoted = after_quote = false;
      continue;
    }
    if (c == '\n') break;
    if (c == '\r' && !in_->Peek(1).empty() && in_->Peek(1)[0] == '\n') {
      in_->Get();
      break;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
      continue;
    }
    if (after_quote) {
      fail("unexpected character after a closing quote", 1);
      after_quote = false;
    } else if (c == '"') {
      fail("quote inside an unquoted field", 1);
    }
    add(c);
  }
  out->fields.push_back(std::move(field));
  if (bytes > max_bytes_)
    out->error = "record is larger than the limit of " + std::to_string(max_bytes_) + " bytes";
  return true;
}

}  // namespace amends::exports
