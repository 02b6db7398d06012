#include "rules/matcher.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <new>
#include <span>
#include <unordered_map>

#include "rules/common_words.h"
#include "util/string_map.h"

namespace amends {
namespace {

bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

// A word in capitals: two letters or more and none lower-case ("YOU",
// "DON'T"; not "I", "Sorry" or "iPhone"). Letters past ASCII count as
// neither, so "ÉTÉ" is judged by its ASCII letters.
bool WrittenInCapitals(std::string_view word) {
  int upper = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2;
}
// A per-thread array whose new elements are all-zero bytes, from calloc:
// fresh pages come zeroed from the system and are only touched where they
// are written, so a short draft that marks a few of the lexicon's
// thousands of word sets faults in a few pages, not the whole array.
// Growing forgets the old contents (callers keep nothing across a grow).
template <typename T>
class ZeroedArray {
 public:
  ZeroedArray() = default;
  ZeroedArray(const ZeroedArray&) = delete;
  ZeroedArray& operator=(const ZeroedArray&) = delete;
  ~ZeroedArray() { std::free(data_); }
  void AtLeast(size_t n) {
    if (n <= size_) return;
    void* p = std::calloc(n, sizeof(T));
    if (!p) throw std::bad_alloc();
    std::free(data_);
    data_ = static_cast<T*>(p);
    size_ = n;
  }
  void Zero() {
    if (size_) std::memset(static_cast<void*>(data_), 0, size_ * sizeof(T));
  }
  T* data() { return data_; }
  T& operator[](size_t i) { return data_[i]; }

 private:
  T* data_ = nullptr;
  size_t size_ = 0;
};

bool Inside(Span inner, Span outer) {
  return !outer.empty() && inner.start >= outer.start && inner.end <= outer.end;
}

// Whether a draft's hit lies where rules do not count (the @handles, the
// sign-off, a quoted passage).
bool Hidden(const Document& doc, RuleScope scope, Span span) {
  return scope == RuleScope::kDraft &&
         (Inside(span, doc.handles) || Inside(span, doc.signoff) || doc.IsQuoted(span));
}

// How many of a sentence's first words lie in the leading @handles: a "^"
// pattern may start only past them.
size_t OpeningOf(const Document& doc, const Sentence& sentence) {
  size_t opening = 0;
  const size_t n = sentence.end_word - sentence.first_word;
  while (opening < n && !doc.handles.empty() &&
         doc.tokens[doc.words[sentence.first_word + opening]].start < doc.handles.end)
    ++opening;
  return opening;
}

void AppendU32(std::string* out, uint32_t v) {
  char bytes[4];
  std::memcpy(bytes, &v, 4);
  out->append(bytes, 4);
}

}  // namespace

struct PhraseHitCache::Impl {
  struct RelativeHit {
    uint32_t rule;
    int tag;
    uint32_t start, end;  // relative to the sentence's start
  };
  struct Entry {
    std::vector<RelativeHit> hits;
    uint64_t used = 0;  // the generation that last used it
  };
  StringMap<Entry> entries;  // by sentence key
  uint64_t generation = 0;   // one per document matched with the cache
  size_t reused = 0;         // sentences of the last document found
  std::string key;           // the key being built
};

PhraseHitCache::PhraseHitCache() : impl_(std::make_unique<Impl>()) {}
PhraseHitCache::~PhraseHitCache() = default;
size_t PhraseHitCache::sentences() const { return impl_->entries.size(); }
size_t PhraseHitCache::last_reused() const { return impl_->reused; }
void PhraseHitCache::Clear() { impl_->entries.clear(); }

Matcher::Matcher(const Lexicon& lexicon) : lexicon_(lexicon) {
  IndexRequirements();
  IndexPhrases();
  IndexRegexes();
}

void Matcher::RefLists::Assign(const std::vector<std::vector<PhraseRef>>& lists) {
  std::vector<uint32_t>& b = begin.Own();
  std::vector<PhraseRef>& r = refs.Own();
  b.assign(1, 0);
  r.clear();
  for (const auto& list : lists) {
    r.insert(r.end(), list.begin(), list.end());
    b.push_back(static_cast<uint32_t>(r.size()));
  }
}

void Matcher::IndexPhrases() {
  const PhraseSet& phrases = lexicon_.phrases;
  for (int s = 0; s < 2; ++s) {
    std::vector<std::vector<PhraseRef>> by_first(phrases.vocabulary().size()), by_key(set_count_),
        by_prefix_byte(256);
    ScopeIndex& index = scopes_[s];
    for (uint32_t r = 0; r < lexicon_.rules.size(); ++r) {
      const Rule& rule = lexicon_.rules[r];
      if (static_cast<int>(rule.scope) != s) continue;
      for (uint32_t pattern : rule.phrases) {
        PhraseRef ref{r, pattern};
        if (key_set_[pattern] != kNoSet) {
          if (uint32_t check = check_set_[pattern]; check != kNoSet)
            ref.check = check | (common_mask_[check] ? kCommonBit : 0);
          by_key[key_set_[pattern]].push_back(ref);
          continue;
        }
        if (phrases.starts_with_any_word(pattern)) {
          index.any_start->push_back(ref);
          continue;
        }
        for (uint32_t id : phrases.first_ids(pattern)) by_first[id].push_back(ref);
        bool bytes[256] = {};
        for (const std::string& prefix : phrases.start_prefixes(pattern)) {
          if (prefix.empty()) {
            index.any_start->push_back(ref);
            break;
          }
          bool& listed = bytes[static_cast<unsigned char>(prefix[0])];
          if (!listed) by_prefix_byte[static_cast<unsigned char>(prefix[0])].push_back(ref);
          listed = true;
        }
      }
    }
    index.by_first.Assign(by_first);
    index.by_key.Assign(by_key);
    index.by_prefix_byte.Assign(by_prefix_byte);
  }
}

void Matcher::IndexRegexes() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  for (ScopeIndex& index : scopes_) {
    index.folded.set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    index.original.set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  }
  for (uint32_t r = 0; r < lexicon_.rules.size(); ++r) {
    const Rule& rule = lexicon_.rules[r];
    ScopeIndex& index = scopes_[static_cast<int>(rule.scope)];
    RegexSet& regexes = rule.regex_on_original ? index.original : index.folded;
    if (!rule.regex_needs.empty()) {
      for (const std::string& need : rule.regex_needs)
        regexes.needs.Add(need, static_cast<uint32_t>(regexes.gated.size()));
      std::unique_ptr<RuleRegex> any;
      if (rule.regexes.size() > 1) {
        std::string alternation;
        for (const auto& re : rule.regexes)
          alternation.append(alternation.empty() ? "(?:" : "|(?:").append(re->pattern()).append(")");
        any = std::make_unique<RuleRegex>(std::move(alternation));
      }
      regexes.gated.push_back({r, std::move(any)});
      continue;
    }
    for (uint32_t p = 0; p < rule.regexes.size(); ++p) {
      std::string why;
      if (regexes.set->Add(rule.regexes[p]->pattern(), &why) < 0 && error_.empty())
        error_ = rule.file + ":" + std::to_string(rule.line) + ": rule " + rule.id +
                 ": its regex cannot join the others: " + why;
      regexes.refs.push_back({r, p});
    }
  }
  for (ScopeIndex& index : scopes_) {
    for (RegexSet* regexes : {&index.folded, &index.original}) {
      if (regexes->refs.empty()) {
        regexes->set.reset();
      } else if (!regexes->set->Compile() && error_.empty()) {
        error_ = "the " + std::to_string(regexes->refs.size()) +
                 " regex rules of the lexicon do not fit together in the regex set's memory "
                 "budget; simplify or remove some (each one compiles alone)";
      }
    }
  }
}

