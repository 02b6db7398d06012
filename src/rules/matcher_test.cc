// The indexed matcher against a brute-force one: every phrase pattern of
// every rule tried at every word of every sentence, every regex run on its
// own (no RE2::Set, no `needs` gate), then the same merge. The index, the
// requirement masks, the key sets and the long-sentence antipattern reach
// are speed only: whatever they skip must have been a miss.
#include "rules/matcher.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "analyzer/analyzer.h"
#include "built_in_analyzer.h"
#include "sanitized.h"

using namespace amends;

namespace {

const Analyzer& TheAnalyzer() { return testing::BuiltInAnalyzer(); }

bool Overlap(Span a, Span b) { return a.start < b.end && b.start < a.end; }

bool Within(Span inner, Span outer) {
  return !outer.empty() && inner.start >= outer.start && inner.end <= outer.end;
}

bool Capitals(std::string_view word) {
  int upper = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2;
}

// Phrase hits of one sentence, the slow way.
void BrutePhrases(const Lexicon& lexicon, const Document& doc, RuleScope scope, uint32_t s,
                  std::vector<Hit>* raw) {
  const PhraseSet& phrases = lexicon.phrases;
  const Sentence& sentence = doc.sentences[s];
  const size_t n = sentence.end_word - sentence.first_word;
  std::vector<std::string_view> words(n);
  std::vector<uint32_t> ids(n);
  for (size_t w = 0; w < n; ++w) {
    words[w] = doc.Folded(doc.tokens[doc.words[sentence.first_word + w]]);
    ids[w] = phrases.vocabulary().Find(words[w]);
  }
  auto span_of = [&](size_t a, size_t b) {
    return Span{doc.tokens[doc.words[sentence.first_word + a]].start,
                doc.tokens[doc.words[sentence.first_word + b - 1]].end};
  };
  size_t opening = 0;  // past the leading @handles
  while (opening < n && !doc.handles.empty() &&
         doc.tokens[doc.words[sentence.first_word + opening]].start < doc.handles.end)
    ++opening;
  const uint32_t last_end =
      n ? doc.tokens[doc.words[sentence.first_word + n - 1]].end : sentence.start;
  const bool question =
      doc.text.substr(last_end, sentence.end - std::min(last_end, sentence.end)).find('?') !=
      std::string_view::npos;
  // Where `pattern` matches from word p, to which end (p: no match).
  auto match = [&](uint32_t pattern, size_t p, size_t usable) -> size_t {
    if (phrases.opens_sentence(pattern) && p != opening) return p;
    size_t end = phrases.LongestMatch(pattern, ids.data(), words.data(), usable, p);
    if (phrases.closes_sentence(pattern) && end != n) return p;
    return end;
  };
  for (uint32_t r = 0; r < lexicon.rules.size(); ++r) {
    const Rule& rule = lexicon.rules[r];
    if (rule.scope != scope || RuleKinds()[rule.kind]->engine != RuleKindDef::Engine::kPhrase)
      continue;
    if (rule.in_question && !question) continue;
    for (uint32_t pattern : rule.phrases) {
      for (size_t p = 0; p < n; ++p) {
        size_t usable = n;
        if (rule.upper_case) {
          usable = p;
          while (usable < n && Capitals(doc.Original(span_of(usable, usable + 1)))) ++usable;
          if (usable == p) continue;
        }
        size_t end = match(pattern, p, usable);
        if (end <= p) continue;
        if (rule.in_question) end = n;
        bool cancelled = false;
        for (uint32_t unless : rule.phrase_unless)
          for (size_t q = 0; q < n && !cancelled; ++q) {
            size_t e = match(unless, q, n);
            cancelled = e > q && q < end && p < e;
          }
        for (uint32_t with : rule.phrase_with) {
          bool found = false;
          for (size_t q = 0; q < n && !found; ++q) found = match(with, q, n) > q;
          cancelled = cancelled || !found;
        }
        for (uint32_t without : rule.phrase_without)
          for (size_t q = 0; q < n && !cancelled; ++q) cancelled = match(without, q, n) > q;
        if (!cancelled) raw->push_back({r, rule.tag, span_of(p, end), s});
      }
    }
  }
}

// Every match of `re` in `text`, as the matcher steps through them.
std::vector<std::pair<size_t, size_t>> FindAll(const RE2& re, std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  re2::StringPiece input(text.data(), text.size()), m;
  size_t pos = 0;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    size_t a = static_cast<size_t>(m.data() - text.data()), b = a + m.size();
    if (b > a) out.emplace_back(a, b);
    pos = b > a ? b : a + 1;
  }
  return out;
}

