#include "email/strip.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include "util/embedded_word_lists.h"
#include "util/word_list.h"

namespace amends::email {

const char* StripKindName(StripKind kind) {
  switch (kind) {
    case StripKind::kQuote:
      return "quote";
    case StripKind::kAttribution:
      return "attribution";
    case StripKind::kForwarded:
      return "forwarded";
    case StripKind::kSignature:
      return "signature";
  }
  return "quote";
}

namespace {

struct Line {
  uint32_t start, end;  // without the '\n'
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// Letters A-Z lower-cased, every other byte kept.
std::string LowerAscii(std::string_view s) {
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool IsQuoted(std::string_view line) {
  std::string_view t = Trim(line);
  return !t.empty() && t[0] == '>';
}

// "wrote:" in the languages mail clients localise it to.
bool EndsWithWrote(std::string_view t) {
  static const WordList kWrote(EmbeddedWordList("lexicons/mail/wrote-lines.list"));
  return kWrote.AnySuffixOf(t);
}

// "-----Original Message-----" and the like, and Outlook's "_____" rule.
bool IsForwardSeparator(std::string_view t) {
  static const WordList kSeparators(EmbeddedWordList("lexicons/mail/forward-separators.list"),
                                    LowerAscii);
  if (t.size() >= 10 && t.find_first_not_of('_') == std::string_view::npos) return true;
  // Apple Mail's "Begin forwarded message:" has no dashes.
  if (t.empty() || (t[0] != '-' && !StartsWithNoCase(t, "begin forwarded"))) return false;
  std::string lower = LowerAscii(t);
  for (const std::string& s : kSeparators.entries())
    if (lower.find(s) != std::string::npos) return true;
  return false;
}

// A header line of a forwarded or Outlook-quoted message ("From: …",
// "*Sent:* …" as Gmail renders bold).
bool IsHeaderLine(std::string_view t, std::string_view* name_out = nullptr) {
  while (!t.empty() && t[0] == '*') t.remove_prefix(1);
  static constexpr std::array<std::string_view, 14> kNames = {
      "From:",     "Sent:",    "Date:", "To:",         "Subject:", "Cc:",   "Von:",
      "Gesendet:", "Envoyé :", "От:",   "Отправлено:", "Кому:",    "Тема:", "Дата:"};
  for (std::string_view n : kNames) {
    if (StartsWithNoCase(t, n)) {
      if (name_out) *name_out = n;
      return true;
    }
  }
  return false;
}

bool IsSignatureSeparator(std::string_view line) {
  std::string_view l = line;
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l == "-- " || l == "--";
}

// "Sent from my iPhone": a line that starts with an entry of the list, which
// ends a word there ("Sent from my" is not the start of "Sent from myself").
// The word end stands for the trailing space an entry cannot keep.
bool IsMobileSignature(std::string_view t) {
  static const WordList kLines(EmbeddedWordList("lexicons/mail/mobile-signatures.list"));
  for (const std::string& s : kLines.entries())
    if (StartsWithNoCase(t, s) &&
        (t.size() == s.size() || !std::isalnum(static_cast<unsigned char>(t[s.size()]))))
      return true;
  return false;
}

// "John Smith" from "On Mon, 2 Apr 2012 at 6:26 PM, John Smith <j@x.org> wrote:"
// or "From: John Smith [mailto:j@x.org]"; "" when there is no usable name.
std::string NameFrom(std::string_view s) {
  size_t cut = s.find_first_of("<[(");
  if (cut != std::string_view::npos) s = s.substr(0, cut);
  size_t comma = s.rfind(", ");
  if (comma != std::string_view::npos) s = s.substr(comma + 2);
  s = Trim(s);
  while (!s.empty() && (s.front() == '"' || s.front() == '\'' || s.front() == '*'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == '*')) s.remove_suffix(1);
  s = Trim(s);
  if (s.empty() || s.size() > 80) return "";
  for (char c : s)
    if (c == '@' || std::isdigit(static_cast<unsigned char>(c)) || c == ':') return "";
  return std::string(s);
}

void Add(std::vector<Stripped>* out, uint32_t start, uint32_t end, StripKind kind) {
  if (end > start) out->push_back({start, end, kind});
}

// `marked` is sorted and not overlapping (HtmlText's contract): binary search,
// so a body with many marks stays linear-logarithmic.
bool InMarked(const std::vector<Stripped>& marked, uint32_t offset) {
  auto it = std::upper_bound(marked.begin(), marked.end(), offset,
                             [](uint32_t o, const Stripped& m) { return o < m.start; });
  return it != marked.begin() && offset < std::prev(it)->end;
}

// Appends a quoted line without its '>' markers.
void AppendQuoted(std::string_view line, std::string* out, size_t max) {
  std::string_view t = Trim(line);
  while (!t.empty() && (t[0] == '>' || t[0] == ' ')) t.remove_prefix(1);
  if (out->size() + t.size() + 1 > max) return;
  out->append(t);
  *out += '\n';
}

}  // namespace

StripResult FindStripped(std::string_view body, const std::vector<Stripped>& marked,
                         size_t max_quoted) {
  StripResult result;
  std::vector<Line> lines;
  for (uint32_t start = 0; start < body.size();) {
    size_t nl = body.find('\n', start);
    uint32_t end = nl == std::string_view::npos ? static_cast<uint32_t>(body.size())
                                                : static_cast<uint32_t>(nl);
    lines.push_back({start, end});
    start = end + 1;
  }
  auto text = [&](size_t i) { return body.substr(lines[i].start, lines[i].end - lines[i].start); };
  auto quoted = [&](size_t i) {
    return IsQuoted(text(i)) || (InMarked(marked, lines[i].start) && !Trim(text(i)).empty());
  };
  // "26.06.2014, 14:41, "Alexander L" <abc@example.com>:" right above a
  // quote: an attribution in a language without a known "wrote".
  auto next_is_quote = [&](size_t i) {
    size_t next = i + 1;
    while (next < lines.size() && Trim(text(next)).empty()) ++next;
    return next < lines.size() && quoted(next);
  };
  auto LooksLikeBareAttribution = [&](size_t i) {
    std::string_view t = Trim(text(i));
    if (t.size() < 8 || t.back() != ':' || !next_is_quote(i)) return false;
    bool time = false;
    for (size_t k = 1; k + 1 < t.size(); ++k)
      if (t[k] == ':' && std::isdigit(static_cast<unsigned char>(t[k - 1])) &&
          std::isdigit(static_cast<unsigned char>(t[k + 1])))
        time = true;
    return time || t.find('@') != std::string_view::npos;
  };
  const uint32_t size = static_cast<uint32_t>(body.size());
  std::vector<Stripped> found;
  std::vector<std::pair<uint32_t, uint32_t>> customer;  // ranges whose lines are the thread

  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = Trim(text(i));
    if (InMarked(marked, lines[i].start)) continue;  // the HTML markup already said what it is
    if (IsQuoted(text(i))) {
      size_t j = i;
      while (j + 1 < lines.size() && IsQuoted(text(j + 1))) ++j;
      Add(&found, lines[i].start, lines[j].end, StripKind::kQuote);
      customer.push_back({lines[i].start, lines[j].end});
      i = j;
      continue;
    }
    if (EndsWithWrote(t) || LooksLikeBareAttribution(i)) {
      // The attribution may wrap over up to three lines.
      size_t first = i;
      while (first > 0 && i - first < 2) {
        std::string_view p = Trim(text(first - 1));
        if (p.empty() || IsQuoted(text(first - 1))) break;
        bool header_like = StartsWithNoCase(p, "On ") || StartsWithNoCase(p, "Le ") ||
                           StartsWithNoCase(p, "Am ") || StartsWithNoCase(p, "El ") ||
                           p.back() == '<' || p.back() == ',' ||
                           p.find('@') != std::string_view::npos;
        if (!header_like) break;
        --first;
      }
      std::string joined;
      for (size_t k = first; k <= i; ++k) joined += std::string(Trim(text(k))) + " ";
      if (result.quoted_from.empty()) {
        std::string_view js = Trim(joined);
        size_t w = js.rfind(' ');
        result.quoted_from = NameFrom(w == std::string_view::npos ? js : js.substr(0, w));
      }
      Add(&found, lines[first].start, lines[i].end, StripKind::kAttribution);
      size_t next = i + 1;
      while (next < lines.size() && Trim(text(next)).empty()) ++next;
      if (next < lines.size() && !quoted(next)) {  // a top-posted thread without markers
        Add(&found, lines[next].start, size, StripKind::kQuote);
        customer.push_back({lines[next].start, size});
        break;
      }
      continue;
    }
    bool separator = IsForwardSeparator(t);
    std::string_view header_name;
    bool header_block = false;
    if (!separator && IsHeaderLine(t, &header_name) && header_name != "To:" &&
        header_name != "Cc:") {
      int headers = 1;
      for (size_t k = i + 1; k < lines.size() && k <= i + 4 && IsHeaderLine(Trim(text(k))); ++k)
        ++headers;
      header_block = headers >= 2;
    }
    if (separator || header_block) {
      Add(&found, lines[i].start, size, StripKind::kForwarded);
      size_t k = separator ? i + 1 : i;
      for (; k < lines.size(); ++k) {
        std::string_view h = Trim(text(k));
        std::string_view name;
        if (IsHeaderLine(h, &name)) {
          if ((name == "From:" || name == "Von:" || name == "От:") && result.quoted_from.empty()) {
            std::string_view v = h.substr(h.find(':') + 1);
            result.quoted_from = NameFrom(v);
          }
        } else if (!h.empty()) {
          break;
        }
      }
      if (k < lines.size()) customer.push_back({lines[k].start, size});
      break;
    }
    if (IsSignatureSeparator(text(i))) {
      // To the end, or to where the quoted thread starts below it.
      size_t j = i + 1;
      while (j < lines.size() && !IsQuoted(text(j)) && !EndsWithWrote(Trim(text(j))) &&
             !IsForwardSeparator(Trim(text(j))))
        ++j;
      Add(&found, lines[i].start, j < lines.size() ? lines[j].start : size, StripKind::kSignature);
      i = j - 1;
      continue;
    }
    if (IsMobileSignature(t)) Add(&found, lines[i].start, lines[i].end, StripKind::kSignature);
  }

