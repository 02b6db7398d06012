#include "text/layout.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "text/fold.h"
#include "util/embedded_word_lists.h"
#include "util/word_list.h"

namespace amends {
namespace {

bool IsLineSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A list of lexicons/en/layout, its entries folded as the draft's words are
// (so "Hi" or "y’all" in the file matches too).
WordList LayoutList(std::string_view path) { return WordList(EmbeddedWordList(path), FoldText); }

// Words that open a greeting line.
bool IsGreetingWord(std::string_view w) {
  static const WordList kWords = LayoutList("lexicons/en/layout/greeting-words.list");
  return kWords.Contains(w);
}

// Words after a greeting word that are not a name ("Hi there", "Hey all").
bool IsGreetingFiller(std::string_view w) {
  static const WordList kWords = LayoutList("lexicons/en/layout/greeting-fillers.list");
  return kWords.Contains(w);
}

// Titles before a name ("Dear Mr. Smith"). Not checks/names.cc's list,
// which also has "prof".
bool IsTitle(std::string_view w) {
  static const WordList kWords = LayoutList("lexicons/en/layout/titles.list");
  return kWords.Contains(w);
}

// What a folded line is compared by to the closing lines: without the
// ',', '.', '!' and spaces it ends with.
std::string_view ClosingKey(std::string_view folded_line) {
  while (!folded_line.empty() && (folded_line.back() == ',' || folded_line.back() == '.' ||
                                  folded_line.back() == '!' || folded_line.back() == ' '))
    folded_line.remove_suffix(1);
  return folded_line;
}

// Closing words of an email sign-off line ("Best regards,", "Thanks,"),
// keyed as lines are, so "Best regards," in the file matches too.
const WordList& ClosingLines() {
  static const WordList kLines(
      EmbeddedWordList("lexicons/en/layout/closing-lines.list"),
      [](std::string_view entry) { return std::string(ClosingKey(FoldText(entry))); });
  return kLines;
}

bool IsClosingLine(std::string_view folded_line) {
  return ClosingLines().Contains(ClosingKey(folded_line));
}

// Whether `line` is too long to fold to a closing line, told without
// folding it: folding keeps every character but whitespace, as at least
// one byte, and IsClosingLine strips only ',', '.', '!' and spaces; so the
// ASCII bytes that are none of these are a lower bound of what remains.
bool TooLongForClosing(std::string_view line) {
  const size_t longest = ClosingLines().longest();
  size_t kept = 0;
  for (char c : line) {
    switch (c) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
      case '\f':
      case '\v':
      case ',':
      case '.':
      case '!':
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x80 && ++kept > longest) return true;
    }
  }
  return false;
}

bool HasNewline(const Document& doc, const Token& tk) {
  return doc.text.substr(tk.start, tk.end - tk.start).find('\n') != std::string_view::npos;
}

// The index just past the last non-space token before `from`.
size_t PrevNonSpace(const Document& doc, size_t from) {
  while (from > 0 && doc.tokens[from - 1].kind == TokenKind::kSpace) --from;
  return from;
}

// "> " lines, as spans from the line start to its newline.
void FindQuotedLines(Document& doc) {
  const std::string_view text = doc.text;
  size_t line_start = doc.begin;
  while (line_start < text.size()) {
    size_t nl = text.find('\n', line_start);
    if (nl == std::string_view::npos) nl = text.size();
    size_t i = line_start;
    while (i < nl && IsLineSpace(text[i])) ++i;
    if (i < nl && text[i] == '>')
      doc.quoted.push_back({static_cast<uint32_t>(line_start), static_cast<uint32_t>(nl)});
    line_start = nl + 1;
  }
}

// Double quotes paired within a paragraph.
void FindQuotePairs(Document& doc) {
  constexpr uint32_t kMaxQuote = 600;  // longer "quotes" are likely unpaired marks
  const Token* open = nullptr;
  for (const Token& tk : doc.tokens) {
    if (tk.kind != TokenKind::kPunct || doc.Folded(tk) != "\"") continue;
    uint32_t paragraph_of_tk = doc.sentences.empty() ? 0 : doc.sentences[tk.sentence].paragraph;
    if (open &&
        (doc.sentences.empty() || doc.sentences[open->sentence].paragraph == paragraph_of_tk) &&
        tk.end - open->start <= kMaxQuote) {
      doc.quoted.push_back({open->start, tk.end});
      open = nullptr;
    } else {
      open = &tk;
    }
  }
}

