#include "rules/phrase.h"

#include <algorithm>
#include <functional>

#include "rules/common_words.h"
#include "rules/inflect.h"
#include "text/fold.h"

namespace amends {
namespace {

constexpr int kMaxGap = 8;
// A plain alternative whose words have so many spellings ("(a|b) (c|d) …")
// stays out of its group's trie.
constexpr size_t kMaxTriePaths = 16;
// Groups recurse; a team's "((((…" must not run the stack out.
constexpr int kMaxGroupDepth = 32;

// Bytes that make a lexicon word unmatchable: tokens never contain these
// ("e-mail" is "e mail").
bool BreaksWord(char c) {
  return c == ' ' || c == '-' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == '"' || c == '/';
}

// Whether FoldText would return `w` unchanged: lower-case ASCII without
// whitespace, as nearly every lexicon word is.
bool FoldsToItself(std::string_view w) {
  for (char c : w) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= 'A' && u <= 'Z') || u <= ' ') return false;
  }
  return true;
}

void SortUnique(std::vector<uint32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

// Reads one pattern's text into the set's arrays. Elements of a sequence
// must end up contiguous in elements_, but a group's alternatives are
// parsed while the enclosing sequence is still open, so open sequences
// live on a stack (`open_`) and move to elements_ as each one closes.
class PhraseSet::Parser {
 public:
  Parser(PhraseSet* set, std::string_view text) : set_(set), text_(text) {}

  bool ParseAll(Range* out) {
    if (!ParseSequence(/*in_group=*/false, out)) return false;
    SkipSpace();
    if (pos_ < text_.size())
      return Fail(text_[pos_] == ')' ? "unbalanced ')'" : "unexpected character");
    return true;
  }

  std::string error;
  size_t error_offset = 0;

 private:
  bool Fail(std::string message) {
    if (error.empty()) {
      error = std::move(message);
      error_offset = pos_;
    }
    return false;
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  static bool IsSyntax(char c) {
    return c == '(' || c == ')' || c == '|' || c == '?' || c == ' ' || c == '\t' || c == '{';
  }

  std::string_view ReadWord() {
    size_t start = pos_;
    while (pos_ < text_.size() && !IsSyntax(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  bool ParseSequence(bool in_group, Range* out) {
    const size_t mark = open_.size();
    for (;;) {
      SkipSpace();
      if (pos_ >= text_.size()) break;
      char c = text_[pos_];
      if (c == ')' || (c == '|' && in_group)) break;
      Element e;
      if (c == '(') {
        if (!ParseGroup(&e.group)) return false;
      } else if (c == '@') {
        size_t at = pos_;
        ++pos_;
        std::string_view name = ReadWord();
        auto it = set_->macros_.find(name);
        if (it == set_->macros_.end()) {
          pos_ = at;
          return Fail("unknown macro '@" + std::string(name) + "' (define it above its first use)");
        }
        e.group = it->second;
      } else if (c == '|' || c == '?' || c == '{') {
        return Fail(std::string("unexpected '") + c + "'");
      } else if (!ParseWords(in_group, &e)) {
        return false;
      }
      if (pos_ < text_.size() && text_[pos_] == '?') {
        ++pos_;
        e.min = 0;
      }
      open_.push_back(e);
    }
    out->begin = static_cast<uint32_t>(set_->elements_->size());
    set_->elements_->insert(set_->elements_->end(), open_.begin() + mark, open_.end());
    out->end = static_cast<uint32_t>(set_->elements_->size());
    open_.resize(mark);
    return true;
  }

  // "(seq|seq|...)"; `pos_` is at the '('.
  bool ParseGroup(uint32_t* group) {
    if (group_depth_ >= kMaxGroupDepth) return Fail("groups nested too deeply");
    ++pos_;
    ++group_depth_;
    std::vector<Range> alternatives;
    for (;;) {
      Range alt;
      if (!ParseSequence(/*in_group=*/true, &alt)) return false;
      if (alt.size() == 0) return Fail("empty alternative in group");
      alternatives.push_back(alt);
      if (pos_ < text_.size() && text_[pos_] == '|') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ')') {
        ++pos_;
        break;
      }
      return Fail("missing ')'");
    }
    --group_depth_;
    *group = set_->AddGroup(alternatives.data(), alternatives.size());
    return true;
  }

  // Word alternatives: a|b|c*|_ , then an optional gap "{m,n}" after '_'.
  // Inside a group '|' separates sequences instead, so "(we're|we are)"
  // means what it says.
  bool ParseWords(bool in_group, Element* e) {
    std::vector<uint32_t>& ids = set_->ids_.Own();
    const auto ids_begin = static_cast<uint32_t>(ids.size());
    const auto prefixes_begin = static_cast<uint32_t>(set_->prefixes_.size());
    for (;;) {
      size_t at = pos_;
      std::string_view w = ReadWord();
      if (w.empty()) return Fail("expected a word");
      if (w == "^" || w == "$") {
        pos_ = at;
        return Fail(w == "^" ? "'^' only opens a pattern, as a word of its own (\"^ relax\")"
                             : "'$' only closes a pattern, as a word of its own (\"sorry no $\")");
      }
      if (w == "_") {
        e->any = true;
      } else if (w.size() > 1 && w.back() == '*') {
        set_->prefixes_.push_back(FoldText(w.substr(0, w.size() - 1)));
      } else if (w.find('*') != std::string_view::npos || w.find('@') == 0) {
        pos_ = at;
        return Fail("'*' is only allowed at the end of a word");
      } else if (w.back() == '~') {
        // "refund~": the word and its inflected forms (rules/inflect.h).
        std::string base = FoldText(w.substr(0, w.size() - 1));
        if (base.empty() || base.find('~') != std::string::npos ||
            std::any_of(base.begin(), base.end(), BreaksWord) || base.front() == '\'' ||
            base.back() == '\'') {
          pos_ = at;
          return Fail("'~' follows one word, to stand for its forms (\"refund~\")");
        }
        for (const std::string& form : InflectedForms(base))
          ids.push_back(set_->vocabulary_.Intern(form));
      } else if (w.find('~') != std::string_view::npos) {
        pos_ = at;
        return Fail("'~' is only allowed at the end of a word");
      } else {
        std::string folded;
        std::string_view f = w;
        if (!FoldsToItself(w)) f = folded = FoldText(w);
        // Tokens never begin or end with these, so such a word could
        // never match: "'d" is part of "we'd", "e-mail" is "e mail".
        // A word that folds to nothing ("\r") could never match either.
        if (f.empty() || std::any_of(f.begin(), f.end(), BreaksWord) || f.front() == '\'' ||
            f.back() == '\'') {
          pos_ = at;
          std::string message = "'";
          message.append(w).append(
              "' is not one word as the tokenizer sees it: write the whole word "
              "(\"we'd\"), or split it (\"e mail\")");
          return Fail(std::move(message));
        }
        ids.push_back(set_->vocabulary_.Intern(f));
      }
      if (pos_ < text_.size() && text_[pos_] == '|' && !in_group) {
        ++pos_;
        continue;
      }
      break;
    }
    std::sort(ids.begin() + ids_begin, ids.end());
    ids.erase(std::unique(ids.begin() + ids_begin, ids.end()), ids.end());
    e->ids = {ids_begin, static_cast<uint32_t>(ids.size())};
    e->prefixes = {prefixes_begin, static_cast<uint32_t>(set_->prefixes_.size())};
    if (e->any && (e->ids.size() > 0 || e->prefixes.size() > 0))
      return Fail("'_' cannot be an alternative");
    if (e->any && pos_ < text_.size() && text_[pos_] == '{') {
      size_t at = pos_;
      ++pos_;
      int lo = 0, hi = 0;
      bool ok = ReadInt(&lo) && pos_ < text_.size() && text_[pos_++] == ',' && ReadInt(&hi) &&
                pos_ < text_.size() && text_[pos_++] == '}';
      if (!ok || lo > hi || hi > kMaxGap) {
        pos_ = at;
        return Fail("expected a gap '{m,n}' with 0 <= m <= n <= " + std::to_string(kMaxGap));
      }
      e->min = static_cast<uint8_t>(lo);
      e->max = static_cast<uint8_t>(hi);
    }
    return true;
  }

  bool ReadInt(int* v) {
    size_t start = pos_;
    *v = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9' && *v < 1000)
      *v = *v * 10 + (text_[pos_++] - '0');
    return pos_ > start;
  }

  PhraseSet* set_;
  std::string_view text_;
  size_t pos_ = 0;
  int group_depth_ = 0;
  std::vector<Element> open_;
};

uint32_t PhraseSet::AddLengths(uint64_t a, uint64_t b) {
  return static_cast<uint32_t>(std::min<uint64_t>(a + b, kManyWords));
}

uint32_t PhraseSet::MinLength(Range sequence) const {
  uint32_t n = 0;
  for (uint32_t i = sequence.begin; i < sequence.end; ++i) {
    const Element& e = elements_[i];
    if (e.min == 0) continue;
    n = AddLengths(n, e.group == kNoGroup ? e.min : groups_[e.group].min_length);
  }
  return n;
}

uint32_t PhraseSet::max_words(uint32_t pattern) const {
  const Range& sequence = view_.sequences[view_.patterns[pattern].sequence];
  uint32_t n = 0;
  for (uint32_t i = sequence.begin; i < sequence.end; ++i) {
    const Element& e = view_.elements[i];
    n = AddLengths(
        n, e.group == kNoGroup ? e.max : uint64_t{e.max} * view_.groups[e.group].max_length);
  }
  return n;
}

uint32_t PhraseSet::MaxLength(Range sequence) const {
  uint32_t n = 0;
  for (uint32_t i = sequence.begin; i < sequence.end; ++i) {
    const Element& e = elements_[i];
    n = AddLengths(n, e.group == kNoGroup ? e.max : uint64_t{e.max} * groups_[e.group].max_length);
  }
  return n;
}

// Groups carry their own Start, so a macro of 150 alternatives is
// summarised once, not at every use.
void PhraseSet::CollectStart(Range sequence, StartScratch* out) const {
  for (uint32_t i = sequence.begin; i < sequence.end; ++i) {
    const Element& e = elements_[i];
    bool nullable = e.min == 0;
    const Start* s = nullptr;
    Start word;
    if (e.group != kNoGroup) {
      s = &groups_[e.group].start;
      nullable = nullable || s->nullable;
    } else {
      word.ids = e.ids;
      word.prefixes = e.prefixes;
      word.any = e.any;
      s = &word;
    }
    out->ids.insert(out->ids.end(), ids_.span().begin() + s->ids.begin,
                    ids_.span().begin() + s->ids.end);
    for (uint32_t p = s->prefixes.begin; p < s->prefixes.end; ++p) out->prefixes.push_back(p);
    out->any = out->any || s->any;
    if (!nullable) return;
  }
  out->nullable = true;
}

PhraseSet::Start PhraseSet::StoreStart(StartScratch* s) {
  Start out;
  SortUnique(&s->ids);
  out.ids.begin = static_cast<uint32_t>(ids_->size());
  ids_->insert(ids_->end(), s->ids.begin(), s->ids.end());
  out.ids.end = static_cast<uint32_t>(ids_->size());
  out.prefixes.begin = static_cast<uint32_t>(prefixes_.size());
  for (uint32_t p : s->prefixes) {
    std::string copy = prefixes_[p];  // push_back may move prefixes_
    prefixes_.push_back(std::move(copy));
  }
  out.prefixes.end = static_cast<uint32_t>(prefixes_.size());
  out.any = s->any;
  out.nullable = s->nullable;
  return out;
}

bool PhraseSet::ElementRequires(const Element& e, Range* ids, uint32_t* offset,
                                uint32_t* max_offset) const {
  if (e.min == 0) return false;
  if (e.group != kNoGroup) {
    // In the element's first repetition, where the group puts it.
    const Group& g = groups_[e.group];
    if (!g.has_required) return false;
    *ids = g.required;
    *offset = g.required_offset;
    *max_offset = g.required_max_offset;
    return true;
  }
  if (e.any || e.prefixes.size() > 0 || e.ids.size() == 0) return false;
  *ids = e.ids;
  *offset = *max_offset = 0;
  return true;
}

uint32_t PhraseSet::AddGroup(const Range* alternatives, size_t count) {
  Group g;
  g.alternatives.begin = static_cast<uint32_t>(sequences_->size());
  sequences_->insert(sequences_->end(), alternatives, alternatives + count);
  g.alternatives.end = static_cast<uint32_t>(sequences_->size());
  g.min_length = UINT32_MAX;
  g.unanchored.begin = static_cast<uint32_t>(unanchored_->size());
  StartScratch all, alt;
  std::vector<FirstId> by_first;
  std::vector<std::vector<std::span<const uint32_t>>> literal;  // word sequences, for the trie
  for (uint32_t a = 0; a < count; ++a) {
    alt.ids.clear();
    alt.prefixes.clear();
    alt.any = alt.nullable = false;
    CollectStart(alternatives[a], &alt);
    all.ids.insert(all.ids.end(), alt.ids.begin(), alt.ids.end());
    all.prefixes.insert(all.prefixes.end(), alt.prefixes.begin(), alt.prefixes.end());
    all.any = all.any || alt.any;
    all.nullable = all.nullable || alt.nullable;
    g.min_length = std::min(g.min_length, MinLength(alternatives[a]));
    g.max_length = std::max(g.max_length, MaxLength(alternatives[a]));
    // An alternative that may be empty or may begin anywhere is tried at
    // every word.
    if (alt.any || !alt.prefixes.empty() || alt.nullable) {
      unanchored_->push_back(a);
      continue;
    }
    // A plain word sequence (each element one word of a few) goes into
    // the trie, unless its spellings multiply out to too many paths.
    bool plain = true;
    size_t paths = 1;
    for (uint32_t i = alternatives[a].begin; i < alternatives[a].end && plain; ++i) {
      const Element& e = elements_[i];
      plain = e.group == kNoGroup && !e.any && e.prefixes.size() == 0 && e.ids.size() > 0 &&
              e.min == 1 && e.max == 1;
      paths *= plain ? e.ids.size() : 1;
      plain = plain && paths <= kMaxTriePaths;
    }
    if (plain) {
      std::vector<std::span<const uint32_t>> words;
      for (uint32_t i = alternatives[a].begin; i < alternatives[a].end; ++i)
        words.push_back(ids_.span().subspan(elements_[i].ids.begin, elements_[i].ids.size()));
      literal.push_back(std::move(words));
      continue;
    }
    SortUnique(&alt.ids);
    for (uint32_t id : alt.ids) by_first.push_back({id, a});
  }
  g.unanchored.end = static_cast<uint32_t>(unanchored_->size());
  if (!literal.empty()) g.trie = AddTrie(literal);
  // The group's required words: the union over alternatives of each one's
  // narrowest requirement, the one least likely in a sentence as the
  // matcher judges its keys (rules/common_words.h); none when one
  // alternative has none. Where that word lies: the alternatives'
  // extremes, each the words before its element plus its place in the
  // element.
  auto weight = [this](Range r) {
    return RequirementWeight(ids_.span().subspan(r.begin, r.size()),
                             [this](uint32_t id) { return IsCommonWord(vocabulary_.Word(id)); });
  };
  std::vector<uint32_t> required;
  g.has_required = 1;
  g.required_offset = UINT32_MAX;
  for (uint32_t a = 0; a < count && g.has_required; ++a) {
    Range best;
    uint64_t best_weight = UINT64_MAX;
    uint32_t best_offset = 0, best_max_offset = 0;
    for (uint32_t i = alternatives[a].begin; i < alternatives[a].end; ++i) {
      Range r;
      uint32_t offset, max_offset;
      if (!ElementRequires(elements_[i], &r, &offset, &max_offset)) continue;
      uint64_t w = weight(r);
      if (w >= best_weight) continue;
      best = r;
      best_weight = w;
      best_offset = AddLengths(MinLength({alternatives[a].begin, i}), offset);
      best_max_offset = AddLengths(MaxLength({alternatives[a].begin, i}), max_offset);
    }
    if (best_weight == UINT64_MAX) {
      g.has_required = 0;
    } else {
      required.insert(required.end(), ids_->begin() + best.begin, ids_->begin() + best.end);
      g.required_offset = std::min(g.required_offset, best_offset);
      g.required_max_offset = std::max(g.required_max_offset, best_max_offset);
    }
  }
  if (g.has_required) {
    SortUnique(&required);
    g.required.begin = static_cast<uint32_t>(ids_->size());
    ids_->insert(ids_->end(), required.begin(), required.end());
    g.required.end = static_cast<uint32_t>(ids_->size());
  } else {
    g.required_offset = g.required_max_offset = 0;
  }
  std::sort(by_first.begin(), by_first.end());
  g.by_first_id.begin = static_cast<uint32_t>(by_first_id_->size());
  by_first_id_->insert(by_first_id_->end(), by_first.begin(), by_first.end());
  g.by_first_id.end = static_cast<uint32_t>(by_first_id_->size());
  g.start = StoreStart(&all);
  groups_->push_back(g);
  return static_cast<uint32_t>(groups_->size() - 1);
}

uint32_t PhraseSet::AddTrie(const std::vector<std::vector<std::span<const uint32_t>>>& paths) {
  // Built with child lists, then laid out flat: node k of the build is
  // trie_nodes_[base + k], its edges sorted by id.
  struct Node {
    std::vector<TrieEdge> children;  // node: index in `nodes`
    bool ends = false;
  };
  std::vector<Node> nodes(1);
  // Every spelling of a path: each element contributes one of its ids.
  std::function<void(const std::vector<std::span<const uint32_t>>&, size_t, uint32_t)> insert =
      [&](const std::vector<std::span<const uint32_t>>& path, size_t k, uint32_t node) {
        if (k == path.size()) {
          nodes[node].ends = true;
          return;
        }
        for (uint32_t id : path[k]) {
          uint32_t child = UINT32_MAX;
          for (const TrieEdge& e : nodes[node].children)
            if (e.id == id) child = e.node;
          if (child == UINT32_MAX) {
            child = static_cast<uint32_t>(nodes.size());
            nodes[node].children.push_back({id, child});
            nodes.emplace_back();
          }
          insert(path, k + 1, child);
        }
      };
  for (const auto& path : paths) insert(path, 0, 0);
  const auto base = static_cast<uint32_t>(trie_nodes_->size());
  for (Node& n : nodes) {
    std::sort(n.children.begin(), n.children.end(),
              [](const TrieEdge& a, const TrieEdge& b) { return a.id < b.id; });
    TrieNode out;
    out.edges.begin = static_cast<uint32_t>(trie_edges_->size());
    for (const TrieEdge& e : n.children) trie_edges_->push_back({e.id, base + e.node});
    out.edges.end = static_cast<uint32_t>(trie_edges_->size());
    out.ends = n.ends ? 1 : 0;
    trie_nodes_->push_back(out);
  }
  return base;
}

PhraseSet::Mark PhraseSet::GetMark() const {
  return {elements_.size(),   sequences_.size(),  groups_.size(),
          ids_.size(),        prefixes_.size(),   by_first_id_.size(),
          unanchored_.size(), trie_nodes_.size(), trie_edges_.size()};
}

void PhraseSet::Restore(const Mark& m) {
  elements_->resize(m.elements);
  sequences_->resize(m.sequences);
  groups_->resize(m.groups);
  ids_->resize(m.ids);
  prefixes_.resize(m.prefixes);
  by_first_id_->resize(m.by_first_id);
  unanchored_->resize(m.unanchored);
  trie_nodes_->resize(m.trie_nodes);
  trie_edges_->resize(m.trie_edges);
}

bool PhraseSet::ParseSequenceText(std::string_view text, Range* out, std::string* error,
                                  size_t* error_offset) {
  Mark mark = GetMark();
  Parser parser(this, text);
  if (!parser.ParseAll(out)) {
    Restore(mark);
    *error = parser.error;
    *error_offset = parser.error_offset;
    return false;
  }
  if (MinLength(*out) == 0) {
    Restore(mark);
    *error = "pattern can match nothing";
    *error_offset = 0;
    return false;
  }
  return true;
}

void PhraseSet::Publish() {
  view_ = {elements_.span(),   sequences_.span(),   groups_.span(),     patterns_.span(),
           ids_.span(),        by_first_id_.span(), unanchored_.span(), required_.span(),
           trie_nodes_.span(), trie_edges_.span()};
}

void PhraseSet::Materialize() {
  elements_.Own();
  sequences_.Own();
  groups_.Own();
  patterns_.Own();
  ids_.Own();
  by_first_id_.Own();
  unanchored_.Own();
  required_.Own();
  trie_nodes_.Own();
  trie_edges_.Own();
  Publish();
}

int64_t PhraseSet::Add(std::string_view text, std::string* error, size_t* error_offset) {
  Materialize();
  // A leading "^" and a trailing "$" (words of their own) anchor the
  // pattern to a sentence's start and end.
  size_t skipped = 0;
  bool opens_sentence = false, closes_sentence = false;
  {
    size_t i = text.find_first_not_of(" \t");
    if (i != std::string_view::npos && text[i] == '^' &&
        (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\t')) {
      opens_sentence = true;
      skipped = i + 1;
    }
    size_t j = text.find_last_not_of(" \t");
    if (j != std::string_view::npos && j >= skipped && text[j] == '$' &&
        (j == 0 || text[j - 1] == ' ' || text[j - 1] == '\t')) {
      closes_sentence = true;
      text = text.substr(0, j);
    }
  }
  Range sequence;
  if (!ParseSequenceText(text.substr(skipped), &sequence, error, error_offset)) {
    *error_offset += skipped;
    Publish();
    return -1;
  }
  Pattern p;
  p.opens_sentence = opens_sentence;
  p.closes_sentence = closes_sentence;
  p.sequence = static_cast<uint32_t>(sequences_->size());
  sequences_->push_back(sequence);
  StartScratch start;
  CollectStart(sequence, &start);
  p.start = StoreStart(&start);
  // The required words: of every mandatory top-level element that needs
  // one (any match contains a word of each).
  p.required_begin = static_cast<uint32_t>(required_->size());
  for (uint32_t i = sequence.begin; i < sequence.end; ++i) {
    Range r;
    uint32_t offset, max_offset;
    if (ElementRequires(elements_[i], &r, &offset, &max_offset))
      required_->push_back({r, AddLengths(MinLength({sequence.begin, i}), offset),
                            AddLengths(MaxLength({sequence.begin, i}), max_offset)});
  }
  p.required_end = static_cast<uint32_t>(required_->size());
  // Smallest sets first: they fail fastest.
  std::stable_sort(
      required_->begin() + p.required_begin, required_->end(),
      [](const Required& a, const Required& b) { return a.ids.size() < b.ids.size(); });
  patterns_->push_back(p);
  Publish();
  return static_cast<int64_t>(patterns_->size() - 1);
}

bool PhraseSet::DefineMacro(const std::string& name, std::string_view text, std::string* error,
                            size_t* error_offset) {
  Materialize();
  Range sequence;
  if (!ParseSequenceText(text, &sequence, error, error_offset)) {
    Publish();
    return false;
  }
  macros_[name] = AddGroup(&sequence, 1);
  Publish();
  return true;
}

void PhraseSet::Save(BinaryWriter* out) const {
  vocabulary_.Save(out);
  out->U64(prefixes_.size());
  for (const std::string& p : prefixes_) out->Str(p);
  out->Array(view_.elements);
  out->Array(view_.sequences);
  out->Array(view_.groups);
  out->Array(view_.patterns);
  out->Array(view_.ids);
  out->Array(view_.by_first_id);
  out->Array(view_.unanchored);
  out->Array(view_.required);
  out->Array(view_.trie_nodes);
  out->Array(view_.trie_edges);
}

bool PhraseSet::Load(BinaryReader* in, bool in_place) {
  *this = PhraseSet();
  if (!vocabulary_.Load(in, in_place)) return false;
  uint64_t prefixes = in->U64();
  for (uint64_t i = 0; i < prefixes && in->ok(); ++i) prefixes_.emplace_back(in->Str());
  elements_.Load(in, in_place);
  sequences_.Load(in, in_place);
  groups_.Load(in, in_place);
  patterns_.Load(in, in_place);
  ids_.Load(in, in_place);
  by_first_id_.Load(in, in_place);
  unanchored_.Load(in, in_place);
  required_.Load(in, in_place);
  trie_nodes_.Load(in, in_place);
  trie_edges_.Load(in, in_place);
  Publish();
  return in->ok();
}

bool PhraseSet::MatchesWord(const Element& e, uint32_t id, std::string_view word) const {
  if (e.any) return true;
  if (id != Vocabulary::kUnknown) {
    auto ids = Ids(e.ids);
    if (std::binary_search(ids.begin(), ids.end(), id)) return true;
  }
  for (uint32_t p = e.prefixes.begin; p < e.prefixes.end; ++p)
    if (word.compare(0, prefixes_[p].size(), prefixes_[p]) == 0) return true;
  return false;
}

uint32_t PhraseSet::TrieChild(uint32_t node, uint32_t id) const {
  const Range edges = view_.trie_nodes[node].edges;
  const TrieEdge* first = view_.trie_edges.data() + edges.begin;
  const TrieEdge* last = view_.trie_edges.data() + edges.end;
  if (edges.size() > 8) {
    first =
        std::lower_bound(first, last, id, [](const TrieEdge& e, uint32_t v) { return e.id < v; });
    return first != last && first->id == id ? first->node : kNoTrie;
  }
  for (; first != last; ++first)
    if (first->id == id) return first->node;
  return kNoTrie;
}

bool PhraseSet::anchored(uint32_t pattern) const {
  const Start& s = view_.patterns[pattern].start;
  return !s.any && s.prefixes.size() == 0;
}

std::span<const uint32_t> PhraseSet::first_ids(uint32_t pattern) const {
  return Ids(view_.patterns[pattern].start.ids);
}

bool PhraseSet::CanStartWith(uint32_t pattern, uint32_t id, std::string_view word) const {
  const Start& s = view_.patterns[pattern].start;
  if (s.any) return true;
  auto ids = Ids(s.ids);
  if (id != Vocabulary::kUnknown && std::binary_search(ids.begin(), ids.end(), id)) return true;
  for (uint32_t p = s.prefixes.begin; p < s.prefixes.end; ++p)
    if (word.compare(0, prefixes_[p].size(), prefixes_[p]) == 0) return true;
  return false;
}

// Backtracking over a continuation stack: the patterns are short, so this
// stays cheap, and it lets groups and repeats compose without allocation.
struct PhraseSet::Runner {
  struct Continuation {
    uint32_t element, end;  // what is left of a sequence
    const Continuation* next;
  };

  const PhraseSet& set;
  const uint32_t* ids;
  const std::string_view* words;
  size_t count;
  size_t best;

  void Run(const Continuation* k, size_t pos) {
    while (k && k->element == k->end) k = k->next;
    if (!k) {
      best = std::max(best, pos);
      return;
    }
    const Element& e = set.view_.elements[k->element];
    Continuation rest{k->element + 1, k->end, k->next};
    if (e.group != kNoGroup) {
      if (e.min == 0) Run(&rest, pos);
      const Group& g = set.view_.groups[e.group];
      for (uint32_t u = g.unanchored.begin; u < g.unanchored.end; ++u) {
        Range alt = set.view_.sequences[g.alternatives.begin + set.view_.unanchored[u]];
        Continuation inner{alt.begin, alt.end, &rest};
        Run(&inner, pos);
      }
      if (pos >= count || ids[pos] == Vocabulary::kUnknown) return;
      // The plain alternatives: walk the trie; every alternative that
      // ends on the way may be followed by the rest.
      if (g.trie != kNoTrie) {
        uint32_t node = g.trie;
        for (size_t q = pos; q < count && ids[q] != Vocabulary::kUnknown;) {
          node = set.TrieChild(node, ids[q]);
          if (node == kNoTrie) break;
          ++q;
          if (set.view_.trie_nodes[node].ends) Run(&rest, q);
        }
      }
      auto first = set.view_.by_first_id.begin() + g.by_first_id.begin;
      auto last = set.view_.by_first_id.begin() + g.by_first_id.end;
      auto it = std::lower_bound(first, last, FirstId{ids[pos], 0});
      for (; it != last && it->id == ids[pos]; ++it) {
        Range alt = set.view_.sequences[g.alternatives.begin + it->alternative];
        Continuation inner{alt.begin, alt.end, &rest};
        Run(&inner, pos);
      }
      return;
    }
    if (e.any) {
      // A run of gaps ("_{0,8} _{0,8} _{0,8}") reaches every position
      // between the sums of their bounds: one loop over those, rather than
      // one nested loop per gap, which would reach each position many
      // times over (9 x 9 x 9 ways for three gaps of up to 8).
      size_t lo = e.min, hi = e.max;
      while (rest.element < rest.end) {
        const Element& next = set.view_.elements[rest.element];
        if (next.group != kNoGroup || !next.any) break;
        lo += next.min;
        hi += next.max;
        ++rest.element;
      }
      for (size_t p = pos + lo; p <= count && p <= pos + hi; ++p) Run(&rest, p);
      return;
    }
    size_t p = pos;
    for (int n = 0;; ++n) {
      if (n >= e.min) Run(&rest, p);
      if (n == e.max || p >= count || !set.MatchesWord(e, ids[p], words[p])) break;
      ++p;
    }
  }
};

size_t PhraseSet::LongestMatch(uint32_t pattern, const uint32_t* ids, const std::string_view* words,
                               size_t count, size_t start) const {
  Runner runner{*this, ids, words, count, start};
  Range seq = view_.sequences[view_.patterns[pattern].sequence];
  Runner::Continuation k{seq.begin, seq.end, nullptr};
  runner.Run(&k, start);
  return runner.best;
}

}  // namespace amends