void BruteRegexes(const Lexicon& lexicon, const Document& doc, RuleScope scope,
                  std::vector<Hit>* raw) {
  for (uint32_t r = 0; r < lexicon.rules.size(); ++r) {
    const Rule& rule = lexicon.rules[r];
    if (rule.scope != scope || RuleKinds()[rule.kind]->engine != RuleKindDef::Engine::kRegex)
      continue;
    const bool original = rule.regex_on_original;
    std::string_view text = original ? doc.text.substr(doc.begin) : std::string_view(doc.folded);
    auto to_original = [&](std::pair<size_t, size_t> m) {
      if (original)
        return Span{static_cast<uint32_t>(m.first + doc.begin),
                    static_cast<uint32_t>(m.second + doc.begin)};
      return doc.FoldedToOriginal(static_cast<uint32_t>(m.first), static_cast<uint32_t>(m.second));
    };
    std::vector<Span> unless;
    for (const auto& re : rule.regex_unless)
      for (auto m : FindAll(re->re(), text)) unless.push_back(to_original(m));
    for (const auto& re : rule.regexes)
      for (auto m : FindAll(re->re(), text)) {
        Span s = to_original(m);
        if (std::none_of(unless.begin(), unless.end(), [&](Span u) { return Overlap(s, u); }))
          raw->push_back({r, rule.tag, s, doc.SentenceAt(s.start)});
      }
  }
}

std::vector<Hit> BruteMatch(const Lexicon& lexicon, const Document& doc, RuleScope scope) {
  std::vector<Hit> raw;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) BrutePhrases(lexicon, doc, scope, s, &raw);
  BruteRegexes(lexicon, doc, scope, &raw);
  std::stable_sort(raw.begin(), raw.end(), [](const Hit& a, const Hit& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.span.end > b.span.end;
  });
  std::vector<Hit> hits;
  for (const Hit& h : raw) {
    if (scope == RuleScope::kDraft &&
        (Within(h.span, doc.handles) || Within(h.span, doc.signoff) || doc.IsQuoted(h.span)))
      continue;
    // Merged into the rule's last kept hit when they overlap.
    auto last =
        std::find_if(hits.rbegin(), hits.rend(), [&](const Hit& k) { return k.rule == h.rule; });
    if (last != hits.rend() && Overlap(last->span, h.span)) {
      last->span.end = std::max(last->span.end, h.span.end);
      continue;
    }
    hits.push_back(h);
  }
  return hits;
}

std::string Describe(const Lexicon& lexicon, const std::vector<Hit>& hits) {
  std::string out;
  for (const Hit& h : hits)
    out += lexicon.rules[h.rule].id + "@" + std::to_string(h.span.start) + ".." +
           std::to_string(h.span.end) + " ";
  return out;
}

// Compares the two matchers on `text` in both scopes; returns the hits.
size_t Compare(const std::string& text) {
  const Analyzer& analyzer = TheAnalyzer();
  const Lexicon& lexicon = analyzer.lexicon();
  Segmenter segmenter;
  size_t found = 0;
  for (RuleScope scope : {RuleScope::kDraft, RuleScope::kCustomer}) {
    Document doc =
        scope == RuleScope::kDraft ? segmenter.Segment(text, 0) : segmenter.SegmentPlain(text, 0);
    std::vector<Hit> fast = analyzer.matcher().Match(doc, scope);
    std::vector<Hit> slow = BruteMatch(lexicon, doc, scope);
    auto key = [](const Hit& h) {
      return std::tuple(h.span.start, h.rule, h.span.end, h.sentence);
    };
    bool same = fast.size() == slow.size() &&
                std::equal(fast.begin(), fast.end(), slow.begin(), [&](const Hit& a, const Hit& b) {
                  return key(a) == key(b) && a.tag == b.tag;
                });
    if (!same) {
      INFO("scope " << static_cast<int>(scope) << " text: " << text);
      INFO("indexed:     " << Describe(lexicon, fast));
      INFO("brute force: " << Describe(lexicon, slow));
      CHECK(same);
    }
    found += slow.size();
  }
  return found;
}

// Random sentences from the words the patterns name, with capitals, a
// handle, a sign-off, quotes and question marks thrown in.
std::string RandomText(std::mt19937& rng, const std::vector<std::string>& words) {
  std::uniform_int_distribution<size_t> pick(0, words.size() - 1);
  std::uniform_int_distribution<int> percent(0, 99);
  std::string text = percent(rng) < 20 ? "@acme " : "";
  const int sentences = 1 + percent(rng) % 4;
  for (int s = 0; s < sentences; ++s) {
    // Now and then a sentence of over 64 words: the long-sentence paths.
    const int length = percent(rng) < 10 ? 70 + percent(rng) : 2 + percent(rng) % 14;
    for (int w = 0; w < length; ++w) {
      std::string word = words[pick(rng)];
      if (percent(rng) < 8)
        std::transform(word.begin(), word.end(), word.begin(),
                       [](unsigned char c) { return std::toupper(c); });
      if (percent(rng) < 3) word = "\"" + word;
      text += word;
      text += percent(rng) < 5 ? ", " : " ";
    }
    text.back() = percent(rng) < 30 ? '?' : '.';
    text += percent(rng) < 15 ? "\n\n" : " ";
  }
  if (percent(rng) < 15) text += "\n\nBest regards,\nSam";
  else if (percent(rng) < 15) text += " ^JB";
  return text;
}

}  // namespace

