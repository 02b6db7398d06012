// Cost against input size for inputs nobody planned for, to show that
// checking a draft stays linear whatever it holds:
//
//   amends_complexity_bench                      # every shape, 1 KB … 16 MB
//   amends_complexity_bench --benchmark_filter=Quoted
//
// Each benchmark analyses one draft of N bytes made of one shape repeated
// and writes its JSON checklist (the `amends check --format json` path,
// findings capped as by default) and fits the time against N
// (->Complexity()): Google Benchmark prints the best-fitting order (it
// should say N) and its RMS. bench/README.md has the figures.
#include <benchmark/benchmark.h>

#include <string>

#include "analyzer/analyzer.h"
#include "report/json_report.h"

namespace amends::bench {
namespace {

const Analyzer& SharedAnalyzer() {
  static const std::unique_ptr<Analyzer> analyzer = [] {
    std::string error;
    auto a = Analyzer::Load(EmbeddedLexiconFiles(), &error, EmbeddedLexiconImage());
    if (!a) std::abort();
    return a;
  }();
  return *analyzer;
}

// `unit` repeated to at least `bytes`.
std::string Repeat(std::string_view unit, size_t bytes) {
  std::string text;
  text.reserve(bytes + unit.size());
  while (text.size() < bytes) text += unit;
  return text;
}

void Run(benchmark::State& state, std::string_view unit) {
  const std::string text = Repeat(unit, static_cast<size_t>(state.range(0)));
  const Analyzer& analyzer = SharedAnalyzer();
  Request request;
  request.text = text;
  Analysis analysis;
  std::string out;
  for (auto _ : state) {
    analyzer.Analyze(request, &analysis);
    out.clear();
    AppendChecklistJson(analyzer, analysis, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetComplexityN(static_cast<int64_t>(text.size()));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}

void Sizes(benchmark::internal::Benchmark* b) {
  b->RangeMultiplier(4)->Range(1 << 10, 16 << 20)->Unit(benchmark::kMillisecond)->Complexity();
}

// A finding in every few words, in one sentence with no full stop.
void BM_FindingPerWord(benchmark::State& s) { Run(s, "sorry for any inconvenience "); }
// One endless sentence of ordinary words.
void BM_EndlessSentence(benchmark::State& s) {
  Run(s, "we will send you a new one and check the order with the courier today ");
}
// Findings in many short sentences, an apology undone by "but" in each.
void BM_FindingsPerSentence(benchmark::State& s) {
  Run(s, "Sorry for any inconvenience. But it is our policy. ");
}
// Every line a "> " quote, with hits in it.
void BM_EveryLineQuoted(benchmark::State& s) {
  Run(s, "> quoted line, sorry for any inconvenience\n");
}
// Double-quoted passages, one after another.
void BM_QuotePairs(benchmark::State& s) { Run(s, "\"sorry for any inconvenience\" "); }
// Nested lists.
void BM_DeepLists(benchmark::State& s) {
  Run(s, "- item we cannot do that\n  - sub item, sorry but no\n    - and another\n");
}
// "but" after "sorry", over and over.
void BM_ManyButs(benchmark::State& s) { Run(s, "sorry but "); }
// A long run of CJK (ICU's break iterators) and of emoji.
void BM_Cjk(benchmark::State& s) { Run(s, "我们很抱歉给您带来不便"); }
void BM_Emoji(benchmark::State& s) { Run(s, "😀👍🏽🎉 "); }
// A million tiny sentences.
void BM_TinySentences(benchmark::State& s) { Run(s, "Ok. "); }
// Non-ASCII text with findings on one long line (character positions).
void BM_LongLineNonAscii(benchmark::State& s) {
  Run(s, "Désolé, sorry for any inconvenience — but it is our policy 😀 ");
}

BENCHMARK(BM_FindingPerWord)->Apply(Sizes);
BENCHMARK(BM_EndlessSentence)->Apply(Sizes);
BENCHMARK(BM_FindingsPerSentence)->Apply(Sizes);
BENCHMARK(BM_EveryLineQuoted)->Apply(Sizes);
BENCHMARK(BM_QuotePairs)->Apply(Sizes);
BENCHMARK(BM_DeepLists)->Apply(Sizes);
BENCHMARK(BM_ManyButs)->Apply(Sizes);
BENCHMARK(BM_Cjk)->Apply(Sizes);
BENCHMARK(BM_Emoji)->Apply(Sizes);
BENCHMARK(BM_TinySentences)->Apply(Sizes);
BENCHMARK(BM_LongLineNonAscii)->Apply(Sizes);

}  // namespace
}  // namespace amends::bench

BENCHMARK_MAIN();
