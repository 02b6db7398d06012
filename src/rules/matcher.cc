#include "rules/matcher.h"

#include <algorithm>

namespace amends {
namespace {

bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }
bool Inside(Span inner, Span outer) {
  return !outer.empty() && inner.start >= outer.start && inner.end <= outer.end;
}

}  // namespace

Matcher::Matcher(const Lexicon& lexicon) : lexicon_(lexicon) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  for (int s = 0; s < 2; ++s) {
    ScopeIndex& index = scopes_[s];
    index.by_first.resize(lexicon.phrases.vocabulary().size());
    index.folded_set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    index.original_set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  }
  for (uint32_t r = 0; r < lexicon.rules.size(); ++r) {
    const Rule& rule = lexicon.rules[r];
    ScopeIndex& index = scopes_[static_cast<int>(rule.scope)];
    for (uint32_t pattern : rule.phrases) {
      PhraseRef ref{r, pattern};
      if (!lexicon.phrases.anchored(pattern)) {
        index.unanchored.push_back(ref);
        continue;
      }
      for (uint32_t id : lexicon.phrases.first_ids(pattern)) index.by_first[id].push_back(ref);
    }
    for (uint32_t p = 0; p < rule.regexes.size(); ++p) {
      RE2::Set& set = rule.regex_on_original ? *index.original_set : *index.folded_set;
      auto& refs = rule.regex_on_original ? index.original_refs : index.folded_refs;
      std::string why;
      if (set.Add(rule.regexes[p]->pattern(), &why) < 0 && error_.empty())
        error_ = rule.file + ":" + std::to_string(rule.line) + ": rule " + rule.id +
                 ": its regex cannot join the others: " + why;
      refs.push_back({r, p});
    }
  }
  for (ScopeIndex& index : scopes_) {
    for (auto [set, refs] : {std::pair{&index.folded_set, &index.folded_refs},
                             std::pair{&index.original_set, &index.original_refs}}) {
      if (refs->empty()) {
        set->reset();
      } else if (!(*set)->Compile() && error_.empty()) {
        error_ = "the " + std::to_string(refs->size()) +
                 " regex rules of the lexicon do not fit together in the regex set's memory "
                 "budget; simplify or remove some (each one compiles alone)";
      }
    }
  }
}

Matcher::~Matcher() = default;

void Matcher::MatchPhrases(const Document& doc, const ScopeIndex& index,
                           std::vector<Hit>* raw) const {
  // Scratch kept per thread: audits call this for every reply, most of
  // them a few sentences long, so per-call allocation would dominate.
  struct Scratch {
    std::vector<std::string_view> words;
    std::vector<uint32_t> ids;
    std::vector<uint32_t> present;  // the sentence's known ids, sorted, unique
    std::vector<uint64_t> bits;     // the same as a bit per vocabulary id
    // Per pattern: whether its required words occur in the sentence, as
    // 2 * sentence stamp + 1 (yes) or + 0 (no); any other value is stale.
    std::vector<uint64_t> possible;
    uint64_t stamp = 0;
    // Long required sets are mostly a macro's, shared by many patterns:
    // the answer for this sentence, by the set's address (direct-mapped).
    struct Memo {
      const uint32_t* set = nullptr;
      uint64_t answer = 0;  // 2 * stamp + (1: present, 0: absent)
    };
    std::vector<Memo> memo = std::vector<Memo>(1024);
  };
  thread_local Scratch scratch;
  // Plain references, not a structured binding: lambdas below capture
  // them, which clang before 16 does not allow for bindings.
  auto& words = scratch.words;
  auto& ids = scratch.ids;
  auto& present = scratch.present;
  auto& bits = scratch.bits;
  auto& possible = scratch.possible;
  auto& stamp = scratch.stamp;
  auto& memo = scratch.memo;
  const PhraseSet& phrases = lexicon_.phrases;
  if (possible.size() < phrases.size()) possible.resize(phrases.size(), 0);
  if (bits.size() < phrases.vocabulary().size() / 64 + 1)
    bits.resize(phrases.vocabulary().size() / 64 + 1, 0);
  auto has = [&](uint32_t id) { return (bits[id / 64] >> (id % 64)) & 1; };
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    words.clear();
    ids.clear();
    for (uint32_t w = sentence.first_word; w < sentence.end_word; ++w) {
      words.push_back(doc.Folded(doc.tokens[doc.words[w]]));
      ids.push_back(phrases.vocabulary().Find(words.back()));
    }
    const size_t n = words.size();
    present.assign(ids.begin(), ids.end());
    std::sort(present.begin(), present.end());
    present.erase(std::unique(present.begin(), present.end()), present.end());
    if (!present.empty() && present.back() == Vocabulary::kUnknown) present.pop_back();
    for (uint32_t id : present) bits[id / 64] |= uint64_t{1} << (id % 64);
    ++stamp;
    auto can_match = [&](const PhraseRef& ref) {
      uint64_t& state = possible[ref.pattern];
      if (state >> 1 != stamp) {
        bool all = true;
        for (size_t r = 0; r < phrases.required_count(ref.pattern); ++r) {
          auto required = phrases.required(ref.pattern, r);
          // Look the few words up in the sentence's bits, or the
          // sentence's words up in a long list (a macro's union).
          bool any = false;
          Scratch::Memo* m = nullptr;
          if (required.size() > 8) {
            m = &memo[(reinterpret_cast<uintptr_t>(required.data()) / sizeof(uint32_t)) %
                      memo.size()];
            if (m->set == required.data() && m->answer >> 1 == stamp) {
              if (!(m->answer & 1)) {
                all = false;
                break;
              }
              continue;
            }
          }
          if (required.size() <= 2 * present.size()) {
            for (size_t i = 0; !any && i < required.size(); ++i) any = has(required[i]);
          } else {
            for (size_t j = 0; !any && j < present.size(); ++j)
              any = std::binary_search(required.begin(), required.end(), present[j]);
          }
          if (m) *m = {required.data(), stamp * 2 + (any ? 1 : 0)};
          if (!any) {
            all = false;
            break;
          }
        }
        state = stamp * 2 + (all ? 1 : 0);
      }
      return (state & 1) != 0;
    };
    auto span_of = [&](size_t a, size_t b) {
      return Span{doc.tokens[doc.words[sentence.first_word + a]].start,
                  doc.tokens[doc.words[sentence.first_word + b - 1]].end};
    };
    auto try_at = [&](size_t p, const PhraseRef& ref) {
        if (!can_match(ref)) return;
        const Rule& rule = lexicon_.rules[ref.rule];
        size_t end = phrases.LongestMatch(ref.pattern, ids.data(), words.data(), n, p);
        if (end <= p) return;
        // An antipattern anywhere in the sentence that overlaps cancels it.
        for (uint32_t unless : rule.phrase_unless) {
          for (size_t q = 0; q < end; ++q) {
            if (!phrases.CanStartWith(unless, ids[q], words[q])) continue;
            size_t e = phrases.LongestMatch(unless, ids.data(), words.data(), n, q);
            if (e > q && p < e) return;
          }
        }
        raw->push_back({ref.rule, rule.tag, span_of(p, end), s});
    };
    for (size_t p = 0; p < n; ++p) {
      for (const PhraseRef& ref : index.unanchored)
        if (phrases.CanStartWith(ref.pattern, ids[p], words[p]))
          try_at(p, ref);
      if (ids[p] == Vocabulary::kUnknown) continue;
      for (const PhraseRef& ref : index.by_first[ids[p]]) try_at(p, ref);
    }
    for (uint32_t id : present) bits[id / 64] = 0;  // only this sentence's bits are set
  }
}