void Matcher::Save(BinaryWriter* out) const {
  requirement_begin_.Save(out);
  requirements_.Save(out);
  out->U32(set_count_);
  key_set_.Save(out);
  start_set_.Save(out);
  common_index_.Save(out);
  common_mask_.Save(out);
  for (const ScopeIndex& index : scopes_) {
    for (const RefLists* lists : {&index.by_first, &index.by_prefix_byte, &index.by_key}) {
      lists->begin.Save(out);
      lists->refs.Save(out);
    }
    index.any_start.Save(out);
    index.posting_begin.Save(out);
    index.postings.Save(out);
  }
}

std::unique_ptr<Matcher> Matcher::Load(const Lexicon& lexicon, BinaryReader* in) {
  std::unique_ptr<Matcher> m(new Matcher(lexicon, Loading{}));
  constexpr bool kInPlace = true;
  m->requirement_begin_.Load(in, kInPlace);
  m->requirements_.Load(in, kInPlace);
  m->set_count_ = in->U32();
  m->key_set_.Load(in, kInPlace);
  m->start_set_.Load(in, kInPlace);
  m->common_index_.Load(in, kInPlace);
  m->common_mask_.Load(in, kInPlace);
  const size_t patterns = lexicon.phrases.size();
  const size_t words = lexicon.phrases.vocabulary().size();
  auto fits = [&](const RefLists& lists, size_t keys) {
    const std::span<const uint32_t> begin = lists.begin.span();
    return begin.size() == keys + 1 && begin.front() == 0 && begin.back() == lists.refs.size() &&
           std::is_sorted(begin.begin(), begin.end());
  };
  bool ok = in->ok() && m->requirement_begin_.size() == patterns + 1 &&
            m->key_set_.size() == patterns && m->start_set_.size() == patterns &&
            m->common_index_.size() == words && m->common_mask_.size() == m->set_count_;
  for (ScopeIndex& index : m->scopes_) {
    for (RefLists* lists : {&index.by_first, &index.by_prefix_byte, &index.by_key}) {
      lists->begin.Load(in, kInPlace);
      lists->refs.Load(in, kInPlace);
    }
    index.any_start.Load(in, kInPlace);
    index.posting_begin.Load(in, kInPlace);
    index.postings.Load(in, kInPlace);
    ok = ok && in->ok() && fits(index.by_first, words) && fits(index.by_prefix_byte, 256) &&
         fits(index.by_key, m->set_count_) && index.posting_begin.size() == words + 1;
  }
  if (!ok) return nullptr;
  m->IndexRegexes();
  return m;
}

Matcher::~Matcher() = default;

namespace {

// Numbers distinct word sets in the order they are first seen. Sets are
// compared by their words: the same group written out in many rules
// ("(we|i|our team)") is one set, so a sentence updates it once. The spans
// of a macro's patterns are one span (same data and size): those compare
// without reading the words.
class SetNumbering {
 public:
  explicit SetNumbering(size_t most) : table_(std::bit_ceil(2 * most), 0) {}

  uint32_t Number(std::span<const uint32_t> ids) {
    // Open addressing over set numbers + 1, at most half full.
    const size_t mask = table_.size() - 1;
    for (size_t i = Hash(ids) & mask;; i = (i + 1) & mask) {
      if (table_[i] == 0) {
        sets_.push_back(ids);
        table_[i] = static_cast<uint32_t>(sets_.size());
        return table_[i] - 1;
      }
      if (Same(sets_[table_[i] - 1], ids)) return table_[i] - 1;
    }
  }
  std::vector<std::span<const uint32_t>>& sets() { return sets_; }

 private:
  static uint64_t Hash(std::span<const uint32_t> ids) {
    uint64_t h = 1469598103934665603ull ^ ids.size();
    for (uint32_t id : ids) h = (h ^ id) * 1099511628211ull;
    return h ^ (h >> 29);
  }
  static bool Same(std::span<const uint32_t> a, std::span<const uint32_t> b) {
    return a.size() == b.size() &&
           (a.data() == b.data() || std::equal(a.begin(), a.end(), b.begin()));
  }
  std::vector<uint32_t> table_;
  std::vector<std::span<const uint32_t>> sets_;
};

}  // namespace

