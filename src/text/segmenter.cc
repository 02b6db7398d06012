#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <span>
#include <stdexcept>
#include <unordered_map>

#include "text/ascii_breaks.h"
#include "text/document.h"
#include "text/fold.h"
#include "text/icu_breaks.h"
#include "text/layout.h"
#include "util/string_map.h"
#include "util/utf8.h"

namespace amends {

struct Segmenter::Impl {
  std::unique_ptr<IcuBreaker> icu;  // made on the first text PlainBreaks does not take
  // Kept between calls: their capacity is reused.
  std::vector<WordBreak> word_breaks;
  std::vector<uint32_t> sentence_breaks;
  std::vector<uint32_t> paragraph_breaks;
  // A run of lines a BreakCache did not have, cut on its own.
  std::vector<WordBreak> run_words;
  std::vector<uint32_t> run_sentences;
};

struct BreakCache::Impl {
  struct Line {
    std::vector<WordBreak> words;     // ends relative to the line's start
    std::vector<uint32_t> sentences;  // the same
    uint64_t used = 0;                // the generation that last used it
  };
  StringMap<Line> lines;    // by the line's bytes
  uint64_t generation = 0;  // one per text cut with the cache
  size_t reused = 0;        // lines of the last text found
};

BreakCache::BreakCache() : impl_(std::make_unique<Impl>()) {}
BreakCache::~BreakCache() = default;
size_t BreakCache::lines() const { return impl_->lines.size(); }
size_t BreakCache::last_reused() const { return impl_->reused; }
void BreakCache::Clear() { impl_->lines.clear(); }

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
  s.end =
      last + (last < text.size() ? Utf8SequenceLength(static_cast<unsigned char>(text[last])) : 0);
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

// The tokens between word breaks (relative to text[begin..]), each folded
// into doc.folded, and the index of every word and number token.
void AppendTokens(std::string_view text, uint32_t begin, std::span<const WordBreak> word_breaks,
                  Document& doc) {
  // Folded as we go. In an all-ASCII text (most) every token is
  // ASCII: no need to look at each.
  const bool ascii = IsAscii(text.substr(begin));
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
}

// Paragraph breaks: the newline ending each blank line, in order.
void FindParagraphBreaks(std::string_view text, uint32_t begin, std::vector<uint32_t>* breaks) {
  for (size_t i = begin; i < text.size(); ++i) {
    const void* nl = std::memchr(text.data() + i, '\n', text.size() - i);
    if (!nl) break;
    i = static_cast<size_t>(static_cast<const char*>(nl) - text.data());
    size_t j = i + 1;
    while (j < text.size() && IsLineSpace(text[j])) ++j;
    if (j < text.size() && text[j] == '\n') {
      breaks->push_back(static_cast<uint32_t>(j));
      i = j - 1;
    }
  }
}

// The sentences between sentence breaks (relative to text[begin..]), each
// token given its sentence, each sentence its words and paragraph.
void AppendSentences(std::string_view text, uint32_t begin,
                     std::span<const uint32_t> sentence_breaks,
                     std::span<const uint32_t> paragraph_breaks, Document& doc) {
  uint32_t prev = 0;
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

}  // namespace

Document Segmenter::Segment(std::string_view text, uint32_t begin) {
  Document doc;
  Segment(text, begin, &doc);
  return doc;
}

void Segmenter::Segment(std::string_view text, uint32_t begin, Document* doc) {
  Cut(text, begin, doc, nullptr);
  FindLayout(*doc);
}

void Segmenter::Segment(std::string_view text, uint32_t begin, Document* doc, BreakCache* cache) {
  Cut(text, begin, doc, cache);
  FindLayout(*doc);
}

Document Segmenter::SegmentPlain(std::string_view text, uint32_t begin) {
  Document doc;
  SegmentPlain(text, begin, &doc);
  return doc;
}

void Segmenter::SegmentPlain(std::string_view text, uint32_t begin, Document* doc) {
  Cut(text, begin, doc, nullptr);
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

void Segmenter::Breaks(std::string_view body, BreakCache* cache) {
  // Word and sentence boundaries, relative to `body`: without ICU's break
  // iterators when PlainBreaks takes the text (ASCII, a few typographic
  // characters, Latin letters, symbols, emoji; the same as ICU's, see
  // ascii_breaks.h), else from ICU.
  std::vector<WordBreak>& word_breaks = impl_->word_breaks;
  std::vector<uint32_t>& sentence_breaks = impl_->sentence_breaks;
  word_breaks.clear();
  sentence_breaks.clear();
  auto cut = [&](std::string_view text, std::vector<WordBreak>* words,
                 std::vector<uint32_t>* sentences) {
    if (!PlainBreaks(text, words, sentences)) {
      if (!impl_->icu) impl_->icu = std::make_unique<IcuBreaker>();
      impl_->icu->Breaks(text, words, sentences);
    }
  };
  if (!cache) {
    cut(body, &word_breaks, &sentence_breaks);
    return;
  }
  BreakCache::Impl& c = *cache->impl_;
  const uint64_t generation = ++c.generation;
  c.reused = 0;
  // The lines the cache has are copied from it; each run of lines it has
  // not is cut as one text, appended, and kept line by line.
  auto append = [&](std::span<const WordBreak> words, std::span<const uint32_t> sentences,
                    uint32_t at) {
    for (const WordBreak& w : words) word_breaks.push_back({w.end + at, w.status});
    for (uint32_t s : sentences) sentence_breaks.push_back(s + at);
  };
  auto cut_run = [&](size_t from, size_t to) {
    std::string_view run = body.substr(from, to - from);
    std::vector<WordBreak>& words = impl_->run_words;
    std::vector<uint32_t>& sentences = impl_->run_sentences;
    words.clear();
    sentences.clear();
    cut(run, &words, &sentences);
    append(words, sentences, static_cast<uint32_t>(from));
    // Each line of the run whose start and end are both word and sentence
    // breaks is kept, with its breaks.
    size_t w = 0, s = 0;
    bool starts_at_break = true;
    for (size_t at = 0; at < run.size();) {
      const size_t nl = run.find('\n', at);
      const size_t end = nl == std::string_view::npos ? run.size() : nl + 1;
      const size_t w0 = w, s0 = s;
      while (w < words.size() && words[w].end < end) ++w;
      while (s < sentences.size() && sentences[s] < end) ++s;
      const bool ends_at_break =
          w < words.size() && words[w].end == end && s < sentences.size() && sentences[s] == end;
      if (ends_at_break) {
        ++w;
        ++s;
      }
      if (starts_at_break && ends_at_break) {
        auto [it, added] = c.lines.try_emplace(std::string(run.substr(at, end - at)));
        BreakCache::Impl::Line& line = it->second;
        line.used = generation;
        if (added) {
          for (size_t k = w0; k < w; ++k)
            line.words.push_back({static_cast<uint32_t>(words[k].end - at), words[k].status});
          for (size_t k = s0; k < s; ++k)
            line.sentences.push_back(static_cast<uint32_t>(sentences[k] - at));
        }
      }
      starts_at_break = ends_at_break;
      at = end;
    }
  };
  size_t run = std::string_view::npos;  // where the lines not in the cache begin
  for (size_t at = 0; at < body.size();) {
    const void* nl = std::memchr(body.data() + at, '\n', body.size() - at);
    const size_t end =
        nl ? static_cast<size_t>(static_cast<const char*>(nl) - body.data()) + 1 : body.size();
    auto it = c.lines.find(body.substr(at, end - at));
    if (it == c.lines.end()) {
      if (run == std::string_view::npos) run = at;
    } else {
      BreakCache::Impl::Line* line = &it->second;  // stays valid as cut_run adds lines
      if (run != std::string_view::npos) {
        cut_run(run, at);
        run = std::string_view::npos;
      }
      line->used = generation;
      append(line->words, line->sentences, static_cast<uint32_t>(at));
      ++c.reused;
    }
    at = end;
  }
  if (run != std::string_view::npos) cut_run(run, body.size());
  std::erase_if(c.lines, [&](const auto& entry) { return entry.second.used != generation; });
}

void Segmenter::Cut(std::string_view text, uint32_t begin, Document* out, BreakCache* cache) {
  out->Clear();
  Document& doc = *out;
  doc.text = text;
  doc.begin = begin;
  std::string_view body = text.substr(begin);
  doc.folded.reserve(body.size());
  doc.folded_origin.reserve(body.size());
  doc.tokens.reserve(body.size() / 3 + 4);

  Breaks(body, cache);
  AppendTokens(text, begin, impl_->word_breaks, doc);
  std::vector<uint32_t>& paragraph_breaks = impl_->paragraph_breaks;
  paragraph_breaks.clear();
  FindParagraphBreaks(text, begin, &paragraph_breaks);
  AppendSentences(text, begin, impl_->sentence_breaks, paragraph_breaks, doc);
}

}  // namespace amends
