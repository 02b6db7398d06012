// Phrase patterns: token sequences with alternatives, optional elements,
// prefixes and gaps, matched against the folded words of one sentence.
// The syntax is documented in docs/lexicon-format.md.
//
// A PhraseSet holds every pattern of a lexicon in a few flat arrays (no
// node is allocated on its own), so building one is a single pass over the
// rule text and freeing it is a handful of frees. Patterns and macros are
// referred to by index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/vocabulary.h"
#include "util/binary_io.h"
#include "util/image_array.h"

namespace amends {

class PhraseSet {
 public:
  PhraseSet() = default;
  // Moves keep the arrays where they are; a copy would have to re-point
  // the views, and nothing needs one.
  PhraseSet(PhraseSet&&) = default;
  PhraseSet& operator=(PhraseSet&&) = default;
  PhraseSet(const PhraseSet&) = delete;
  PhraseSet& operator=(const PhraseSet&) = delete;

  // Parses `text` as a new pattern and gives every literal word its id in
  // vocabulary(). Returns the pattern's index, or -1 with `*error` and
  // `*error_offset` (byte offset into `text`) set; a failed pattern leaves
  // nothing behind but possibly some words in the vocabulary.
  int64_t Add(std::string_view text, std::string* error, size_t* error_offset);

  // Parses `text` as the body of macro `name` (used as @name by later
  // patterns), with the same checks as Add. A redefinition replaces the
  // earlier body for the patterns that follow; a body may use the macros
  // defined before it. Returns false with `*error` set on failure.
  bool DefineMacro(const std::string& name, std::string_view text, std::string* error,
                   size_t* error_offset);
  // The macro names in force, by the group each expands to. A rule file
  // starts from its folder's shared macros (SetMacros) and its own
  // defines are forgotten after it; patterns already added keep their
  // expansions.
  using Macros = std::map<std::string, uint32_t, std::less<>>;
  const Macros& macros() const { return macros_; }
  void SetMacros(Macros macros) { macros_ = std::move(macros); }

  size_t size() const { return view_.patterns.size(); }
  // Words in the longest match of `pattern` (at most 2^24).
  uint32_t max_words(uint32_t pattern) const;
  // Whether `pattern` was written "^ …": it matches only where a sentence
  // begins (the matcher knows where that is; LongestMatch does not check).
  bool opens_sentence(uint32_t pattern) const { return view_.patterns[pattern].opens_sentence; }
  // And "… $": its longest match ends the sentence.
  bool closes_sentence(uint32_t pattern) const { return view_.patterns[pattern].closes_sentence; }
  const Vocabulary& vocabulary() const { return vocabulary_; }

  // The compiled set as bytes, and back (macros are not kept). Load
  // replaces the contents and returns false when `in` is cut short; it
  // does not check the indexes inside, so it is only for bytes this build
  // of amends saved (the lexicon image embedded in the binary). With
  // `in_place`, the arrays are used where they lie in the reader's buffer,
  // which must then outlive the set and be aligned to 8 (else Load fails);
  // a later Add or DefineMacro copies them first.
  void Save(BinaryWriter* out) const;
  bool Load(BinaryReader* in, bool in_place = false);

  // The end (exclusive) of the longest match of `pattern` that starts at
  // `words[start]`, or `start` when there is none. `words` are the folded
  // words of one sentence and `ids` their vocabulary ids
  // (Vocabulary::kUnknown for words no pattern names).
  size_t LongestMatch(uint32_t pattern, const uint32_t* ids, const std::string_view* words,
                      size_t count, size_t start) const;

  // When true, a match of `pattern` can only begin with one of
  // first_ids(pattern) (sorted); otherwise it can begin with a prefix or
  // any word, and CanStartWith tells.
  bool anchored(uint32_t pattern) const;
  std::span<const uint32_t> first_ids(uint32_t pattern) const;
  // Whether a match could begin at this word (its id and folded text).
  bool CanStartWith(uint32_t pattern, uint32_t id, std::string_view word) const;