TEST_CASE("matcher: the index finds what trying everything finds, on rule examples", "[matcher]") {
  const Lexicon& lexicon = TheAnalyzer().lexicon();
  // Trying everything costs rules x examples; under the sanitizers every
  // third example is compared (a different third each run would make a
  // failure hard to replay), the release tree compares them all.
  const size_t stride = amends::testing::kSanitized ? 3 : 1;
  size_t seen = 0, texts = 0, hits = 0;
  for (const Rule& rule : lexicon.rules)
    for (const auto* examples : {&rule.fire, &rule.pass})
      for (const RuleExample& example : *examples) {
        if (seen++ % stride != 0) continue;
        hits += Compare(example.text);
        ++texts;
      }
  CHECK(texts > 1000);
  CHECK(hits > texts / 2);  // the comparison saw hits, not only empty lists
}

TEST_CASE("matcher: the index finds what trying everything finds, on random text", "[matcher]") {
  const Lexicon& lexicon = TheAnalyzer().lexicon();
  // The words of the rule examples: the ones the patterns are about.
  std::vector<std::string> words;
  Segmenter segmenter;
  for (const Rule& rule : lexicon.rules)
    for (const RuleExample& example : rule.fire) {
      Document doc = segmenter.SegmentPlain(example.text, 0);
      for (uint32_t w : doc.words)
        words.emplace_back(doc.Original({doc.tokens[w].start, doc.tokens[w].end}));
    }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  REQUIRE(words.size() > 500);
  std::mt19937 rng(20261202);
  // 400 texts; under the sanitizers the first 150 of them.
  const int texts = amends::testing::kSanitized ? 150 : 400;
  size_t hits = 0;
  for (int i = 0; i < texts; ++i) hits += Compare(RandomText(rng, words));
  CHECK(hits > static_cast<size_t>(texts));
}

TEST_CASE("matcher: with a PhraseHitCache, the hits of matching afresh", "[matcher]") {
  const Analyzer& analyzer = TheAnalyzer();
  const Lexicon& lexicon = analyzer.lexicon();
  // Random texts of the rules' examples, whole: sentences that hit.
  std::vector<std::string> examples;
  Segmenter segmenter;
  for (const Rule& rule : lexicon.rules)
    for (const RuleExample& example : rule.fire) examples.push_back(example.text);
  REQUIRE(examples.size() > 500);
  std::mt19937 rng(20261203);
  // Each text the last one with a random text put before or after it, or
  // its halves swapped: its sentences again, moved, and some new ones.
  std::string text;
  PhraseHitCache caches[2];
  size_t hits = 0, reused = 0;
  // 300 edits; under the sanitizers the first 120 of them.
  const int edits = amends::testing::kSanitized ? 120 : 300;
  for (int i = 0; i < edits; ++i) {
    std::string more = RandomText(rng, examples);
    if (i % 40 == 0) text.clear();
    if (i % 3 == 0) text = more + "\n\n" + text;
    else if (i % 3 == 1) text += "\n" + more;
    else text = text.substr(text.size() / 2) + text.substr(0, text.size() / 2);
    for (RuleScope scope : {RuleScope::kDraft, RuleScope::kCustomer}) {
      Document doc =
          scope == RuleScope::kDraft ? segmenter.Segment(text, 0) : segmenter.SegmentPlain(text, 0);
      std::vector<Hit> cached;
      analyzer.matcher().Match(doc, scope, &cached, &caches[static_cast<int>(scope)]);
      std::vector<Hit> fresh = analyzer.matcher().Match(doc, scope);
      INFO("scope " << static_cast<int>(scope) << " text: " << text);
      REQUIRE(Describe(lexicon, cached) == Describe(lexicon, fresh));
      for (size_t k = 0; k < fresh.size(); ++k) {
        REQUIRE(cached[k].sentence == fresh[k].sentence);
        REQUIRE(cached[k].tag == fresh[k].tag);
      }
      hits += fresh.size();
      reused += caches[static_cast<int>(scope)].last_reused();
      // Only the sentences of this text are kept.
      CHECK(caches[static_cast<int>(scope)].sentences() <= doc.sentences.size());
    }
  }
  CHECK(hits > static_cast<size_t>(edits) * 10 / 3);
  CHECK(reused > static_cast<size_t>(edits) * 10 / 3);
}

TEST_CASE("matcher: the index finds what trying everything finds, on real replies",
          "[matcher][shared]") {
  const std::filesystem::path corpora =
      std::filesystem::path(AMENDS_SOURCE_DIR) / ".." / "shared" / "corpora";
  // Every reply; under the sanitizers every third (see the rule examples).
  const size_t stride = amends::testing::kSanitized ? 3 : 1;
  size_t seen = 0, replies = 0;
  for (const char* set : {"dev", "dev2", "dev3"}) {
    std::ifstream in(corpora / set / "replies.jsonl");
    REQUIRE(in);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || seen++ % stride != 0) continue;
      auto record = nlohmann::json::parse(line);
      Compare(record.value("text", ""));
      if (record.contains("customer_message") && record["customer_message"].is_string())
        Compare(record["customer_message"].get<std::string>());
      ++replies;
    }
  }
  CHECK(replies > 600 / stride);
}
