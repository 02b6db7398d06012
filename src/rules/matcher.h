// Rules stage, part 2: running a compiled Lexicon over a Document.
#pragma once

#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/lexicon.h"
#include "rules/needles.h"
#include "text/document.h"
#include "util/binary_io.h"
#include "util/image_array.h"

namespace amends {

// One place where a rule matched.
struct Hit {
  uint32_t rule;      // index into Lexicon::rules
  int tag;            // the rule's tag
  Span span;          // original bytes
  uint32_t sentence;  // sentence of span.start
};

class PhraseHitCache;

// Indexes a Lexicon for matching. A phrase pattern is looked up by the
// rarest set of words every match of it holds (its key), and tried only at
// the words it can begin with where its other required words can lie; a
// pattern that needs no particular word, by the word it begins with. Regex
// rules run in one RE2::Set per text form. Immutable after construction;
// `lexicon` must outlive the Matcher.
class Matcher {
 public:
  explicit Matcher(const Lexicon& lexicon);
  ~Matcher();

  // The phrase index as bytes (what the constructor works out from the
  // lexicon), and a Matcher from them and the lexicon they were made
  // from: start-up reads the index instead of building it. Load returns
  // null when `in` is cut short or does not fit `lexicon`; only for bytes
  // this build of amends saved for this very lexicon (the lexicon image).
  // The index is read in place: `in`'s buffer must outlive the Matcher and
  // be aligned to 8 (else Load returns null), and nothing is copied, so a
  // short draft touches only the pages of the index it reads.
  void Save(BinaryWriter* out) const;
  static std::unique_ptr<Matcher> Load(const Lexicon& lexicon, BinaryReader* in);

  // Empty when the matcher is usable; otherwise why not: mostly that the
  // regex rules could not be compiled together (each compiles alone, but
  // one RE2::Set per text form holds them all, within a memory budget).
  const std::string& error() const { return error_; }

  // Every hit of the rules of `scope` in `doc`, sorted by start. A rule's
  // overlapping matches are merged to the longest; matches overlapping one
  // of the rule's `unless` patterns are dropped. In a draft, hits that lie
  // in the leading @handles, the sign-off or a quoted passage are dropped
  // too: they are not the agent's own words.
  std::vector<Hit> Match(const Document& doc, RuleScope scope) const;
  // The same into `*hits` (replacing what it held, keeping its storage).
  void Match(const Document& doc, RuleScope scope, std::vector<Hit>* hits) const;
  // The same, with the phrase hits of the sentences `cache` holds taken
  // from it instead of matched again (see PhraseHitCache); the hits are
  // those Match without it gives. The cache must have been filled by this
  // Matcher for this scope, or be empty.
  void Match(const Document& doc, RuleScope scope, std::vector<Hit>* hits,
             PhraseHitCache* cache) const;

 private:
  static constexpr uint32_t kNoSet = UINT32_MAX;
  static constexpr uint32_t kCommonBit = 0x80000000;  // see PhraseRef::check
  struct PhraseRef {
    uint32_t rule;
    uint32_t pattern;  // in Lexicon::phrases
    // A pattern looked up by its key: the requirement after the key least
    // likely to hold (kNoSet when the key is its only one), tried first
    // from here so that the many patterns a sentence lacks a word of are
    // told apart without reading their requirements; with kCommonBit
    // when the set holds a tracked common word. kNoSet in other lists.
    uint32_t check = kNoSet;
  };
  struct RegexRef {
    uint32_t rule;
    uint32_t pattern;
  };
  // The regex rules of one scope and text form.
  struct RegexSet {
    std::unique_ptr<RE2::Set> set;  // null when there are none
    std::vector<RegexRef> refs;     // by their index in the set
    // Rules that say what every match holds (Rule::regex_needs): tried on
    // their own, on a text that holds it, instead of in the set. Their
    // strings, each owned by its rule's place in `gated`.
    struct GatedRule {
      uint32_t rule;
      // Its patterns as one alternation, when it has several (else null):
      // a text that holds a string of the rule but matches none of them,
      // the common case, costs one scan rather than one per pattern.
      std::unique_ptr<RuleRegex> any;
    };
    std::vector<GatedRule> gated;
    NeedleSet needs;
  };
  // Lists of patterns by a dense key, in one array: key k's are
  // refs[begin[k] .. begin[k + 1]).
  struct RefLists {
    ImageArray<uint32_t> begin;
    ImageArray<PhraseRef> refs;
    std::span<const PhraseRef> operator[](size_t k) const {
      const std::span<const uint32_t> b = begin.span();
      return refs.span().subspan(b[k], b[k + 1] - b[k]);
    }
    void Assign(const std::vector<std::vector<PhraseRef>>& lists);
  };
  struct ScopeIndex {
    // Patterns by the words they can begin with: a vocabulary id, the
    // first byte of a prefix ("apologi*"), or any word at all.
    RefLists by_first;        // by vocabulary id
    RefLists by_prefix_byte;  // by byte, 256 of them
    ImageArray<PhraseRef> any_start;
    // Patterns with requirements are not in the lists above but here,
    // under their key set (see key_set_).
    RefLists by_key;
    // Per vocabulary id, the requirement sets of this scope's patterns
    // that hold it: postings[posting_begin[id] .. posting_begin[id + 1]),
    // a set's index, with kKeyBit when it is the key of a pattern of this
    // scope.
    ImageArray<uint32_t> posting_begin;
    ImageArray<uint32_t> postings;
    RegexSet folded, original;  // regexes over the folded and the original text
  };
  // A word every match of a pattern holds: one of required set `set`, at
  // least `offset` words after the match's start. A sentence is only tried
  // at a start when each of the pattern's requirements holds there.
  struct Requirement {
    uint32_t set;
    uint32_t offset;
    uint32_t max_offset;  // and at most this many words after it
  };