void Matcher::MatchRegexes(const Document& doc, const RE2::Set* set,
                           const std::vector<RegexRef>& refs, bool original,
                           std::vector<Hit>* raw) const {
  if (!set) return;
  std::string_view text = original ? doc.text.substr(doc.begin) : std::string_view(doc.folded);
  std::vector<int> which;
  if (!set->Match(re2::StringPiece(text.data(), text.size()), &which)) return;
  std::sort(which.begin(), which.end());
  auto to_original = [&](size_t a, size_t b) {
    if (original)
      return Span{static_cast<uint32_t>(a + doc.begin), static_cast<uint32_t>(b + doc.begin)};
    return doc.FoldedToOriginal(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
  };
  auto find_all = [&](const RE2& re, std::vector<Span>* out) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece m;
    size_t pos = 0;
    while (pos <= text.size() &&
           re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      size_t a = static_cast<size_t>(m.data() - text.data());
      size_t b = a + m.size();
      if (b > a) out->push_back(to_original(a, b));
      pos = b > a ? b : a + 1;
    }
  };
  std::vector<Span> spans, unless;
  for (int i : which) {
    const RegexRef& ref = refs[i];
    const Rule& rule = lexicon_.rules[ref.rule];
    spans.clear();
    find_all(rule.regexes[ref.pattern]->re(), &spans);
    if (spans.empty()) continue;
    unless.clear();
    for (const auto& re : rule.regex_unless) find_all(re->re(), &unless);
    for (const Span& s : spans) {
      bool cancelled = std::any_of(unless.begin(), unless.end(),
                                   [&](const Span& u) { return Overlaps(s, u); });
      if (!cancelled) raw->push_back({ref.rule, rule.tag, s, doc.SentenceAt(s.start)});
    }
  }
}

std::vector<Hit> Matcher::Match(const Document& doc, RuleScope scope) const {
  const ScopeIndex& index = scopes_[static_cast<int>(scope)];
  std::vector<Hit> raw;
  MatchPhrases(doc, index, &raw);
  MatchRegexes(doc, index.folded_set.get(), index.folded_refs, false, &raw);
  MatchRegexes(doc, index.original_set.get(), index.original_refs, true, &raw);

  // Per rule, keep the longest of overlapping matches.
  std::sort(raw.begin(), raw.end(), [](const Hit& a, const Hit& b) {
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return a.span.end > b.span.end;
  });
  std::vector<Hit> hits;
  for (const Hit& h : raw) {
    if (scope == RuleScope::kDraft &&
        (Inside(h.span, doc.handles) || Inside(h.span, doc.signoff) || doc.IsQuoted(h.span)))
      continue;
    if (!hits.empty() && hits.back().rule == h.rule && Overlaps(hits.back().span, h.span)) {
      if (h.span.end > hits.back().span.end) hits.back().span.end = h.span.end;
      continue;
    }
    hits.push_back(h);
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return a.rule < b.rule;
  });
  return hits;
}

}  // namespace amends
