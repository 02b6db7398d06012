// Micro benchmarks, one per pipeline stage, sweeping input size.
//
//   amends_bench                                   # everything
//   amends_bench --benchmark_filter='Segment'      # one stage
//   amends_bench --benchmark_filter='/2048$'       # the 2 KB draft everywhere
//
// Inputs are built at run time from real replies (see corpus.h); a size N
// is "whole replies joined by blank lines until at least N bytes". Each
// benchmark reports bytes/s over the text it was given. Stage benchmarks
// prepare the earlier stages outside the timed loop, so stage times add up
// to roughly BM_Analyze plus BM_Json.
#include <benchmark/benchmark.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/analyzer.h"
#include "checks/evaluate.h"
#include "checks/names.h"
#include "corpus.h"
#include "input/jsonl_record.h"
#include "input/source.h"
#include "report/json_report.h"
#include "rules/matcher.h"
#include "text/ascii_breaks.h"
#include "text/document.h"
#include "text/icu_breaks.h"

namespace amends::bench {
namespace {

// 256 B … 1 MiB, ×8: a short tweet-length reply, the 2 KB draft, long emails,
// and sizes far past any draft to show how each stage scales.
void Sizes(benchmark::internal::Benchmark* b) {
  b->RangeMultiplier(8)->Range(256, 1 << 20);
  b->Arg(2048);  // the target draft size, exactly
}

const Analyzer& SharedAnalyzer() {
  static const std::unique_ptr<Analyzer> analyzer = [] {
    std::string error;
    auto a = Analyzer::Load(EmbeddedLexiconFiles(), &error);
    if (!a) {
      std::fprintf(stderr, "amends_bench: lexicon: %s\n", error.c_str());
      std::abort();
    }
    return a;
  }();
  return *analyzer;
}

const Matcher& SharedMatcher() {
  static const Matcher matcher(SharedAnalyzer().lexicon());
  return matcher;
}

// ---- lexicon load -------------------------------------------------------

// Loading the built-in lexicon as every `amends` process does before
// reading a byte: the image compiled at build time, plus checks.def.
// Target: ≤ 2 ms.
void BM_LexiconLoad(benchmark::State& state) {
  const std::vector<LexiconFile> files = EmbeddedLexiconFiles();
  for (auto _ : state) {
    std::string error;
    auto a = Analyzer::Load(files, &error, EmbeddedLexiconImage());
    if (!a || !a->from_image()) state.SkipWithError("the lexicon image was not used");
    benchmark::DoNotOptimize(a.get());
  }
}
BENCHMARK(BM_LexiconLoad)->Unit(benchmark::kMillisecond);

// Parse + compile of the same files from source: what a team lexicon
// (--lexicons DIR) costs.
void BM_LexiconCompile(benchmark::State& state) {
  const std::vector<LexiconFile> files = EmbeddedLexiconFiles();
  size_t bytes = 0;
  for (const auto& f : files) bytes += f.content.size();
  for (auto _ : state) {
    std::string error;
    auto a = Analyzer::Load(files, &error);
    benchmark::DoNotOptimize(a.get());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes));
}
BENCHMARK(BM_LexiconCompile)->Unit(benchmark::kMillisecond);

// Compiling from source, including copying the embedded files out of the binary.
void BM_LexiconCompileEmbedded(benchmark::State& state) {
  for (auto _ : state) {
    std::string error;
    auto a = Analyzer::Load(EmbeddedLexiconFiles(), &error);
    benchmark::DoNotOptimize(a.get());
  }
}
BENCHMARK(BM_LexiconCompileEmbedded)->Unit(benchmark::kMillisecond);

// ---- input --------------------------------------------------------------

// UTF-8 validation of a whole draft (`amends check` input stage).
void BM_ValidateUtf8(benchmark::State& state) {
  Source source;
  source.name = "draft";
  source.bytes = DraftOfSize(size_t(state.range(0)));
  for (auto _ : state) {
    std::string error;
    bool ok = ValidateSource(&source, &error);
    benchmark::DoNotOptimize(ok);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(source.bytes.size()));
}
BENCHMARK(BM_ValidateUtf8)->Apply(Sizes);

// JSONL record decoding (`amends audit` input stage): N bytes of lines.
void BM_ParseAuditRecords(benchmark::State& state) {
  const std::vector<std::string> lines = JsonlOfSize(size_t(state.range(0)));
  size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size() + 1;
  for (auto _ : state) {
    for (const auto& l : lines) {
      AuditRecord record;
      std::string error;
      bool ok = ParseAuditRecord(l, &record, &error);
      benchmark::DoNotOptimize(ok);
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes));
  state.counters["records"] = double(lines.size());
}
BENCHMARK(BM_ParseAuditRecords)->Apply(Sizes);

// ---- text ---------------------------------------------------------------

// Word + sentence segmentation (the plain-text breaker when the whole text
// allows it, else ICU), folding and layout (one segmenter kept, as each
// analyzer thread does).
void BM_Segment(benchmark::State& state) {
  const std::string text = DraftOfSize(size_t(state.range(0)));
  Segmenter segmenter;
  for (auto _ : state) {
    Document doc = segmenter.Segment(text, 0);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_Segment)->Apply(Sizes);

// Word and sentence boundaries alone, on the same text made plain ASCII
// (every other byte becomes 'x'): the fast path, and ICU on the same text.
std::string AsciiDraftOfSize(size_t n) {
  std::string text = DraftOfSize(n);
  for (char& c : text)
    if (static_cast<unsigned char>(c) >= 0x80) c = 'x';
  return text;
}

void BM_BreaksAscii(benchmark::State& state) {
  const std::string text = AsciiDraftOfSize(size_t(state.range(0)));
  std::vector<WordBreak> words;
  std::vector<uint32_t> sentences;
  for (auto _ : state) {
    words.clear();
    sentences.clear();
    AsciiWordBreaks(text, &words);
    AsciiSentenceBreaks(text, &sentences);
    benchmark::DoNotOptimize(words.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_BreaksAscii)->Apply(Sizes);

void BM_BreaksIcu(benchmark::State& state) {
  const std::string text = AsciiDraftOfSize(size_t(state.range(0)));
  IcuBreaker icu;
  std::vector<WordBreak> words;
  std::vector<uint32_t> sentences;
  for (auto _ : state) {
    words.clear();
    sentences.clear();
    icu.Breaks(text, &words, &sentences);
    benchmark::DoNotOptimize(words.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_BreaksIcu)->Apply(Sizes);

// Loading ICU's break rules: paid once per thread, on its first text that
// the plain-text breaker does not take.
void BM_IcuBreakerCreate(benchmark::State& state) {
  for (auto _ : state) {
    IcuBreaker icu;
    benchmark::DoNotOptimize(&icu);
  }
}
BENCHMARK(BM_IcuBreakerCreate)->Unit(benchmark::kMicrosecond);

// ---- rules --------------------------------------------------------------

// Phrase and regex rules of the draft scope over a segmented document.
void BM_Match(benchmark::State& state) {
  const std::string text = DraftOfSize(size_t(state.range(0)));
  Segmenter segmenter;
  const Document doc = segmenter.Segment(text, 0);
  const Matcher& matcher = SharedMatcher();
  size_t hits = 0;
  for (auto _ : state) {
    std::vector<Hit> h = matcher.Match(doc, RuleScope::kDraft);
    hits = h.size();
    benchmark::DoNotOptimize(h.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
  state.counters["hits"] = double(hits);
}
BENCHMARK(BM_Match)->Apply(Sizes);

// ---- checks -------------------------------------------------------------

// Situation + every check over a segmented, matched document.
void BM_Checks(benchmark::State& state) {
  const std::string text = DraftOfSize(size_t(state.range(0)));
  const Analyzer& analyzer = SharedAnalyzer();
  Segmenter segmenter;
  const Document doc = segmenter.Segment(text, 0);
  const std::vector<Hit> hits = SharedMatcher().Match(doc, RuleScope::kDraft);
  const Customer customer = ParseCustomerName("Mary Smith");
  std::vector<CheckResult> r;  // reused, as an audit's thread does
  for (auto _ : state) {
    Situation s = DecideSituation(analyzer.checks(), doc, hits, nullptr, {}, std::nullopt);
    EvaluateChecks(analyzer.checks(), analyzer.lexicon(), doc, hits, s, customer, analyzer.names(),
                   &r);
    benchmark::DoNotOptimize(r.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_Checks)->Apply(Sizes);

// ---- report -------------------------------------------------------------

// The JSON checklist of one analysed draft, as text.
void BM_Json(benchmark::State& state) {
  const std::string text = DraftOfSize(size_t(state.range(0)));
  const Analyzer& analyzer = SharedAnalyzer();
  Request request;
  request.text = text;
  request.customer_name = "Mary Smith";
  const Analysis analysis = analyzer.Analyze(request);
  size_t out_bytes = 0;
  for (auto _ : state) {
    std::string out;  // the output path: checklists written straight to text
    AppendChecklistJson(analyzer, analysis, &out);
    out_bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
  state.counters["json_bytes"] = double(out_bytes);
}
BENCHMARK(BM_Json)->Apply(Sizes);

// ---- whole pipeline -----------------------------------------------------

// Analyzer::Analyze on one draft (segment + match + checks), no JSON.
void BM_Analyze(benchmark::State& state) {
  const std::string text = DraftOfSize(size_t(state.range(0)));
  const Analyzer& analyzer = SharedAnalyzer();
  Request request;
  request.text = text;
  request.customer_name = "Mary Smith";
  for (auto _ : state) {
    Analysis a = analyzer.Analyze(request);
    benchmark::DoNotOptimize(a.checklist.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_Analyze)->Apply(Sizes);

// What `amends audit` does per line, over every corpus reply once per
// iteration: decode the record, analyse draft + customer message, JSON.
// Single thread; bytes are the JSONL bytes read.
void BM_AuditRecords(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  const std::vector<std::string> lines = JsonlOfSize(0 + [&] {
    size_t n = 0;
    for (size_t i = 0; i < corpus.replies.size(); ++i)
      n += corpus.replies[i].size() + corpus.customer_messages[i].size() + 40;
    return n;
  }());
  const Analyzer& analyzer = SharedAnalyzer();
  size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size() + 1;
  for (auto _ : state) {
    for (const auto& l : lines) {
      AuditRecord record;
      std::string error;
      if (!ParseAuditRecord(l, &record, &error)) continue;
      Request request;
      request.text = record.text;
      if (record.customer_message) request.customer_message = *record.customer_message;
      request.customer_name = record.customer_name;
      Analysis a = analyzer.Analyze(request);
      std::string out;
      AppendChecklistJson(analyzer, a, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes));
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(lines.size()));
}
BENCHMARK(BM_AuditRecords)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace amends::bench

BENCHMARK_MAIN();
