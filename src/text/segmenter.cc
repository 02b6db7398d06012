#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

#include "text/ascii_breaks.h"
#include "text/document.h"
#include "text/fold.h"
#include "text/icu_breaks.h"
#include "util/embedded_word_lists.h"
#include "util/utf8.h"
#include "util/word_list.h"

namespace amends {

struct Segmenter::Impl {
  std::unique_ptr<IcuBreaker> icu;  // made on the first text PlainBreaks does not take
  // Kept between calls: their capacity is reused.
  std::vector<WordBreak> word_breaks;
  std::vector<uint32_t> sentence_breaks;
  std::vector<uint32_t> paragraph_breaks;
};

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}

Segmenter::~Segmenter() = default;

Span Document::FoldedToOriginal(uint32_t fs, uint32_t fe) const {
  auto origin = [&](uint32_t f) -> uint32_t {
    return f < folded_origin.size() ? folded_origin[f] : static_cast<uint32_t>(text.size());
  };
  Span s;
  s.start = origin(fs);
  if (fe <= fs) {
    s.end = s.start;
    return s;
  }
  uint32_t last = origin(fe - 1);
  s.end = last + (last < text.size() ? Utf8SequenceLength(static_cast<unsigned char>(text[last]))
                                     : 0);
  if (s.end > text.size()) s.end = static_cast<uint32_t>(text.size());
  return s;
}

bool Document::IsQuoted(Span span) const {
  // The passages that start at or before the span; one of them holds it
  // when the furthest of their ends reaches the span's end.
  auto after = std::upper_bound(quoted.begin(), quoted.end(), span.start,
                                [](uint32_t start, const Span& q) { return start < q.start; });
  if (after == quoted.begin()) return false;
  return quoted_reach[static_cast<size_t>(after - quoted.begin()) - 1] >= span.end;
}

uint32_t Document::SentenceAt(uint32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](uint32_t off, const Sentence& s) { return off < s.start; });
  if (it == sentences.begin()) return 0;
  return static_cast<uint32_t>(it - sentences.begin() - 1);
}

namespace {

TokenKind ClassifyCodePoint(UChar32 cp) {
  if (u_isUWhiteSpace(cp)) return TokenKind::kSpace;
  if (u_ispunct(cp)) return TokenKind::kPunct;
  return TokenKind::kSymbol;
}

// A token that is not a word or number, by its first character.
TokenKind Classify(std::string_view text, uint32_t start, int32_t rule_status) {
  if (rule_status >= UBRK_WORD_LETTER) return TokenKind::kWord;
  if (rule_status >= UBRK_WORD_NUMBER) return TokenKind::kNumber;
  static const std::array<TokenKind, 128> kAscii = [] {
    std::array<TokenKind, 128> t{};
    for (UChar32 c = 0; c < 128; ++c) t[c] = ClassifyCodePoint(c);
    return t;
  }();
  auto c = static_cast<unsigned char>(text[start]);
  if (c < 0x80) return kAscii[c];
  size_t i = start;
  return ClassifyCodePoint(static_cast<UChar32>(DecodeUtf8(text, &i)));
}

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
  while (!folded_line.empty() &&
         (folded_line.back() == ',' || folded_line.back() == '.' || folded_line.back() == '!' ||
          folded_line.back() == ' '))
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
      case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
      case ',': case '.': case '!':
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x80 && ++kept > longest) return true;
    }
  }
  return false;
}