void Matcher::IndexRequirements() {
  const PhraseSet& phrases = lexicon_.phrases;
  // The built-in lexicon's index is worked out when amends is built (it is
  // saved in the lexicon image); a team's, at start-up.
  size_t most = 1;  // sets at most: every requirement and start set distinct
  for (uint32_t p = 0; p < phrases.size(); ++p) most += phrases.required_count(p) + 1;
  SetNumbering numbering(most);
  NumberRequirements(&numbering);
  std::vector<std::span<const uint32_t>>& sets = numbering.sets();
  ChooseKeys(sets);
  if (sets.size() >= kKeyBit - 1) {  // the postings could not tell a set from the flag,
    // nor a check from kNoSet
    error_ = "the lexicon's phrase patterns need more than 2^31 word sets";
    sets.clear();
    requirements_->clear();
    requirement_begin_->assign(phrases.size() + 1, 0);
    key_set_->assign(phrases.size(), kNoSet);
    start_set_->assign(phrases.size(), kNoSet);
    check_set_.assign(phrases.size(), kNoSet);
  }
  set_count_ = static_cast<uint32_t>(sets.size());
  TrackCommonWords(sets);
  OrderSets(&sets);
  for (int scope = 0; scope < 2; ++scope) PostSets(sets, scope);
}