// The greeting word at token `t`, or after "good" ("Good morning"): its
// token and folded form; SIZE_MAX when `t` opens no greeting.
size_t GreetingWordAt(const Document& doc, size_t t) {
  if (t >= doc.tokens.size() || doc.tokens[t].kind != TokenKind::kWord) return SIZE_MAX;
  std::string_view first = doc.Folded(doc.tokens[t]);
  size_t g = t;
  if (first == "good" && g + 2 < doc.tokens.size()) {
    size_t n = g + 1;
    while (n < doc.tokens.size() && doc.tokens[n].kind == TokenKind::kSpace) ++n;
    if (n < doc.tokens.size() && IsGreetingWord(doc.Folded(doc.tokens[n]))) {
      first = doc.Folded(doc.tokens[n]);
      g = n;
    }
  }
  return IsGreetingWord(first) && first != "good" ? g : SIZE_MAX;
}

// After the greeting word at `g`: the token past the greeting's end and the
// token of the name in it (SIZE_MAX: none).
struct GreetingEnd {
  size_t end;
  size_t name_token;
};

GreetingEnd ReadGreeting(const Document& doc, size_t g) {
  size_t end = g + 1;
  int words = 0;
  bool closed = false;
  size_t name_token = SIZE_MAX;
  bool after_title = false;
  for (size_t k = g + 1; k < doc.tokens.size(); ++k) {
    const Token& tk = doc.tokens[k];
    std::string_view f = doc.Folded(tk);
    if (tk.kind == TokenKind::kSpace) {
      if (HasNewline(doc, tk)) {
        closed = true;
        break;
      }
      continue;
    }
    if (tk.kind == TokenKind::kPunct &&
        (f == "," || f == "." || f == "!" || f == ":" || f == ";" || f == "-" || f == "?")) {
      if (f == "." && after_title) continue;  // "Dear Mr. Smith"
      end = k + 1;
      closed = true;
      break;
    }
    if (tk.kind == TokenKind::kWord || tk.kind == TokenKind::kNumber) {
      if (++words > 5) break;
      end = k + 1;
      if (tk.kind == TokenKind::kWord && name_token == SIZE_MAX && !IsGreetingFiller(f)) {
        after_title = IsTitle(f);
        unsigned char c0 = static_cast<unsigned char>(doc.text[tk.start]);
        bool capital = (c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80;
        if (!after_title && capital) name_token = k;
      }
    } else {
      end = k + 1;
    }
  }
  if (!closed && words > 5) return {g + 1, SIZE_MAX};
  return {end, name_token};
}

// Agent initials ending a social reply: a marker (^ * - ~) starting a
// word, then one word, then at most a link.
bool FindInitials(Document& doc) {
  size_t k = PrevNonSpace(doc, doc.tokens.size());
  // Skip a trailing link ("https://t.co/…" is many tokens without spaces).
  size_t j = k;
  while (j > 0 && doc.tokens[j - 1].kind != TokenKind::kSpace) --j;
  if (j < k && doc.text.substr(doc.tokens[j].start, 4) == "http") k = PrevNonSpace(doc, j);
  if (k == 0 || doc.tokens[k - 1].kind != TokenKind::kWord) return false;
  size_t m = k - 1;
  if (m > 0 && doc.tokens[m - 1].kind == TokenKind::kSpace && !HasNewline(doc, doc.tokens[m - 1]))
    --m;
  if (m == 0) return false;
  std::string_view marker = doc.Folded(doc.tokens[m - 1]);
  uint32_t start = doc.tokens[m - 1].start;
  bool starts_word =
      start == doc.begin || IsLineSpace(doc.text[start - 1]) || doc.text[start - 1] == '\n';
  if (!starts_word || !(marker == "^" || marker == "*" || marker == "-" || marker == "~"))
    return false;
  doc.signoff = {start, doc.tokens[k - 1].end};
  return true;
}

// An email closing line among the last three non-empty lines, to the end
// of the text (its trailing blank lines left out).
void FindClosingLine(Document& doc) {
  const std::string_view text = doc.text;
  const uint32_t begin = doc.begin;
  std::vector<Span> lines;
  size_t end = text.size();
  while (end > begin && lines.size() < 3) {
    size_t start = text.rfind('\n', end == 0 ? 0 : end - 1);
    start = (start == std::string_view::npos || start < begin) ? begin : start + 1;
    std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos)
      lines.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    if (start == begin) break;
    end = start - 1;
  }
  for (const Span& line : lines) {
    std::string_view original = doc.Original(line);
    if (!TooLongForClosing(original) && IsClosingLine(FoldText(original))) {
      uint32_t last = static_cast<uint32_t>(text.size());
      while (last > line.start && (text[last - 1] == '\n' || IsLineSpace(text[last - 1]))) --last;
      doc.signoff = {line.start, last};
      return;
    }
  }
}

}  // namespace