  // Ranges the HTML markup named, and the thread they hold.
  for (const Stripped& m : marked) {
    found.push_back(m);
    if (m.kind == StripKind::kQuote) customer.push_back({m.start, m.end});
  }

  // Sort, then merge overlaps and neighbours separated only by whitespace.
  std::sort(found.begin(), found.end(),
            [](const Stripped& a, const Stripped& b) { return a.start < b.start; });
  std::vector<Stripped> merged;
  for (const Stripped& s : found) {
    if (!merged.empty()) {
      Stripped& last = merged.back();
      bool gap_blank = s.start <= last.end ||
                       Trim(body.substr(last.end, s.start - last.end)).find_first_not_of("\n") ==
                           std::string_view::npos;
      if (s.start < last.end || (gap_blank && s.kind == last.kind)) {
        last.end = std::max(last.end, s.end);
        continue;
      }
    }
    merged.push_back(s);
  }
  result.stripped = std::move(merged);

  // The customer's words: the thread's lines, markers removed, each once.
  std::sort(customer.begin(), customer.end());
  uint32_t done = 0;
  for (auto [start, end] : customer) {
    start = std::max(start, done);
    if (start >= end) continue;
    std::string_view part = body.substr(start, end - start);
    while (!part.empty()) {
      size_t nl = part.find('\n');
      std::string_view line = part.substr(0, nl);
      std::string_view t = Trim(line);
      while (!t.empty() && (t[0] == '>' || t[0] == ' ')) t.remove_prefix(1);
      if (!EndsWithWrote(t) && !IsHeaderLine(t) && !IsForwardSeparator(t))
        AppendQuoted(line, &result.quoted, max_quoted);
      part.remove_prefix(nl == std::string_view::npos ? part.size() : nl + 1);
    }
    done = end;
  }
  return result;
}

std::string BlankStripped(std::string_view body, const std::vector<Stripped>& stripped) {
  std::string out(body);
  for (const Stripped& s : stripped)
    for (uint32_t i = s.start; i < s.end && i < out.size(); ++i)
      if (out[i] != '\n') out[i] = ' ';
  // Cut after the last byte the agent wrote (the thread usually fills the tail).
  size_t last = out.find_last_not_of(" \n\t\r");
  out.resize(last == std::string::npos ? 0 : last + 1);
  // End on a line break where the body has a byte to spare for it, so the
  // result is never longer than the body its offsets point into.
  if (out.size() < body.size()) out += '\n';
  return out;
}

}  // namespace amends::email