void Matcher::OrderSets(std::vector<std::span<const uint32_t>>* sets) {
  // How many sets each word is posted to (a tracked common word, none).
  std::vector<uint32_t> posted(lexicon_.phrases.vocabulary().size(), 0);
  for (std::span<const uint32_t> set : *sets)
    for (uint32_t id : set)
      if (common_index_[id] == kNotCommon) ++posted[id];
  // Each set under the word of it posted to the most sets: those of a word
  // that is in hundreds come together.
  std::vector<std::pair<uint64_t, uint32_t>> order(sets->size());
  for (uint32_t s = 0; s < sets->size(); ++s) {
    uint32_t heaviest = 0, most = 0;
    for (uint32_t id : (*sets)[s])
      if (posted[id] > most) most = posted[id], heaviest = id;
    order[s] = {uint64_t{UINT32_MAX - most} << 32 | heaviest, s};
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<uint32_t> renumbered(sets->size());
  std::vector<std::span<const uint32_t>> ordered(sets->size());
  std::vector<uint64_t> masks(sets->size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    renumbered[order[i].second] = i;
    ordered[i] = (*sets)[order[i].second];
    masks[i] = common_mask_[order[i].second];
  }
  *sets = std::move(ordered);
  common_mask_.Own() = std::move(masks);
  for (Requirement& r : requirements_.Own()) r.set = renumbered[r.set];
  for (std::vector<uint32_t>* per_pattern : {&key_set_.Own(), &start_set_.Own(), &check_set_})
    for (uint32_t& set : *per_pattern)
      if (set != kNoSet) set = renumbered[set];
}

template <typename Numbering>
void Matcher::NumberRequirements(Numbering* numbering) {
  const PhraseSet& phrases = lexicon_.phrases;
  std::vector<uint32_t>& requirement_begin = requirement_begin_.Own();
  std::vector<Requirement>& requirements = requirements_.Own();
  std::vector<uint32_t>& start_set = start_set_.Own();
  requirement_begin.assign(1, 0);
  start_set.assign(phrases.size(), kNoSet);
  for (uint32_t p = 0; p < phrases.size(); ++p) {
    for (size_t i = 0; i < phrases.required_count(p); ++i) {
      std::span<const uint32_t> ids = phrases.required(p, i);
      if (!ids.empty())
        requirements.push_back({numbering->Number(ids), phrases.required_offset(p, i),
                                phrases.required_max_offset(p, i)});
    }
    requirement_begin.push_back(static_cast<uint32_t>(requirements.size()));
    // The words a match begins with, when it can only begin with one of
    // them (no prefix, not any word).
    if (requirement_begin[p] < requirement_begin[p + 1] && !phrases.starts_with_any_word(p) &&
        phrases.start_prefixes(p).empty() && !phrases.first_ids(p).empty())
      start_set[p] = numbering->Number(phrases.first_ids(p));
  }
}

void Matcher::ChooseKeys(std::span<const std::span<const uint32_t>> sets) {
  // Each pattern's key: the requirement least likely to hold in a
  // sentence, judged by its words (very common words weigh most).
  const PhraseSet& phrases = lexicon_.phrases;
  std::vector<bool> common(phrases.vocabulary().size(), false);
  for (std::string_view word : kCommonWords) {
    uint32_t id = phrases.vocabulary().Find(word);
    if (id != Vocabulary::kUnknown) common[id] = true;
  }
  // And the one after it, checked first among the rest (see
  // PhraseRef::check).
  std::vector<uint32_t>& key_set = key_set_.Own();
  key_set.assign(phrases.size(), kNoSet);
  check_set_.assign(phrases.size(), kNoSet);
  for (uint32_t p = 0; p < phrases.size(); ++p) {
    uint64_t best = UINT64_MAX, second = UINT64_MAX;
    for (uint32_t r = requirement_begin_[p]; r < requirement_begin_[p + 1]; ++r) {
      const uint32_t set = requirements_[r].set;
      uint64_t w = RequirementWeight(sets[set], [&](uint32_t id) { return common[id]; });
      if (w < best) {
        if (key_set[p] != kNoSet) second = best, check_set_[p] = key_set[p];
        best = w, key_set[p] = set;
      } else if (w < second && set != key_set[p]) {
        second = w, check_set_[p] = set;
      }
    }
  }
}

void Matcher::TrackCommonWords(std::span<const std::span<const uint32_t>> sets) {
  // The first 64 common words the vocabulary has are tracked per sentence
  // on their own: a set holding one learns of it through its mask, not
  // from a posting ("the" alone is in dozens of sets).
  const Vocabulary& vocabulary = lexicon_.phrases.vocabulary();
  std::vector<uint8_t>& common_index = common_index_.Own();
  common_index.assign(vocabulary.size(), kNotCommon);
  uint8_t tracked = 0;
  for (std::string_view word : kCommonWords) {
    uint32_t id = vocabulary.Find(word);
    if (id == Vocabulary::kUnknown || common_index[id] != kNotCommon) continue;
    common_index[id] = tracked++;
    if (tracked == 64) break;
  }
  std::vector<uint64_t>& common_mask = common_mask_.Own();
  common_mask.assign(set_count_, 0);
  for (uint32_t s = 0; s < set_count_; ++s)
    for (uint32_t id : sets[s])
      if (common_index[id] != kNotCommon) common_mask[s] |= uint64_t{1} << common_index[id];
}

void Matcher::PostSets(std::span<const std::span<const uint32_t>> sets, int scope) {
  // The key sets of this scope's patterns: a sentence lists those it holds.
  std::vector<uint8_t> is_key(set_count_, 0);
  for (const Rule& rule : lexicon_.rules)
    if (static_cast<int>(rule.scope) == scope)
      for (uint32_t p : rule.phrases)
        if (key_set_[p] != kNoSet) is_key[key_set_[p]] = 1;
  // A key set is still posted under its common words: a sentence must
  // list it among the key sets it holds.
  auto posted = [&](uint32_t s, uint32_t id) {
    return common_index_[id] == kNotCommon || is_key[s];
  };
  // The sets this scope's patterns need.
  std::vector<uint8_t> used(set_count_, 0);
  for (const Rule& rule : lexicon_.rules) {
    if (static_cast<int>(rule.scope) != scope) continue;
    for (const auto* patterns :
         {&rule.phrases, &rule.phrase_unless, &rule.phrase_with, &rule.phrase_without}) {
      for (uint32_t p : *patterns) {
        for (uint32_t q = requirement_begin_[p]; q < requirement_begin_[p + 1]; ++q)
          used[requirements_[q].set] = 1;
        if (start_set_[p] != kNoSet) used[start_set_[p]] = 1;
      }
    }
  }
  // Their postings, by counting sort on the id; a key set's entry has
  // kKeyBit.
  ScopeIndex& index = scopes_[scope];
  std::vector<uint32_t>& posting_begin = index.posting_begin.Own();
  std::vector<uint32_t>& postings = index.postings.Own();
  posting_begin.assign(lexicon_.phrases.vocabulary().size() + 1, 0);
  for (uint32_t s = 0; s < set_count_; ++s)
    if (used[s])
      for (uint32_t id : sets[s])
        if (posted(s, id)) ++posting_begin[id + 1];
  for (size_t id = 1; id < posting_begin.size(); ++id) posting_begin[id] += posting_begin[id - 1];
  postings.resize(posting_begin.back());
  std::vector<uint32_t> fill(posting_begin.begin(), posting_begin.end() - 1);
  for (uint32_t s = 0; s < set_count_; ++s)
    if (used[s])
      for (uint32_t id : sets[s])
        if (posted(s, id)) postings[fill[id]++] = s | (is_key[s] ? kKeyBit : 0);
}

namespace {

// What MatchPhrases keeps per thread: audits call it for every reply, most
// of them a few sentences long, so per-call allocation would dominate.
struct PhraseScratch {
  std::vector<std::string_view> words;
  std::vector<uint32_t> ids;
  // Per set: the stamp of the last sentence that held a word of it (any
  // other stamp: the sentence holds none), apart from the rest so that
  // asking whether a sentence holds a set reads 4 bytes of a dense array.
  // With the stamp, `positions` has a bit for each of the first 64 words
  // in the set and `last` is the last word in it.
  ZeroedArray<uint32_t> stamps;  // zero: no stamp
  struct SetState {
    uint64_t positions;
    uint64_t last;
  };
  ZeroedArray<SetState> sets;  // good only where stamps say so
  std::vector<uint32_t> marked;  // the key sets the sentence holds a word of
  uint32_t stamp = 0;
  // Per tracked common word (see common_index_) the sentence holds, its
  // positions (first 64 words) and last word.
  uint64_t common_positions[64];
  uint32_t common_last[64];
  // Sentences of over 64 words: per antipattern asked about, its
  // matches in order of where they start, each with the furthest end of
  // those starting there or before (see OverlapsLong), worked out once per
  // sentence: a run of `reach`, reach_runs[reach_at's low half], when
  // reach_at's high half holds the sentence's stamp. Only matches are
  // kept, so it costs what the antipatterns find, not the sentence's
  // length for each.
  struct Reach {
    uint32_t start;
    uint32_t furthest;
  };
  ZeroedArray<uint64_t> reach_at;  // per pattern
  std::vector<Reach> reach;
  std::vector<std::pair<uint32_t, uint32_t>> reach_runs;  // [begin, end) of reach

  // A new sentence: a new stamp, nothing marked or reached.
  uint64_t NewSentence() {
    if (++stamp == 0) {  // wrapped: forget every old stamp
      stamps.Zero();
      reach_at.Zero();
      stamp = 1;
    }
    reach.clear();
    reach_runs.clear();
    marked.clear();
    return uint64_t{stamp} << 32;
  }
};

constexpr uint64_t kStampMask = ~uint64_t{0xffffffff};

}  // namespace

// One sentence being matched: what it holds of each word set (posted from
// its words), and what patterns ask of it. Lives for one sentence.
class Matcher::SentenceScan {
 public:
  SentenceScan(const Matcher& matcher, const Document& doc, PhraseScratch& scratch, uint32_t s,
               std::vector<Hit>* raw)
      : m_(matcher),
        doc_(doc),
        phrases_(matcher.lexicon_.phrases),
        scratch_(scratch),
        stamps_(scratch.stamps.data()),
        sets_(scratch.sets.data()),
        s_(s),
        sentence_(doc.sentences[s]),
        words_(scratch.words.data() + sentence_.first_word),
        ids_(scratch.ids.data() + sentence_.first_word),
        n_(sentence_.end_word - sentence_.first_word),
        stamp_(scratch.NewSentence()),
        stamp32_(static_cast<uint32_t>(stamp_ >> 32)),
        requirement_begin_(matcher.requirement_begin_.span().data()),
        requirements_(matcher.requirements_.span().data()),
        start_set_(matcher.start_set_.span().data()),
        common_mask_(matcher.common_mask_.span().data()),
        raw_(raw) {}

  // Marks the sets the sentence's words are in, from the scope's postings.
  void Post(const ScopeIndex& index);
  // Tries every pattern the sentence may match; appends the hits.
  void Run(const ScopeIndex& index);

 private:
  // What the sentence holds of a set.
  struct SetView {
    bool present = false;
    uint32_t last = 0;       // the last word in the set
    uint64_t positions = 0;  // of the first 64 words
  };
  SetView View(uint32_t set) const;
  // Whether the sentence holds a word of a set (View(set).present, without
  // the rest). A caller that knows the set holds no tracked common word
  // passes `common` false, and its mask is not read.
  bool Present(uint32_t set, bool common = true) const {
    return stamps_[set] == stamp32_ ||
           (common && (common_mask_[set] & common_present_) != 0);
  }
  // Where the sentence begins for a "^" pattern: its first word, past the
  // @handles a social reply opens with.
  size_t Opening() const;
  // Whether the sentence ends with a question mark (after its last word).
  bool IsQuestion();
  bool MayStart(uint32_t pattern, size_t p) const {
    return !phrases_.opens_sentence(pattern) || p == opening_;
  }
  Span SpanOf(size_t a, size_t b) const {
    return Span{doc_.tokens[doc_.words[sentence_.first_word + a]].start,
                doc_.tokens[doc_.words[sentence_.first_word + b - 1]].end};
  }
  // Calls visit(p) for each start p < `limit` where a match of `pattern`
  // could begin, as far as its first words and requirements tell; stops
  // when visit returns false. Returns false when it was stopped.
  template <typename Visit>
  bool ForEachStart(uint32_t pattern, size_t limit, Visit&& visit);
  // Whether a match of antipattern `unless` overlaps words [p, end): one
  // that starts before `end` and ends after `p`.
  bool Overlaps(uint32_t unless, size_t p, size_t end);
  bool OverlapsLong(uint32_t unless, size_t p, size_t end);
  // The words a rule may match from p: all of them, or for a rule of
  // words in capitals the run of such words from p (0: none).
  size_t UsableWords(const Rule& rule, uint32_t pattern, size_t p) const;
  // A hit of ref's rule when its pattern matches from word p.
  void TryAt(size_t p, const PhraseRef& ref);

  static constexpr uint32_t kKept = 16;  // requirement positions kept per start search

  const Matcher& m_;
  const Document& doc_;
  const PhraseSet& phrases_;
  PhraseScratch& scratch_;
  // Raw pointers: the loops write through them, and the compiler cannot
  // tell that vectors do not alias.
  uint32_t* const stamps_;
  PhraseScratch::SetState* const sets_;
  const uint32_t s_;
  const Sentence& sentence_;
  const std::string_view* const words_;
  const uint32_t* const ids_;
  const size_t n_;
  const uint64_t stamp_;   // the sentence's stamp, in the high half
  const uint32_t stamp32_;  // and alone
  // The matcher's tables, where they lie (in the image or its vectors).
  const uint32_t* const requirement_begin_;
  const Requirement* const requirements_;
  const uint32_t* const start_set_;
  const uint64_t* const common_mask_;
  uint64_t common_present_ = 0;  // a bit per tracked common word it holds
  size_t opening_ = 0;
  int question_ = -1;  // not yet known
  std::vector<Hit>* const raw_;
};

void Matcher::SentenceScan::Post(const ScopeIndex& index) {
  const uint32_t* const posting_begin = index.posting_begin.span().data();
  const uint32_t* const postings = index.postings.span().data();
  const uint8_t* const common_index = m_.common_index_.span().data();
  uint64_t* const common_positions = scratch_.common_positions;
  uint32_t* const common_last = scratch_.common_last;
  std::vector<uint32_t>& marked = scratch_.marked;
  // In locals: the stores below could alias the members, which the loop
  // would otherwise load again for every posting.
  uint32_t* const stamps = stamps_;
  PhraseScratch::SetState* const sets = sets_;
  const uint32_t stamp = stamp32_;
  uint64_t common_present = 0;
  for (uint32_t q = 0; q < n_; ++q) {
    const uint32_t id = ids_[q];
    if (id == Vocabulary::kUnknown) continue;
    const uint64_t bit = q < 64 ? uint64_t{1} << q : 0;
    if (const uint8_t k = common_index[id]; k != kNotCommon) {
      const uint64_t k_bit = uint64_t{1} << k;
      if (!(common_present & k_bit)) {
        common_present |= k_bit;
        common_positions[k] = 0;
      }
      common_positions[k] |= bit;
      common_last[k] = q;
    }
    for (uint32_t i = posting_begin[id], end = posting_begin[id + 1]; i < end; ++i) {
      const uint32_t set = postings[i] & ~kKeyBit;
      PhraseScratch::SetState& st = sets[set];
      if (stamps[set] != stamp) {
        stamps[set] = stamp;
        st.positions = 0;
        if (postings[i] & kKeyBit) marked.push_back(set);
      }
      st.last = q;
      st.positions |= bit;
    }
  }
  common_present_ = common_present;
  opening_ = Opening();
}

Matcher::SentenceScan::SetView Matcher::SentenceScan::View(uint32_t set) const {
  SetView v;
  const PhraseScratch::SetState& st = sets_[set];
  if (stamps_[set] == stamp32_) {
    v.present = true;
    v.last = static_cast<uint32_t>(st.last);
    v.positions = st.positions;
  }
  for (uint64_t m = common_mask_[set] & common_present_; m; m &= m - 1) {
    const int k = std::countr_zero(m);
    v.present = true;
    v.last = std::max(v.last, scratch_.common_last[k]);
    v.positions |= scratch_.common_positions[k];
  }
  return v;
}

size_t Matcher::SentenceScan::Opening() const { return OpeningOf(doc_, sentence_); }

bool Matcher::SentenceScan::IsQuestion() {
  if (question_ < 0) {
    uint32_t from =
        n_ ? doc_.tokens[doc_.words[sentence_.first_word + n_ - 1]].end : sentence_.start;
    question_ = from < sentence_.end &&
                std::memchr(doc_.text.data() + from, '?', sentence_.end - from) != nullptr;
  }
  return question_ == 1;
}

template <typename Visit>
bool Matcher::SentenceScan::ForEachStart(uint32_t pattern, size_t limit, Visit&& visit) {
  // The requirements: each must be in the sentence, and a match can start
  // no later than the last of its words allows. Their positions are kept
  // (for the first kKept) to try each start below.
  uint64_t kept[kKept];
  const uint32_t first = requirement_begin_[pattern], end = requirement_begin_[pattern + 1];
  const Requirement* const requirements = requirements_;
  // Most patterns looked at miss a requirement: tell that from the stamps
  // and masks alone before working out where the words are.
  for (uint32_t r = first; r < end; ++r)
    if (!Present(requirements[r].set)) return true;
  int64_t last = INT64_MAX;
  for (uint32_t r = first; r < end; ++r) {
    SetView v = View(requirements[r].set);
    if (!v.present) return true;
    last = std::min(last, static_cast<int64_t>(v.last) - requirements[r].offset);
    if (r - first < kKept) kept[r - first] = v.positions;
  }
  if (last < 0) return true;
  limit = std::min(limit, static_cast<size_t>(std::min<int64_t>(last, INT32_MAX)) + 1);
  const uint32_t start = start_set_[pattern];
  if (start == kNoSet || n_ > 64) {
    for (size_t p = 0; p < limit && p < n_; ++p)
      if (phrases_.CanStartWith(pattern, ids_[p], words_[p]) && !visit(p)) return false;
    return true;
  }
  // Where one of its first words is, and each requirement has a word
  // where a match starting there could hold it (sentences of at most 64
  // words: their positions all have a bit).
  auto fits_at = [&](size_t p) {
    for (uint32_t r = first; r < end; ++r) {
      const Requirement& req = requirements[r];
      size_t lo = p + req.offset, hi = std::min<size_t>(p + req.max_offset, 63);
      if (lo > hi) return false;
      uint64_t window =
          (hi == 63 ? ~uint64_t{0} : (uint64_t{2} << hi) - 1) & ~((uint64_t{1} << lo) - 1);
      uint64_t positions = r - first < kKept ? kept[r - first] : View(req.set).positions;
      if (!(positions & window)) return false;
    }
    return true;
  };
  SetView starts = View(start);
  if (!starts.present) return true;
  uint64_t at = starts.positions;
  if (limit < 64) at &= (uint64_t{1} << limit) - 1;
  for (; at; at &= at - 1) {
    auto p = static_cast<size_t>(std::countr_zero(at));
    if (fits_at(p) && !visit(p)) return false;
  }
  return true;
}

bool Matcher::SentenceScan::Overlaps(uint32_t unless, size_t p, size_t end) {
  // In a short sentence its starts before `end` are tried; in a long one,
  // where trying them for every hit would cost the square of the
  // sentence's length, OverlapsLong.
  if (n_ > 64) return OverlapsLong(unless, p, end);
  return !ForEachStart(unless, end, [&](size_t q) {
    if (!MayStart(unless, q)) return true;
    size_t e = phrases_.LongestMatch(unless, ids_, words_, n_, q);
    if (phrases_.closes_sentence(unless) && e != n_) return true;
    return !(e > q && p < e);
  });
}

bool Matcher::SentenceScan::OverlapsLong(uint32_t unless, size_t p, size_t end) {
  // The antipattern's matches are found once per sentence, and it overlaps
  // when the furthest end of those starting before `end` is past `p`.
  uint64_t& at = scratch_.reach_at[unless];
  if ((at & kStampMask) != stamp_) {
    const uint32_t begin = static_cast<uint32_t>(scratch_.reach.size());
    uint32_t furthest = 0;
    ForEachStart(unless, n_, [&](size_t q) {
      size_t e = MayStart(unless, q) ? phrases_.LongestMatch(unless, ids_, words_, n_, q) : q;
      if (phrases_.closes_sentence(unless) && e != n_) e = q;
      if (e > q) {
        furthest = std::max(furthest, static_cast<uint32_t>(e));
        scratch_.reach.push_back({static_cast<uint32_t>(q), furthest});
      }
      return true;
    });
    at = stamp_ | scratch_.reach_runs.size();
    scratch_.reach_runs.emplace_back(begin, static_cast<uint32_t>(scratch_.reach.size()));
  }
  const auto [begin, stop] = scratch_.reach_runs[static_cast<uint32_t>(at)];
  const auto first = scratch_.reach.begin() + begin;
  const auto after = std::partition_point(first, scratch_.reach.begin() + stop,
                                          [&](const auto& r) { return r.start < end; });
  return after != first && after[-1].furthest > p;
}

size_t Matcher::SentenceScan::UsableWords(const Rule& rule, uint32_t pattern, size_t p) const {
  if (!rule.upper_case) return n_;
  // A rule of words in capitals matches within the run of such words that
  // starts here: the sentence is cut at the first other word. Only as far
  // as the pattern's longest match can reach, so a long run of capitals
  // costs its length, not its square.
  const size_t reach = std::min<size_t>(n_, p + phrases_.max_words(pattern));
  size_t usable = p;
  while (usable < reach && WrittenInCapitals(doc_.Original(SpanOf(usable, usable + 1)))) ++usable;
  return usable == p ? 0 : usable;
}

void Matcher::SentenceScan::TryAt(size_t p, const PhraseRef& ref) {
  if (!MayStart(ref.pattern, p)) return;
  const Rule& rule = m_.lexicon_.rules[ref.rule];
  if (rule.in_question && !IsQuestion()) return;
  const size_t usable = UsableWords(rule, ref.pattern, p);
  if (usable == 0) return;
  size_t end = phrases_.LongestMatch(ref.pattern, ids_, words_, usable, p);
  if (end <= p || (phrases_.closes_sentence(ref.pattern) && end != n_)) return;
  if (rule.in_question) end = n_;  // the question, to its end
  // An antipattern anywhere in the sentence that overlaps cancels it.
  for (uint32_t unless : rule.phrase_unless)
    if (Overlaps(unless, p, end)) return;
  // Each companion pattern somewhere in the sentence: a match overlapping
  // all of its words.
  for (uint32_t with : rule.phrase_with)
    if (!Overlaps(with, 0, n_)) return;
  // And none of the patterns it must be without.
  for (uint32_t without : rule.phrase_without)
    if (Overlaps(without, 0, n_)) return;
  raw_->push_back({ref.rule, rule.tag, SpanOf(p, end), s_});
}

void Matcher::SentenceScan::Run(const ScopeIndex& index) {
  // Patterns with a key: only those whose key set the sentence holds.
  for (uint32_t set : scratch_.marked)
    for (const PhraseRef& ref : index.by_key[set]) {
      if (ref.check != kNoSet && !Present(ref.check & ~kCommonBit, ref.check & kCommonBit))
        continue;
      ForEachStart(ref.pattern, n_, [&](size_t p) {
        TryAt(p, ref);
        return true;
      });
    }
  // The others (they need no particular word), by the word they begin
  // with.
  const std::span<const PhraseRef> any_start = index.any_start.span();
  for (size_t p = 0; p < n_; ++p) {
    for (const PhraseRef& ref : any_start) TryAt(p, ref);
    const std::string_view word = words_[p];
    if (!word.empty())
      for (const PhraseRef& ref : index.by_prefix_byte[static_cast<unsigned char>(word[0])])
        // The prefixes only: a word it begins with is in by_first.
        if (phrases_.CanStartWith(ref.pattern, Vocabulary::kUnknown, word)) TryAt(p, ref);
    if (ids_[p] == Vocabulary::kUnknown) continue;
    for (const PhraseRef& ref : index.by_first[ids_[p]]) TryAt(p, ref);
  }
}

void Matcher::MatchPhrases(const Document& doc, const ScopeIndex& index, std::vector<Hit>* raw,
                           PhraseHitCache* cache) const {
  thread_local PhraseScratch scratch;
  const PhraseSet& phrases = lexicon_.phrases;
  scratch.stamps.AtLeast(set_count_);
  scratch.sets.AtLeast(set_count_);
  scratch.reach_at.AtLeast(phrases.size());
  // Every word of the document and its vocabulary id, looked up once; a
  // sentence reads its stretch of them. With a cache, only the words of
  // the sentences it does not have.
  const size_t total = doc.words.size();
  if (scratch.words.size() < total) {
    scratch.words.resize(total);
    scratch.ids.resize(total);
  }
  auto look_up = [&](size_t from, size_t to) {
    for (size_t w = from; w < to; ++w) {
      scratch.words[w] = doc.Folded(doc.tokens[doc.words[w]]);
      scratch.ids[w] = phrases.vocabulary().Find(scratch.words[w]);
    }
  };
  if (!cache) {
    look_up(0, total);
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      SentenceScan scan(*this, doc, scratch, s, raw);
      scan.Post(index);
      scan.Run(index);
    }
    return;
  }
  PhraseHitCache::Impl& c = *cache->impl_;
  const uint64_t generation = ++c.generation;
  c.reused = 0;
  std::string& key = c.key;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (sentence.first_word == sentence.end_word) continue;  // no word, no hit
    // The key: what SentenceScan reads of the document for this sentence.
    key.clear();
    AppendU32(&key, static_cast<uint32_t>(OpeningOf(doc, sentence)));
    AppendU32(&key, sentence.end_word - sentence.first_word);
    for (uint32_t w = sentence.first_word; w < sentence.end_word; ++w) {
      const Token& t = doc.tokens[doc.words[w]];
      AppendU32(&key, t.start - sentence.start);
      AppendU32(&key, t.end - sentence.start);
    }
    key.append(doc.text.substr(sentence.start, sentence.end - sentence.start));
    auto it = c.entries.find(std::string_view(key));
    if (it != c.entries.end()) {
      it->second.used = generation;
      for (const PhraseHitCache::Impl::RelativeHit& h : it->second.hits)
        raw->push_back({h.rule, h.tag, Span{sentence.start + h.start, sentence.start + h.end}, s});
      ++c.reused;
      continue;
    }
    look_up(sentence.first_word, sentence.end_word);
    const size_t first_hit = raw->size();
    SentenceScan scan(*this, doc, scratch, s, raw);
    scan.Post(index);
    scan.Run(index);
    PhraseHitCache::Impl::Entry& entry = c.entries[key];
    entry.used = generation;
    for (size_t i = first_hit; i < raw->size(); ++i) {
      const Hit& h = (*raw)[i];
      entry.hits.push_back(
          {h.rule, h.tag, h.span.start - sentence.start, h.span.end - sentence.start});
    }
  }
  std::erase_if(c.entries, [&](const auto& e) { return e.second.used != generation; });
}

