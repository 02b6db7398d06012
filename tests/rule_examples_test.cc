// Every rule carries examples that must fire and must not; run them all,
// for the lexicon built into the binary and for the folder on disk.
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/analyzer.h"
#include "rules/lint.h"

using namespace amends;

namespace {
void RunAll(const std::vector<LexiconFile>& files) {
  std::string error;
  auto analyzer = Analyzer::Load(files, &error);
  INFO(error);
  REQUIRE(analyzer);
  std::vector<std::string> failures;
  int passed = RunRuleExamples(*analyzer, &failures);
  for (const std::string& f : failures) UNSCOPED_INFO(f);
  CHECK(failures.empty());
  size_t examples = 0;
  for (const Rule& r : analyzer->lexicon().rules)
    examples += r.fire.size() + r.pass.size() + r.fixes.size();
  CHECK(static_cast<size_t>(passed) + failures.size() == examples);
}
}  // namespace

TEST_CASE("every built-in rule fires on its examples and stays silent on the others",
          "[lexicon][examples]") {
  RunAll(EmbeddedLexiconFiles());
}

TEST_CASE("lexicons/en on disk loads and passes its examples", "[lexicon][examples]") {
  std::vector<LexiconFile> files;
  std::string error;
  REQUIRE(ReadLexiconDir(AMENDS_SOURCE_DIR "/lexicons/en", &files, &error));
  RunAll(files);
}

TEST_CASE("every check in checks.def has a rule for each tag it reads", "[lexicon]") {
  std::string error;
  auto analyzer = Analyzer::Load(EmbeddedLexiconFiles(), &error);
  REQUIRE(analyzer);
  std::vector<bool> has_rule(analyzer->checks().tags.size(), false);
  for (const Rule& r : analyzer->lexicon().rules) has_rule[r.tag] = true;
  for (size_t t = 0; t < has_rule.size(); ++t) {
    INFO("tag " << analyzer->checks().tags[t]);
    CHECK(has_rule[t]);
  }
}

TEST_CASE("the built-in lexicon is lint-clean and has no line over 120 characters",
          "[lexicon][lint]") {
  std::vector<BlockFile> parsed;
  for (const LexiconFile& f : EmbeddedLexiconFiles()) {
    if (!f.name.ends_with(".rules") && !IsMacroFile(f.name)) continue;
    BlockFile b;
    std::string error;
    INFO(error);
    REQUIRE(ParseBlockFile(f.name, f.content, &b, &error));
    for (size_t i = 0; i < b.lines.size(); ++i) {
      // Regexes are written on one line: a continuation would add a space.
      if (b.lines[i].find("match: \\b") != std::string::npos) continue;
      INFO(f.name << ":" << i + 1);
      size_t characters = 0;  // code points: a line of Japanese is short in characters
      for (unsigned char c : b.lines[i]) characters += (c & 0xC0) != 0x80;
      CHECK(characters <= 120);
    }
    parsed.push_back(std::move(b));
  }
  CHECK(parsed.size() > 5);
  for (const std::string& finding : LintLexicon(parsed)) FAIL_CHECK(finding);
}

// Examples are written as a coach would, never copied from the replies the
// rules are measured on: a copied sentence would make a rule look general
// on the very replies it came from. Needs ../shared (the labeled and pool
// replies, outside the repository): tagged [shared], run by the
// shared_corpora test, which is skipped when they are absent.
TEST_CASE("no rule example is a sentence copied from the corpora", "[lexicon][examples][shared]") {
  const std::string corpora = std::string(AMENDS_SOURCE_DIR) + "/../shared/corpora/";
  std::string all;
  size_t read = 0;
  for (const char* set : {"dev", "dev2", "dev3", "pool"}) {
    std::ifstream in(corpora + set + "/replies.jsonl");
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!j.is_object()) continue;
      for (const char* key : {"text", "customer_message"})
        if (j.contains(key) && j[key].is_string()) {
          all += j[key].get_ref<const std::string&>();
          all += '\n';
        }
      ++read;
    }
  }
  REQUIRE(read > 0);
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return s;
  };
  all = lower(all);
  std::string error;
  auto analyzer = Analyzer::Load(EmbeddedLexiconFiles(), &error);
  REQUIRE(analyzer);
  // Short stock phrases ("We apologize for any inconvenience.") are what
  // the rules are about and occur everywhere; a sentence of 30 characters
  // (code points) or more found word for word is a copy.
  struct Long {
    const Rule* rule;
    const RuleExample* example;
    std::string text;  // lower-cased
    bool found = false;
  };
  std::vector<Long> examples;
  for (const Rule& r : analyzer->lexicon().rules)
    for (const auto* list : {&r.fire, &r.pass})
      for (const RuleExample& e : *list) {
        size_t characters = 0;  // code points: a sentence of Japanese is short in characters
        for (unsigned char c : e.text) characters += (c & 0xC0) != 0x80;
        if (characters >= 30) examples.push_back({&r, &e, lower(e.text)});
      }
  REQUIRE(!examples.empty());
  // One pass over the corpora instead of a search per example: the
  // examples by a hash of their first kWindow bytes, and the same rolling
  // hash at every byte of the text; a hit is then compared in full.
  constexpr size_t kWindow = 16;  // 30 code points are 30 bytes at least
  constexpr uint64_t kBase = 1099511628211u;
  auto hash_of = [](std::string_view bytes) {
    uint64_t h = 0;
    for (unsigned char c : bytes) h = h * kBase + c;
    return h;
  };
  std::unordered_multimap<uint64_t, size_t> by_window;
  for (size_t i = 0; i < examples.size(); ++i)
    by_window.emplace(hash_of(std::string_view(examples[i].text).substr(0, kWindow)), i);
  uint64_t top = 1;  // the weight of the byte leaving the window
  for (size_t k = 1; k < kWindow; ++k) top *= kBase;
  uint64_t h = 0;
  for (size_t at = 0; at < all.size(); ++at) {
    if (at >= kWindow) h -= top * static_cast<unsigned char>(all[at - kWindow]);
    h = h * kBase + static_cast<unsigned char>(all[at]);
    if (at + 1 < kWindow) continue;
    const size_t start = at + 1 - kWindow;
    auto [first, last] = by_window.equal_range(h);
    for (auto it = first; it != last; ++it) {
      Long& e = examples[it->second];
      e.found = e.found || all.compare(start, e.text.size(), e.text) == 0;
    }
  }
  for (const Long& e : examples) {
    INFO(e.rule->file << ":" << e.example->line << ": " << e.example->text);
    CHECK(!e.found);
  }
}