// Recognises the layout of a draft: quoted passages, leading @handles, the
// greeting and the sign-off (see Document).
void FindLayout(Document& doc) {
  std::string_view text = doc.text;
  const uint32_t begin = doc.begin;
  // Quoted passages: "> " lines, and double quotes paired within a paragraph.
  {
    size_t line_start = begin;
    while (line_start < text.size()) {
      size_t nl = text.find('\n', line_start);
      if (nl == std::string_view::npos) nl = text.size();
      size_t i = line_start;
      while (i < nl && IsLineSpace(text[i])) ++i;
      if (i < nl && text[i] == '>')
        doc.quoted.push_back({static_cast<uint32_t>(line_start), static_cast<uint32_t>(nl)});
      line_start = nl + 1;
    }
    constexpr uint32_t kMaxQuote = 600;  // longer "quotes" are likely unpaired marks
    const Token* open = nullptr;
    for (const Token& tk : doc.tokens) {
      if (tk.kind != TokenKind::kPunct || doc.Folded(tk) != "\"") continue;
      uint32_t paragraph_of_tk = doc.sentences.empty() ? 0 : doc.sentences[tk.sentence].paragraph;
      if (open && (doc.sentences.empty() ||
                   doc.sentences[open->sentence].paragraph == paragraph_of_tk) &&
          tk.end - open->start <= kMaxQuote) {
        doc.quoted.push_back({open->start, tk.end});
        open = nullptr;
      } else {
        open = &tk;
      }
    }
    std::sort(doc.quoted.begin(), doc.quoted.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    uint32_t reach = 0;
    for (const Span& q : doc.quoted) doc.quoted_reach.push_back(reach = std::max(reach, q.end));
  }

  // Leading "@handle" mentions (also ".@handle").
  size_t t = 0;
  auto skip_space = [&] {
    while (t < doc.tokens.size() && doc.tokens[t].kind == TokenKind::kSpace) ++t;
  };
  skip_space();
  uint32_t handles_end = begin;
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

  // Greeting: a greeting word, then up to five words until the first
  // , . ! : or line end.
  uint32_t body_start = handles_end;
  if (t < doc.tokens.size() && doc.tokens[t].kind == TokenKind::kWord) {
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
    if (IsGreetingWord(first) && first != "good") {
      size_t end = g + 1;
      int words = 0;
      bool closed = false;
      size_t name_token = SIZE_MAX;
      bool after_title = false;
      for (size_t k = g + 1; k < doc.tokens.size(); ++k) {
        const Token& tk = doc.tokens[k];
        std::string_view f = doc.Folded(tk);
        if (tk.kind == TokenKind::kSpace) {
          if (doc.text.substr(tk.start, tk.end - tk.start).find('\n') != std::string_view::npos) {
            closed = true;
            break;
          }
          continue;
        }
        if (tk.kind == TokenKind::kPunct && (f == "," || f == "." || f == "!" || f == ":" ||
                                             f == ";" || f == "-" || f == "?")) {
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
      if (!closed && words > 5) end = g + 1, name_token = SIZE_MAX;
      doc.greeting.start = doc.tokens[t].start;
      doc.greeting.end = doc.tokens[end - 1].end;
      if (name_token != SIZE_MAX) {
        doc.greeting_name_span = {doc.tokens[name_token].start, doc.tokens[name_token].end};
        doc.greeting_name = std::string(doc.Original(doc.greeting_name_span));
      }
      body_start = doc.greeting.end;
    }
  }
  doc.body_first_sentence = static_cast<uint32_t>(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& se = doc.sentences[s];
    bool has_body_word = false;
    for (uint32_t w = se.first_word; w < se.end_word; ++w)
      if (doc.tokens[doc.words[w]].start >= body_start) has_body_word = true;
    if (has_body_word) {
      doc.body_first_sentence = static_cast<uint32_t>(s);
      break;
    }
  }

  // Sign-off. Social replies end with agent initials ("^JB", "*AFM",
  // "-Mike"), possibly followed by a link; email replies with a closing line
  // ("Best regards,") and at most two short lines under it.
  {
    size_t k = doc.tokens.size();
    auto prev_nonspace = [&](size_t from) {
      while (from > 0 && doc.tokens[from - 1].kind == TokenKind::kSpace) --from;
      return from;
    };
    k = prev_nonspace(k);
    // Skip a trailing link ("https://t.co/…" is many tokens without spaces).
    {
      size_t j = k;
      while (j > 0 && doc.tokens[j - 1].kind != TokenKind::kSpace) --j;
      if (j < k && doc.text.substr(doc.tokens[j].start, 4) == "http") k = prev_nonspace(j);
    }
    // Initials: a marker, then one word, ending the text.
    auto has_newline = [&](const Token& tk) {
      return doc.text.substr(tk.start, tk.end - tk.start).find('\n') != std::string_view::npos;
    };
    if (k > 0 && doc.tokens[k - 1].kind == TokenKind::kWord) {
      size_t m = k - 1;
      if (m > 0 && doc.tokens[m - 1].kind == TokenKind::kSpace && !has_newline(doc.tokens[m - 1]))
        --m;
      if (m > 0) {
        std::string_view marker = doc.Folded(doc.tokens[m - 1]);
        uint32_t start = doc.tokens[m - 1].start;
        bool starts_word = start == begin || IsLineSpace(doc.text[start - 1]) ||
                           doc.text[start - 1] == '\n';
        if (starts_word && (marker == "^" || marker == "*" || marker == "-" || marker == "~"))
          doc.signoff = {start, doc.tokens[k - 1].end};
      }
    }
    if (doc.signoff.empty()) {
      // Email closing: look at the last three non-empty lines.
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
          while (last > line.start && (text[last - 1] == '\n' || IsLineSpace(text[last - 1])))
            --last;
          doc.signoff = {line.start, last};
          break;
        }
      }
    }
  }
}

}  // namespace