void Matcher::MatchRegexes(const Document& doc, const RegexSet& regexes, bool original,
                           std::vector<Hit>* raw) const {
  std::string_view text = original ? doc.text.substr(doc.begin) : std::string_view(doc.folded);
  re2::StringPiece piece(text.data(), text.size());
  // The regexes that may match: those of the set that do, and the gated
  // ones whose string the text holds. Most texts match none of the set:
  // asked only whether any matches, it stops at the first match and
  // allocates nothing. Which ones, only then.
  thread_local std::vector<int> which;
  thread_local std::vector<RegexRef> tried;
  tried.clear();
  if (regexes.set && regexes.set->Match(piece, nullptr) && regexes.set->Match(piece, &which)) {
    std::sort(which.begin(), which.end());
    for (int i : which) tried.push_back(regexes.refs[i]);
  }
  thread_local std::vector<uint8_t> held;
  if (!regexes.gated.empty() && regexes.needs.Find(text, &held) != 0) {
    for (size_t g = 0; g < regexes.gated.size(); ++g) {
      if (!held[g]) continue;
      const RegexSet::GatedRule& gated = regexes.gated[g];
      // (An alternation too big to compile would match nothing: then each
      // pattern is tried.)
      if (gated.any && gated.any->re().ok() && !RE2::PartialMatch(piece, gated.any->re()))
        continue;
      const auto patterns = static_cast<uint32_t>(lexicon_.rules[gated.rule].regexes.size());
      for (uint32_t p = 0; p < patterns; ++p) tried.push_back({gated.rule, p});
    }
  }
  if (tried.empty()) return;
  auto to_original = [&](size_t a, size_t b) {
    if (original)
      return Span{static_cast<uint32_t>(a + doc.begin), static_cast<uint32_t>(b + doc.begin)};
    return doc.FoldedToOriginal(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
  };
  auto find_all = [&](const RE2& re, std::vector<Span>* out) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece m;
    size_t pos = 0;
    while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      size_t a = static_cast<size_t>(m.data() - text.data());
      size_t b = a + m.size();
      if (b > a) out->push_back(to_original(a, b));
      pos = b > a ? b : a + 1;
    }
  };
  thread_local std::vector<Span> spans, unless;
  for (const RegexRef& ref : tried) {
    const Rule& rule = lexicon_.rules[ref.rule];
    spans.clear();
    find_all(rule.regexes[ref.pattern]->re(), &spans);
    if (spans.empty()) continue;
    unless.clear();
    for (const auto& re : rule.regex_unless) find_all(re->re(), &unless);
    for (const Span& s : spans) {
      bool cancelled =
          std::any_of(unless.begin(), unless.end(), [&](const Span& u) { return Overlaps(s, u); });
      if (!cancelled) raw->push_back({ref.rule, rule.tag, s, doc.SentenceAt(s.start)});
    }
  }
}