  // Requirements: words every match of `pattern` holds, so the matcher
  // can skip a sentence that lacks one. Each is a set of word ids (sorted):
  // a match holds at least one word of the set. There is one per element
  // of the pattern's top level that is not optional and needs some word: a
  // plain word (its alternatives "sorry|apologise" are the set), or a group
  // each of whose alternatives needs one (the set is the union of theirs).
  // Smallest sets first; a pattern of prefixes, gaps and optional words
  // alone has none.
  //
  // Patterns that use the same macro get the very same span for its set
  // (same data() and size()), so the matcher can tell shared sets apart
  // without comparing their words.
  size_t required_count(uint32_t pattern) const {
    return view_.patterns[pattern].required_end - view_.patterns[pattern].required_begin;
  }
  std::span<const uint32_t> required(uint32_t pattern, size_t i) const {
    return Ids(view_.required[view_.patterns[pattern].required_begin + i].ids);
  }
  // How many words at least come before that word in any match: it lies
  // at or after start + required_offset.
  uint32_t required_offset(uint32_t pattern, size_t i) const {
    return view_.required[view_.patterns[pattern].required_begin + i].offset;
  }
  // And at most this many: it lies at or before start + required_max_offset.
  uint32_t required_max_offset(uint32_t pattern, size_t i) const {
    return view_.required[view_.patterns[pattern].required_begin + i].max_offset;
  }
  // The prefixes a match may begin with ("apologi" of "apologi*"), and
  // whether it may begin with any word at all.
  std::span<const std::string> start_prefixes(uint32_t pattern) const {
    const Range& r = view_.patterns[pattern].start.prefixes;
    return std::span<const std::string>(prefixes_).subspan(r.begin, r.size());
  }
  bool starts_with_any_word(uint32_t pattern) const { return view_.patterns[pattern].start.any; }

 private:
  class Parser;
  struct Runner;
  static constexpr uint32_t kNoGroup = UINT32_MAX;

  struct Range {  // [begin, end) into one of the arrays below
    uint32_t begin = 0, end = 0;
    uint32_t size() const { return end - begin; }
  };
  // A word atom when `group` is kNoGroup: matches a word whose id is in
  // `ids`, a word starting with one of `prefixes`, or any word when `any`.
  // Otherwise one of the group's alternatives. Either `min` to `max` times.
  struct Element {
    Range ids;       // into ids_, sorted
    Range prefixes;  // into prefixes_
    uint32_t group = kNoGroup;
    uint8_t min = 1, max = 1;
    bool any = false;
    uint8_t unused = 0;  // no padding: the set is saved byte for byte
  };
  // What a sequence (or a group) can begin with.
  struct Start {
    Range ids;              // into ids_, sorted, unique
    Range prefixes;         // into prefixes_
    bool any = false;       // any word ('_' comes first)
    bool nullable = false;  // it can match no word at all
    uint16_t unused = 0;
  };
  struct Group {
    Range alternatives;  // into sequences_
    Start start;         // over all alternatives
    // Matching skips alternatives that cannot begin at a word: (first id,
    // alternative) sorted by id, and the alternatives tried at every word
    // (they may begin with a prefix or any word, or match nothing).
    Range by_first_id;        // into by_first_id_
    Range unanchored;         // into unanchored_
    uint32_t min_length = 0;  // words in the shortest match
    uint32_t max_length = 0;  // and in the longest
    // Words of which every match holds one (into ids_), when
    // has_required: from each alternative, its mandatory word (or nested
    // group) least likely in a sentence (fewest ids, the common words of
    // rules/common_words.h weighing most). A sentence without any of them
    // cannot match the group.
    Range required;
    uint32_t has_required = 0;
    // Where that word lies in a match of the group: at least
    // required_offset words after its start, at most required_max_offset.
    uint32_t required_offset = 0;
    uint32_t required_max_offset = 0;
    // The alternatives that are plain word sequences ("here is", "the
    // link") are not in by_first_id but in a trie over word ids, walked
    // once per start instead of trying each alternative: its root in
    // trie_nodes_, or kNoTrie.
    uint32_t trie = kNoTrie;
  };
  static constexpr uint32_t kNoTrie = UINT32_MAX;
  struct TrieNode {
    Range edges;        // into trie_edges_, sorted by id
    uint32_t ends = 0;  // whether an alternative ends here
  };
  struct TrieEdge {
    uint32_t id, node;
  };
  struct Pattern {
    uint32_t sequence;
    Start start;
    uint32_t required_begin, required_end;  // into required_
    uint32_t opens_sentence = 0;            // written with a leading '^'
    uint32_t closes_sentence = 0;           // written with a trailing '$'
  };
  struct Required {
    Range ids;            // into ids_
    uint32_t offset;      // words before it in the shortest match
    uint32_t max_offset;  // and in the longest
  };

