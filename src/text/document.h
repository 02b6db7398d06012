// Text stage: a draft cut into tokens and sentences, over the original bytes.
//
// Every span here is a byte range [start, end) into the text given to
// Segmenter::Segment, so a finding always points at exactly what the user
// wrote. Matching reads `folded`, a parallel form built token by token, and
// maps back with `FoldedToOriginal`.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace amends {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  bool empty() const { return start == end; }
};

enum class TokenKind : uint8_t {
  kWord,    // letters (any script), with inner apostrophes: "we're"
  kNumber,  // digits: "24", "1.5"
  kSpace,   // a whitespace run
  kPunct,   // punctuation
  kSymbol,  // emoji and other symbols
};

struct Token {
  uint32_t start, end;                // original bytes
  uint32_t folded_start, folded_end;  // bytes of Document::folded
  uint32_t sentence;                  // index into Document::sentences
  TokenKind kind;
};

struct Sentence {
  uint32_t start, end;  // original bytes, trailing whitespace excluded
  uint32_t first_word;  // index into Document::words
  uint32_t end_word;    // one past the last word
  uint32_t paragraph;   // paragraphs are separated by blank lines
};

struct Document {
  std::string_view text;  // the input as given; not owned
  uint32_t begin = 0;     // first byte analysed (after a BOM)

  std::string folded;                   // see fold.h
  std::vector<uint32_t> folded_origin;  // for each folded byte, the original
                                        // byte where its character starts
  std::vector<Token> tokens;
  std::vector<uint32_t> words;  // indices of kWord and kNumber tokens
  std::vector<Sentence> sentences;

  // Recognised layout. Empty spans when absent.
  Span handles;   // leading "@name" mentions of a social reply
  Span greeting;  // "Hi Mary," / "Dear valued customer," (its sentence)
  Span signoff;   // "Best,\nSam", "^JB", "-Mike" at the end
  // Words the agent quotes rather than says: "double-quoted" passages and
  // "> " quote lines. Rules do not count hits inside them.
  std::vector<Span> quoted;  // sorted by start
  // quoted_reach[i]: the furthest end of quoted[0..i], so IsQuoted is a
  // binary search, not a scan of every passage for every hit.
  std::vector<uint32_t> quoted_reach;
  std::string greeting_name;  // the name in the greeting, as written
  Span greeting_name_span;
  uint32_t body_first_sentence = 0;  // first sentence after handles and greeting

  std::string_view Folded(const Token& t) const {
    return std::string_view(folded).substr(t.folded_start, t.folded_end - t.folded_start);
  }
  std::string_view Original(Span s) const { return text.substr(s.start, s.end - s.start); }
  // Maps a folded byte range back to the original bytes it came from.
  Span FoldedToOriginal(uint32_t folded_start, uint32_t folded_end) const;
  // Whether `span` lies inside a quoted passage.
  bool IsQuoted(Span span) const;
  // Index of the sentence containing original byte `offset`.
  uint32_t SentenceAt(uint32_t offset) const;
  // Back to a default Document, keeping the storage of its vectors.
  void Clear();
  // Whether its storage is that of an unusually long text (over 1 MB): a
  // caller that keeps a Document from text to text lets it go then,
  // rather than hold on to it.
  bool Large() const { return folded.capacity() > (1u << 20); }
};

class BreakCache;

// Cuts text into a Document: text PlainBreaks takes (ASCII, a few
// typographic characters, Latin letters, symbols, emoji) with the rules of
// ascii_breaks.h, other text with ICU's break iterators (the same
// boundaries). ICU's rule tables are loaded on the first text of the other
// kind (costly; a std::runtime_error if ICU's data is missing), so keep one
// Segmenter per thread. Not thread-safe.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // `text` must be well-formed UTF-8, must outlive the result, and is
  // analysed from byte `begin` on.
  Document Segment(std::string_view text, uint32_t begin = 0);
  // The same into `*doc`, reusing its storage.
  void Segment(std::string_view text, uint32_t begin, Document* doc);
  // The same, with the breaks of the lines `cache` holds from earlier
  // texts taken from it instead of worked out again (see BreakCache); the
  // Document is the one Segment without it gives.
  void Segment(std::string_view text, uint32_t begin, Document* doc, BreakCache* cache);
  // Words, sentences and paragraphs only: the layout fields (handles,
  // greeting, signoff, quoted) stay empty. For text that is not a draft,
  // such as the customer's message.
  Document SegmentPlain(std::string_view text, uint32_t begin = 0);
  // The same into `*doc`, reusing its storage: for a caller that cuts one
  // text after another.
  void SegmentPlain(std::string_view text, uint32_t begin, Document* doc);

 private:
  struct Impl;
  // SegmentPlain, with or without a cache; the word and sentence breaks
  // of `body` (the text from `begin`) into impl_.
  void Cut(std::string_view text, uint32_t begin, Document* doc, BreakCache* cache);
  void Breaks(std::string_view body, BreakCache* cache);
  std::unique_ptr<Impl> impl_;
};

// The word and sentence breaks of the lines of the texts a Segmenter cut
// last, each line (its bytes up to and with its '\n') keyed by its exact
// bytes: for cutting one text after another that are mostly the same
// lines (an editor's document, edit after edit), where only the lines not
// seen before are cut again. A line's breaks are its own: ICU's word and
// sentence rules break after every line feed and look at nothing past
// one, so a line is cut the same alone as within any text. The lines the
// cache lacks are cut a run of consecutive ones at a time, as Segment cuts
// a text (PlainBreaks when it takes the run, else ICU), and kept; a line
// of a run that does not both start and end at a word and a sentence
// break of the run (none should) is used as cut but not kept.
//
// Holds only the lines of the latest text: each Segment with the cache
// forgets the lines that text did not have, so the cache is about the
// size of that text's breaks. Owns its copies of the lines. Not
// thread-safe: one cache per text being edited, used by one thread at a
// time (any Segmenter may use it).
class BreakCache {
 public:
  BreakCache();
  ~BreakCache();
  BreakCache(const BreakCache&) = delete;
  BreakCache& operator=(const BreakCache&) = delete;

  // Lines held, and how many of the last text's lines were found in it.
  size_t lines() const;
  size_t last_reused() const;
  void Clear();

 private:
  friend class Segmenter;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace amends