namespace {

// Sorts `v`, a concatenation of runs already in order (raw matches come a
// pattern at a time, each in text order), by merging neighbouring runs
// pass after pass: n log(runs) rather than n log n, which is what a text
// of one endless sentence with a match in every few words needs.
template <typename T, typename Less>
void SortRuns(std::vector<T>* v, Less less) {
  thread_local std::vector<size_t> bounds, next;
  thread_local std::vector<T> merged;
  bounds.assign(1, 0);
  for (size_t i = 1; i < v->size(); ++i)
    if (less((*v)[i], (*v)[i - 1])) bounds.push_back(i);
  bounds.push_back(v->size());
  while (bounds.size() > 2) {
    merged.resize(v->size());
    next.assign(1, 0);
    for (size_t j = 0; j + 1 < bounds.size(); j += 2) {
      auto from = v->begin();
      if (j + 2 < bounds.size()) {
        std::merge(from + bounds[j], from + bounds[j + 1], from + bounds[j + 1],
                   from + bounds[j + 2], merged.begin() + bounds[j], less);
        next.push_back(bounds[j + 2]);
      } else {  // an odd run out: carried over as it is
        std::copy(from + bounds[j], from + bounds[j + 1], merged.begin() + bounds[j]);
        next.push_back(bounds[j + 1]);
      }
    }
    v->swap(merged);
    bounds.swap(next);
  }
}

}  // namespace