Document Segmenter::Segment(std::string_view text, uint32_t begin) {
  Document doc;
  Segment(text, begin, &doc);
  return doc;
}

void Segmenter::Segment(std::string_view text, uint32_t begin, Document* doc) {
  SegmentPlain(text, begin, doc);
  FindLayout(*doc);
}

Document Segmenter::SegmentPlain(std::string_view text, uint32_t begin) {
  Document doc;
  SegmentPlain(text, begin, &doc);
  return doc;
}

void Document::Clear() {
  // Every field back to its default, the vectors keeping their storage.
  std::string kept_folded = std::move(folded);
  std::vector<uint32_t> kept_origin = std::move(folded_origin), kept_words = std::move(words);
  std::vector<Token> kept_tokens = std::move(tokens);
  std::vector<Sentence> kept_sentences = std::move(sentences);
  std::vector<Span> kept_quoted = std::move(quoted);
  std::vector<uint32_t> kept_reach = std::move(quoted_reach);
  *this = Document{};
  kept_folded.clear();
  kept_origin.clear();
  kept_words.clear();
  kept_tokens.clear();
  kept_sentences.clear();
  kept_quoted.clear();
  kept_reach.clear();
  folded = std::move(kept_folded);
  folded_origin = std::move(kept_origin);
  words = std::move(kept_words);
  tokens = std::move(kept_tokens);
  sentences = std::move(kept_sentences);
  quoted = std::move(kept_quoted);
  quoted_reach = std::move(kept_reach);
}