  struct Loading {};  // the constructor Load uses: nothing worked out
  Matcher(const Lexicon& lexicon, Loading) : lexicon_(lexicon) {}
  // The word sets of the phrase patterns' requirements, numbered once,
  // each pattern's key, the common words tracked per sentence and each
  // scope's postings: IndexRequirements runs the steps in this order.
  void IndexRequirements();
  template <typename Numbering>
  void NumberRequirements(Numbering* numbering);
  void ChooseKeys(std::span<const std::span<const uint32_t>> sets);
  void TrackCommonWords(std::span<const std::span<const uint32_t>> sets);
  // Renumbers the sets so that those holding the same often-posted word
  // lie together: its postings then touch a few neighbouring cache lines
  // of the per-set state, not one line per set.
  void OrderSets(std::vector<std::span<const uint32_t>>* sets);
  void PostSets(std::span<const std::span<const uint32_t>> sets, int scope);
  void IndexPhrases();  // by_first, by_prefix_byte, any_start, by_key
  void IndexRegexes();  // the regex sets (never saved: RE2 compiles them)
  // One sentence's matching (matcher.cc): the sets its words mark, the
  // starts each pattern may take, antipatterns, hits.
  class SentenceScan;
  void MatchPhrases(const Document& doc, const ScopeIndex& index, std::vector<Hit>* raw,
                    PhraseHitCache* cache) const;
  void MatchRegexes(const Document& doc, const RegexSet& regexes, bool original,
                    std::vector<Hit>* raw) const;

  const Lexicon& lexicon_;
  ScopeIndex scopes_[2];
  // Requirements of pattern p: requirements_[requirement_begin_[p] ..
  // requirement_begin_[p + 1]). Sets shared by patterns (a macro's) are
  // numbered once.
  ImageArray<uint32_t> requirement_begin_;
  ImageArray<Requirement> requirements_;
  static constexpr uint32_t kKeyBit = 0x80000000;  // see ScopeIndex::postings
  uint32_t set_count_ = 0;
  // Per pattern, the requirement set it is looked up by, and the set of
  // the words it begins with (when those are all it can begin with), or
  // kNoSet.
  ImageArray<uint32_t> key_set_;
  ImageArray<uint32_t> start_set_;
  // Per pattern, its PhraseRef::check (without kCommonBit): worked out
  // with the keys, read when the lists are made, not kept in the image.
  std::vector<uint32_t> check_set_;
  // Per vocabulary id, its index among the common words tracked per
  // sentence, or kNotCommon; per set, a bit for each tracked word in it.
  // A set's postings leave those words out unless it is a key set.
  static constexpr uint8_t kNotCommon = 0xff;
  ImageArray<uint8_t> common_index_;
  ImageArray<uint64_t> common_mask_;
  std::string error_;
};

// The phrase hits of the sentences of the documents a Matcher matched
// last, each sentence keyed by all that its phrase matching reads: its
// bytes, where each of its words lies in them, and how many of its first
// words are @handles (a word's folded form is its bytes' folding, so the
// key holds it too). Phrase patterns never reach past their sentence, so
// a sentence seen before, anywhere in a text, has the hits it had, moved
// to where it now is. (Regex rules, which may, are matched on the whole
// text every time, and so is all that follows: merging, hidden spans.)
//
// Holds only the sentences of the latest document: each Match with the
// cache forgets those that document did not have. Owns its copies. Not
// thread-safe: one cache per text being edited, used by one thread at a
// time; entries are only good for the Matcher and scope that made them
// (Clear it when either changes).
class PhraseHitCache {
 public:
  PhraseHitCache();
  ~PhraseHitCache();
  PhraseHitCache(const PhraseHitCache&) = delete;
  PhraseHitCache& operator=(const PhraseHitCache&) = delete;

  // Sentences held, and how many of the last document's were found.
  size_t sentences() const;
  size_t last_reused() const;
  void Clear();

 private:
  friend class Matcher;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace amends