  std::span<const uint32_t> Ids(Range r) const { return view_.ids.subspan(r.begin, r.size()); }
  bool MatchesWord(const Element& e, uint32_t id, std::string_view word) const;
  // The child of trie node `node` by word `id`, or kNoTrie.
  uint32_t TrieChild(uint32_t node, uint32_t id) const;
  // A Start being collected: ids and indexes into prefixes_, unsorted.
  struct StartScratch {
    std::vector<uint32_t> ids, prefixes;
    bool any = false, nullable = false;
  };
  void CollectStart(Range sequence, StartScratch* out) const;
  Start StoreStart(StartScratch* s);
  // Words in the shortest and the longest match of a sequence (the
  // shortest counting a repeated group once), at most kManyWords.
  uint32_t MinLength(Range sequence) const;
  uint32_t MaxLength(Range sequence) const;
  // a + b, at most kManyWords: lengths saturate rather than wrap, so a
  // pattern of many nested repeats still gets a bound that holds.
  static constexpr uint32_t kManyWords = 1u << 24;
  static uint32_t AddLengths(uint64_t a, uint64_t b);
  // The ids of which every match of the element holds one, if any (a
  // word's spellings, or a group's required words), and how many words at
  // least and at most come before that one in a match of the element.
  bool ElementRequires(const Element& e, Range* ids, uint32_t* offset, uint32_t* max_offset) const;
  // Appends a group of the given alternatives, with its index; returns it.
  uint32_t AddGroup(const Range* alternatives, size_t count);
  // Sizes of the arrays, to drop what a failed parse appended.
  struct Mark {
    size_t elements, sequences, groups, ids, prefixes, by_first_id, unanchored, trie_nodes,
        trie_edges;
  };
  // Adds a trie of the given word sequences (each element's ids); returns
  // its root.
  uint32_t AddTrie(const std::vector<std::vector<std::span<const uint32_t>>>& paths);
  Mark GetMark() const;
  void Restore(const Mark& m);
  // Parses `text` into a sequence of elements_; false with the error set.
  bool ParseSequenceText(std::string_view text, Range* out, std::string* error,
                         size_t* error_offset);

  struct FirstId {
    uint32_t id, alternative;
    bool operator<(const FirstId& o) const {
      return id != o.id ? id < o.id : alternative < o.alternative;
    }
  };
  // Matching reads the arrays through view_, the spans of the arrays below
  // (owned, or a loaded image's bytes: util/image_array.h), set again by
  // Publish after every change.
  struct View {
    std::span<const Element> elements;
    std::span<const Range> sequences;
    std::span<const Group> groups;
    std::span<const Pattern> patterns;
    std::span<const uint32_t> ids;
    std::span<const FirstId> by_first_id;
    std::span<const uint32_t> unanchored;
    std::span<const Required> required;
    std::span<const TrieNode> trie_nodes;
    std::span<const TrieEdge> trie_edges;
  };
  void Publish();
  void Materialize();  // copies an image's arrays, before a change

  View view_;
  Vocabulary vocabulary_;
  // Compiling appends to these.
  ImageArray<Element> elements_;
  ImageArray<Range> sequences_;  // element ranges
  ImageArray<Group> groups_;
  ImageArray<Pattern> patterns_;
  ImageArray<uint32_t> ids_;
  std::vector<std::string> prefixes_;
  ImageArray<FirstId> by_first_id_;
  ImageArray<uint32_t> unanchored_;
  ImageArray<Required> required_;
  ImageArray<TrieNode> trie_nodes_;
  ImageArray<TrieEdge> trie_edges_;
  Macros macros_;  // name -> group
};

}  // namespace amends