namespace layout {

void FindQuoted(Document& doc) {
  FindQuotedLines(doc);
  FindQuotePairs(doc);
  std::sort(doc.quoted.begin(), doc.quoted.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  uint32_t reach = 0;
  for (const Span& q : doc.quoted) doc.quoted_reach.push_back(reach = std::max(reach, q.end));
}

AfterHandles FindHandles(Document& doc) {
  size_t t = 0;
  auto skip_space = [&] {
    while (t < doc.tokens.size() && doc.tokens[t].kind == TokenKind::kSpace) ++t;
  };
  skip_space();
  uint32_t handles_end = doc.begin;
  // ICU keeps "@name" as one token; older rules split "@" off. Either way a
  // handle is a run of tokens up to the next space that starts with "@".
  while (t < doc.tokens.size()) {
    std::string_view rest = doc.text.substr(doc.tokens[t].start);
    if (rest.substr(0, 2) == ".@") rest.remove_prefix(1);
    if (rest.size() < 2 || rest[0] != '@' || rest[1] == ' ' || rest[1] == '\n') break;
    size_t v = t;
    while (v < doc.tokens.size() && doc.tokens[v].kind != TokenKind::kSpace) ++v;
    if (doc.handles.empty()) doc.handles.start = doc.tokens[t].start;
    handles_end = doc.tokens[v - 1].end;
    doc.handles.end = handles_end;
    t = v;
    skip_space();
  }
  return {t, handles_end};
}

uint32_t FindGreeting(Document& doc, AfterHandles after) {
  const size_t g = GreetingWordAt(doc, after.token);
  if (g == SIZE_MAX) return after.end;
  const GreetingEnd read = ReadGreeting(doc, g);
  doc.greeting.start = doc.tokens[after.token].start;
  doc.greeting.end = doc.tokens[read.end - 1].end;
  if (read.name_token != SIZE_MAX) {
    doc.greeting_name_span = {doc.tokens[read.name_token].start, doc.tokens[read.name_token].end};
    doc.greeting_name = std::string(doc.Original(doc.greeting_name_span));
  }
  return doc.greeting.end;
}

void FindBodyStart(Document& doc, uint32_t body_start) {
  doc.body_first_sentence = static_cast<uint32_t>(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& se = doc.sentences[s];
    for (uint32_t w = se.first_word; w < se.end_word; ++w) {
      if (doc.tokens[doc.words[w]].start >= body_start) {
        doc.body_first_sentence = static_cast<uint32_t>(s);
        return;
      }
    }
  }
}

void FindSignoff(Document& doc) {
  if (!FindInitials(doc)) FindClosingLine(doc);
}

}  // namespace layout

void FindLayout(Document& doc) {
  layout::FindQuoted(doc);
  const layout::AfterHandles after = layout::FindHandles(doc);
  layout::FindBodyStart(doc, layout::FindGreeting(doc, after));
  layout::FindSignoff(doc);
}

}  // namespace amends
