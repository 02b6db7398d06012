#include "util/diagnostic.h"

#include <algorithm>

#include "util/utf8.h"

namespace amends {

std::string FormatDiagnostic(std::string_view file, int line, int column, std::string_view message,
                             std::string_view line_text) {
  std::string out(file);
  // Appended piece by piece: "…" + std::to_string(…) trips a false
  // -Wrestrict in GCC 12.
  out += ':';
  out += std::to_string(line);
  if (column > 0) {
    out += ':';
    out += std::to_string(column);
  }
  out += ": ";
  out += message;
  if (!line_text.empty()) {
    out += "\n  ";
    out += EscapeControls(line_text);
    if (column > 0) {
      out += "\n  ";
      for (int i = 1; i < column && i <= static_cast<int>(line_text.size()); ++i)
        out += line_text[i - 1] == '\t' ? '\t' : ' ';
      out += '^';
    }
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = word.size() / 3 + 2;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = ClosestMatch(word, candidates);
  return best.empty() ? "" : "; did you mean '" + best + "'?";
}

}  // namespace amends