void Segmenter::SegmentPlain(std::string_view text, uint32_t begin, Document* out) {
  out->Clear();
  Document& doc = *out;
  doc.text = text;
  doc.begin = begin;
  std::string_view body = text.substr(begin);
  doc.folded.reserve(body.size());
  doc.folded_origin.reserve(body.size());
  doc.tokens.reserve(body.size() / 3 + 4);

  // Word and sentence boundaries, relative to `body`: without ICU's break
  // iterators when PlainBreaks takes the text (ASCII, a few typographic
  // characters, Latin letters, symbols, emoji; the same as ICU's, see
  // ascii_breaks.h), else from ICU.
  std::vector<WordBreak>& word_breaks = impl_->word_breaks;
  std::vector<uint32_t>& sentence_breaks = impl_->sentence_breaks;
  word_breaks.clear();
  sentence_breaks.clear();
  if (!PlainBreaks(body, &word_breaks, &sentence_breaks)) {
    if (!impl_->icu) impl_->icu = std::make_unique<IcuBreaker>();
    impl_->icu->Breaks(body, &word_breaks, &sentence_breaks);
  }

  // Words, folded as we go. In an all-ASCII text (most) every token is
  // ASCII: no need to look at each.
  const bool ascii = IsAscii(body);
  uint32_t prev = 0;
  for (const WordBreak& wb : word_breaks) {
    Token t;
    t.start = begin + prev;
    t.end = begin + wb.end;
    prev = wb.end;
    t.kind = Classify(text, t.start, wb.status);
    t.sentence = 0;
    t.folded_start = static_cast<uint32_t>(doc.folded.size());
    if (t.kind == TokenKind::kSpace) {
      if (!doc.folded.empty() && doc.folded.back() != ' ') {
        doc.folded.push_back(' ');
        doc.folded_origin.push_back(t.start);
      }
    } else if (ascii || IsAscii(text.substr(t.start, t.end - t.start))) {
      // ASCII outside a space token is never whitespace: folding is
      // lower-casing, byte for byte.
      size_t at = doc.folded.size(), length = t.end - t.start;
      doc.folded.resize(at + length);
      doc.folded_origin.resize(at + length);
      const char* __restrict from = text.data() + t.start;
      char* __restrict to = doc.folded.data() + at;
      uint32_t* __restrict origin = doc.folded_origin.data() + at;
      for (size_t k = 0; k < length; ++k) {
        char c = from[k];
        to[k] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        origin[k] = static_cast<uint32_t>(t.start + k);
      }
    } else {
      size_t i = t.start;
      while (i < t.end) {
        uint32_t at = static_cast<uint32_t>(i);
        char32_t cp = DecodeUtf8(text, &i);
        if (!FoldCodePoint(cp, &doc.folded)) doc.folded.push_back(' ');
        doc.folded_origin.resize(doc.folded.size(), at);
      }
    }
    t.folded_end = static_cast<uint32_t>(doc.folded.size());
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber)
      doc.words.push_back(static_cast<uint32_t>(doc.tokens.size()));
    doc.tokens.push_back(t);
  }

  // Paragraph breaks: blank lines.
  std::vector<uint32_t>& paragraph_breaks = impl_->paragraph_breaks;
  paragraph_breaks.clear();
  for (size_t i = begin; i < text.size(); ++i) {
    const void* nl = std::memchr(text.data() + i, '\n', text.size() - i);
    if (!nl) break;
    i = static_cast<size_t>(static_cast<const char*>(nl) - text.data());
    size_t j = i + 1;
    while (j < text.size() && IsLineSpace(text[j])) ++j;
    if (j < text.size() && text[j] == '\n') {
      paragraph_breaks.push_back(static_cast<uint32_t>(j));
      i = j - 1;
    }
  }

  // Sentences.
  prev = 0;
  size_t tok = 0, word = 0, brk = 0;
  for (uint32_t pos : sentence_breaks) {
    Sentence s;
    s.start = begin + prev;
    s.end = begin + pos;
    prev = pos;
    // A blank line can come out as a sentence of its own: its space tokens
    // join the previous sentence instead.
    bool blank = true;
    for (size_t k = tok; k < doc.tokens.size() && doc.tokens[k].start < s.end && blank; ++k)
      blank = doc.tokens[k].kind == TokenKind::kSpace;
    if (blank) {
      auto previous = static_cast<uint32_t>(doc.sentences.empty() ? 0 : doc.sentences.size() - 1);
      while (tok < doc.tokens.size() && doc.tokens[tok].start < s.end)
        doc.tokens[tok++].sentence = previous;
      continue;
    }
    auto sentence_index = static_cast<uint32_t>(doc.sentences.size());
    while (tok < doc.tokens.size() && doc.tokens[tok].start < s.end)
      doc.tokens[tok++].sentence = sentence_index;
    s.first_word = static_cast<uint32_t>(word);
    while (word < doc.words.size() && doc.tokens[doc.words[word]].start < s.end) ++word;
    s.end_word = static_cast<uint32_t>(word);
    // Trailing whitespace belongs to no sentence.
    while (s.end > s.start) {
      size_t i = s.end - 1;
      while (i > s.start && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
      size_t k = i;
      if (!u_isUWhiteSpace(static_cast<UChar32>(DecodeUtf8(text, &k)))) break;
      s.end = static_cast<uint32_t>(i);
    }
    while (brk < paragraph_breaks.size() && paragraph_breaks[brk] < s.start) ++brk;
    s.paragraph = static_cast<uint32_t>(brk);
    doc.sentences.push_back(s);
  }

}

}  // namespace amends
