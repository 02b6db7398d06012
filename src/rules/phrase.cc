#include "rules/phrase.h"

#include <algorithm>

#include "text/fold.h"

namespace amends {

bool PhrasePattern::Element::MatchesWord(uint32_t id, std::string_view w) const {
  if (any) return true;
  if (id != Vocabulary::kUnknown && std::binary_search(ids.begin(), ids.end(), id)) return true;
  for (const std::string& p : prefixes)
    if (w.compare(0, p.size(), p) == 0) return true;
  return false;
}

void IndexGroup(PhrasePattern::Group* g);

namespace {

constexpr int kMaxMacroDepth = 8;
constexpr int kMaxGap = 8;
// Groups recurse; a team's "((((…" must not run the stack out.
constexpr int kMaxGroupDepth = 32;

class Parser {
 public:
  Parser(std::string_view text, const std::map<std::string, std::string>& macros, int depth,
         Vocabulary* vocabulary, PhrasePattern::MacroCache* cache)
      : text_(text), macros_(macros), depth_(depth), vocabulary_(vocabulary), cache_(cache) {}

  bool ParseAll(PhrasePattern::Sequence* out) {
    if (!ParseSequence(/*in_group=*/false, out)) return false;
    SkipSpace();
    if (pos_ < text_.size()) return Fail(text_[pos_] == ')' ? "unbalanced ')'" : "unexpected character");
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

  bool ParseSequence(bool in_group, PhrasePattern::Sequence* out) {
    for (;;) {
      SkipSpace();
      if (pos_ >= text_.size()) return true;
      char c = text_[pos_];
      if (c == ')' || (c == '|' && in_group)) return true;
      PhrasePattern::Element e;
      if (c == '(') {
        if (group_depth_ >= kMaxGroupDepth) return Fail("groups nested too deeply");
        ++pos_;
        ++group_depth_;
        e.group = std::make_shared<PhrasePattern::Group>();
        for (;;) {
          PhrasePattern::Sequence alt;
          if (!ParseSequence(/*in_group=*/true, &alt)) return false;
          if (alt.empty()) return Fail("empty alternative in group");
          e.group->alternatives.push_back(std::move(alt));
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
        IndexGroup(e.group.get());
      } else if (c == '@') {
        size_t at = pos_;
        ++pos_;
        std::string name(ReadWord());
        auto it = macros_.find(name);
        if (it == macros_.end()) {
          pos_ = at;
          return Fail("unknown macro '@" + name + "' (define it above its first use)");
        }
        if (cache_) {
          auto cached = cache_->find(name);
          if (cached != cache_->end()) e.group = cached->second;
        }
        if (!e.group) {
          if (depth_ >= kMaxMacroDepth) return Fail("macros nested too deeply");
          Parser inner(it->second, macros_, depth_ + 1, vocabulary_, cache_);
          PhrasePattern::Sequence seq;
          if (!inner.ParseAll(&seq)) {
            pos_ = at;
            return Fail("in macro '@" + name + "': " + inner.error);
          }
          e.group = std::make_shared<PhrasePattern::Group>();
          e.group->alternatives.push_back(std::move(seq));
          IndexGroup(e.group.get());
          if (cache_) (*cache_)[name] = e.group;
        }
      } else if (c == '|' || c == '?' || c == '{') {
        return Fail(std::string("unexpected '") + c + "'");
      } else {
        // Word alternatives: a|b|c*|_ . Inside a group '|' separates
        // sequences instead, so "(we're|we are)" means what it says.
        for (;;) {
          size_t at = pos_;
          std::string_view w = ReadWord();
          if (w.empty()) return Fail("expected a word");
          if (w == "_") {
            e.any = true;
          } else if (w.size() > 1 && w.back() == '*') {
            e.prefixes.push_back(FoldText(w.substr(0, w.size() - 1)));
          } else if (w.find('*') != std::string_view::npos || w.find('@') == 0) {
            pos_ = at;
            return Fail("'*' is only allowed at the end of a word");
          } else {
            std::string f = FoldText(w);
            // Tokens never begin or end with these, so such a word could
            // never match: "'d" is part of "we'd", "e-mail" is "e mail".
            // A word that folds to nothing ("\r") could never match either.
            if (f.empty() || f.find_first_of(" -,;:!?\"/") != std::string::npos ||
                f.front() == '\'' || f.back() == '\'') {
              pos_ = at;
              return Fail("'" + std::string(w) +
                          "' is not one word as the tokenizer sees it: write the whole word "
                          "(\"we'd\"), or split it (\"e mail\")");
            }
            e.ids.push_back(vocabulary_->Intern(f));
          }
          if (pos_ < text_.size() && text_[pos_] == '|' && !in_group) {
            ++pos_;
            continue;
          }
          break;
        }
        std::sort(e.ids.begin(), e.ids.end());
        e.ids.erase(std::unique(e.ids.begin(), e.ids.end()), e.ids.end());
        if (e.any && (!e.ids.empty() || !e.prefixes.empty()))
          return Fail("'_' cannot be an alternative");
        if (e.any && pos_ < text_.size() && text_[pos_] == '{') {
          size_t at = pos_;
          ++pos_;
          int lo = 0, hi = 0;
          bool ok = ReadInt(&lo) && pos_ < text_.size() && text_[pos_++] == ',' && ReadInt(&hi) &&
                    pos_ < text_.size() && text_[pos_++] == '}';
          if (!ok || lo > hi || hi > kMaxGap) {
            pos_ = at;
            return Fail("expected a gap '{m,n}' with 0 <= m <= n <= " + std::to_string(kMaxGap));
          }
          e.min = lo;
          e.max = hi;
        }
      }
      if (pos_ < text_.size() && text_[pos_] == '?') {
        ++pos_;
        e.min = 0;
      }
      out->push_back(std::move(e));
    }
  }

  bool ReadInt(int* v) {
    size_t start = pos_;
    *v = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9' && *v < 1000)
      *v = *v * 10 + (text_[pos_++] - '0');
    return pos_ > start;
  }

  std::string_view text_;
  const std::map<std::string, std::string>& macros_;
  int depth_;
  Vocabulary* vocabulary_;
  int group_depth_ = 0;
  PhrasePattern::MacroCache* cache_;
  size_t pos_ = 0;
};

size_t MinLength(const PhrasePattern::Sequence& seq) {
  size_t n = 0;
  for (const auto& e : seq) {
    if (e.min == 0) continue;
    if (e.group) {
      size_t best = SIZE_MAX;
      for (const auto& alt : e.group->alternatives) best = std::min(best, MinLength(alt));
      n += best;
    } else {
      n += e.min;
    }
  }
  return n;
}

void SortUnique(std::vector<uint32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// What `seq` can begin with. Groups carry their own Start (IndexGroup), so
// a macro of 150 alternatives is summarised once, not at every use.
PhrasePattern::Start StartOf(const PhrasePattern::Sequence& seq) {
  PhrasePattern::Start out;
  for (const auto& e : seq) {
    bool e_nullable = e.min == 0;
    if (e.group) {
      const PhrasePattern::Start& g = e.group->start;
      out.ids.insert(out.ids.end(), g.ids.begin(), g.ids.end());
      out.prefixes.insert(out.prefixes.end(), g.prefixes.begin(), g.prefixes.end());
      out.any = out.any || g.any;
      e_nullable = e_nullable || g.nullable;
    } else {
      out.ids.insert(out.ids.end(), e.ids.begin(), e.ids.end());
      out.prefixes.insert(out.prefixes.end(), e.prefixes.begin(), e.prefixes.end());
      out.any = out.any || e.any;
    }
    if (!e_nullable) {
      SortUnique(&out.ids);
      return out;
    }
  }
  SortUnique(&out.ids);
  out.nullable = true;
  return out;
}

}  // namespace

// Called once a group's alternatives are parsed: its Start, and the index
// matching uses to skip alternatives that cannot begin at a word.
void IndexGroup(PhrasePattern::Group* g) {
  g->start = {};
  g->first_ids.clear();
  g->anchored.clear();
  g->by_first_id.clear();
  g->unanchored.clear();
  for (uint32_t a = 0; a < g->alternatives.size(); ++a) {
    PhrasePattern::Start s = StartOf(g->alternatives[a]);
    g->start.ids.insert(g->start.ids.end(), s.ids.begin(), s.ids.end());
    g->start.prefixes.insert(g->start.prefixes.end(), s.prefixes.begin(), s.prefixes.end());
    g->start.any = g->start.any || s.any;
    g->start.nullable = g->start.nullable || s.nullable;
    // An alternative that may be empty or may begin anywhere is tried at
    // every word.
    bool anchored = !s.any && s.prefixes.empty() && !s.nullable;
    if (!anchored) {
      s.ids.clear();
      g->unanchored.push_back(a);
    }
    for (uint32_t id : s.ids) g->by_first_id.emplace_back(id, a);
    g->first_ids.push_back(std::move(s.ids));
    g->anchored.push_back(anchored);
  }
  SortUnique(&g->start.ids);
  std::sort(g->by_first_id.begin(), g->by_first_id.end());
}

namespace {

// Backtracking over a continuation stack: the patterns are short, so this
// stays cheap, and it lets groups and repeats compose without allocation.
struct Continuation {
  const PhrasePattern::Sequence* seq;
  size_t index;
  const Continuation* next;
};

struct Matcher {
  const uint32_t* ids;
  const std::string_view* words;
  size_t count;
  size_t best;

  void Run(const Continuation* k, size_t pos) {
    while (k && k->index == k->seq->size()) k = k->next;
    if (!k) {
      best = std::max(best, pos);
      return;
    }
    const PhrasePattern::Element& e = (*k->seq)[k->index];
    Continuation rest{k->seq, k->index + 1, k->next};
    if (e.group) {
      if (e.min == 0) Run(&rest, pos);
      const PhrasePattern::Group& g = *e.group;
      for (uint32_t a : g.unanchored) {
        Continuation inner{&g.alternatives[a], 0, &rest};
        Run(&inner, pos);
      }
      if (pos >= count || ids[pos] == Vocabulary::kUnknown) return;
      auto range = std::equal_range(
          g.by_first_id.begin(), g.by_first_id.end(), std::make_pair(ids[pos], 0u),
          [](const auto& x, const auto& y) { return x.first < y.first; });
      for (auto it = range.first; it != range.second; ++it) {
        Continuation inner{&g.alternatives[it->second], 0, &rest};
        Run(&inner, pos);
      }
      return;
    }
    size_t p = pos;
    for (int n = 0;; ++n) {
      if (n >= e.min) Run(&rest, p);
      if (n == e.max || p >= count || !e.MatchesWord(ids[p], words[p])) break;
      ++p;
    }
  }
};

}  // namespace

bool PhrasePattern::Parse(std::string_view text, const std::map<std::string, std::string>& macros,
                          Vocabulary* vocabulary, PhrasePattern* out, std::string* error,
                          size_t* error_offset, MacroCache* cache) {
  Parser parser(text, macros, 0, vocabulary, cache);
  Sequence seq;
  if (!parser.ParseAll(&seq)) {
    *error = parser.error;
    *error_offset = parser.error_offset;
    return false;
  }
  if (MinLength(seq) == 0) {
    *error = "pattern can match nothing";
    *error_offset = 0;
    return false;
  }
  out->sequence_ = std::move(seq);
  Start start = StartOf(out->sequence_);
  out->anchored_ = !start.any && start.prefixes.empty();
  out->first_ids_.clear();
  out->prefix_word_ids_.clear();
  out->first_prefixes_.clear();
  if (out->anchored_) {
    out->first_ids_ = std::move(start.ids);
  } else if (!start.any) {
    // Not anchored on whole words, but on words and prefixes.
    out->prefix_word_ids_ = std::move(start.ids);
    out->first_prefixes_ = std::move(start.prefixes);
  }
  // The required words: every mandatory plain-word element at the top
  // level (any match contains a word of each).
  out->required_ids_.clear();
  for (const Element& e : out->sequence_) {
    if (e.group || e.min == 0 || e.any || !e.prefixes.empty() || e.ids.empty()) continue;
    out->required_ids_.push_back(e.ids);
  }
  // Smallest sets first: they fail fastest.
  std::sort(out->required_ids_.begin(), out->required_ids_.end(),
            [](const auto& a, const auto& b) { return a.size() < b.size(); });
  return true;
}

bool PhrasePattern::DefineMacro(const std::string& name, std::string_view text,
                                const std::map<std::string, std::string>& macros,
                                Vocabulary* vocabulary, MacroCache* cache, std::string* error,
                                size_t* error_offset) {
  PhrasePattern body;
  if (!Parse(text, macros, vocabulary, &body, error, error_offset, cache)) return false;
  auto group = std::make_shared<Group>();
  group->alternatives.push_back(std::move(body.sequence_));
  IndexGroup(group.get());
  (*cache)[name] = std::move(group);
  return true;
}

bool PhrasePattern::CanStartWith(uint32_t id, std::string_view word) const {
  if (anchored_) return std::binary_search(first_ids_.begin(), first_ids_.end(), id);
  if (first_prefixes_.empty()) return true;  // begins with '_'
  if (std::binary_search(prefix_word_ids_.begin(), prefix_word_ids_.end(), id)) return true;
  for (const std::string& p : first_prefixes_)
    if (word.compare(0, p.size(), p) == 0) return true;
  return false;
}

size_t PhrasePattern::LongestMatch(const uint32_t* ids, const std::string_view* words,
                                   size_t count, size_t start) const {
  Matcher m{ids, words, count, start};
  Continuation k{&sequence_, 0, nullptr};
  m.Run(&k, start);
  return m.best;
}

}  // namespace amends