std::vector<Hit> Matcher::Match(const Document& doc, RuleScope scope) const {
  std::vector<Hit> hits;
  Match(doc, scope, &hits);
  return hits;
}

void Matcher::Match(const Document& doc, RuleScope scope, std::vector<Hit>* out) const {
  Match(doc, scope, out, nullptr);
}

void Matcher::Match(const Document& doc, RuleScope scope, std::vector<Hit>* out,
                    PhraseHitCache* cache) const {
  const ScopeIndex& index = scopes_[static_cast<int>(scope)];
  thread_local std::vector<Hit> raw;  // every match, before merging
  raw.clear();
  MatchPhrases(doc, index, &raw, cache);
  MatchRegexes(doc, index.folded, false, &raw);
  MatchRegexes(doc, index.original, true, &raw);

  // In text order; per rule, overlapping matches merge into the first,
  // stretched to the furthest end. One sort: a rule's matches come in
  // (start, longest first) order within it, so the last one kept per rule
  // is the only one a new match can overlap.
  auto text_order = [](const Hit& a, const Hit& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.span.end > b.span.end;
  };
  SortRuns(&raw, text_order);
  constexpr uint32_t kNone = UINT32_MAX;
  // Per rule, index into hits. All kNone between calls: each call resets
  // the entries of the rules it kept a hit of, rather than all of them.
  thread_local std::vector<uint32_t> last_kept;
  if (last_kept.size() < lexicon_.rules.size()) last_kept.resize(lexicon_.rules.size(), kNone);
  std::vector<Hit>& hits = *out;
  hits.clear();
  struct Reset {  // on every way out, a throw included
    std::vector<Hit>& hits;
    ~Reset() {
      for (const Hit& h : hits) last_kept[h.rule] = kNone;
    }
  } reset{hits};
  for (const Hit& h : raw) {
    if (Hidden(doc, scope, h.span)) continue;
    uint32_t& last = last_kept[h.rule];
    if (last != kNone && Overlaps(hits[last].span, h.span)) {
      if (h.span.end > hits[last].span.end) hits[last].span.end = h.span.end;
      continue;
    }
    hits.push_back(h);
    last = static_cast<uint32_t>(hits.size() - 1);
  }
}

}  // namespace amends
