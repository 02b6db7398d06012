// An open document analysed edit after edit with its AnalysisCache, as
// `amends lsp` does, against a fresh analysis of every version: random
// edit sessions over the bundled drafts and emails and, with ../shared,
// over real replies. After every edit the checklist JSON (situation,
// statuses, findings and their spans) and the segmented draft must be
// those of the fresh analysis, byte for byte.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/analyzer.h"
#include "built_in_analyzer.h"
#include "input/blank.h"
#include "lsp/diagnostics.h"
#include "lsp/document_text.h"
#include "lsp/positions.h"
#include "report/json_report.h"
#include "run_amends.h"

using namespace amends;
using namespace amends::lsp;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> Files(const fs::path& dir, const std::string& extension) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == extension) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Everything of a segmented draft, as text, to compare.
std::string Describe(const Document& d) {
  std::ostringstream s;
  s << "begin " << d.begin << "\nfolded " << d.folded << "\norigin";
  for (uint32_t o : d.folded_origin) s << ' ' << o;
  s << "\ntokens";
  for (const Token& t : d.tokens)
    s << ' ' << t.start << '-' << t.end << '/' << t.folded_start << '-' << t.folded_end << '@'
      << t.sentence << ':' << int(t.kind);
  s << "\nwords";
  for (uint32_t w : d.words) s << ' ' << w;
  s << "\nsentences";
  for (const Sentence& x : d.sentences)
    s << ' ' << x.start << '-' << x.end << ':' << x.first_word << '-' << x.end_word << '@'
      << x.paragraph;
  auto span = [&](const char* name, Span x) {
    s << '\n' << name << ' ' << x.start << '-' << x.end;
  };
  span("handles", d.handles);
  span("greeting", d.greeting);
  span("signoff", d.signoff);
  span("greeting_name", d.greeting_name_span);
  s << "\ngreeting_name " << d.greeting_name << "\nbody " << d.body_first_sentence << "\nquoted";
  for (const Span& q : d.quoted) s << ' ' << q.start << '-' << q.end;
  for (uint32_t r : d.quoted_reach) s << ' ' << r;
  return s.str();
}

// Where `a` and `b` first differ, with some text around it.
std::string FirstDifference(const std::string& a, const std::string& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  size_t from = i < 60 ? 0 : i - 60;
  return "at byte " + std::to_string(i) + ":\n  cached: " + a.substr(from, 120) +
         "\n  fresh:  " + b.substr(from, 120);
}

// Edits as a person makes them, and some a person rarely does: a
// character typed or deleted, a phrase rules look for, a line break or a
// blank line, quotes, a greeting or a sign-off, non-ASCII text (which
// sends a line to ICU), a byte-order mark in mid-text, a line moved or
// doubled, a stretch cut.
const std::vector<std::string> kSnippets = {
    "a",
    "e",
    " ",
    ".",
    ",",
    "?",
    "!",
    "\n",
    "\n\n",
    "\r\n",
    "\"",
    "> ",
    "I ",
    "then ",
    "sorry ",
    "Sorry",
    "per our policy, ",
    "We apologize for any inconvenience. ",
    "for any inconvenience this may have caused",
    "calm down",
    "CALM DOWN ",
    "unfortunately ",
    "Hi Mary,\n",
    "Dear valued customer,\n\n",
    "Best,\nSam\n",
    "\n^JB",
    "-Mike",
    "@acme ",
    "Thanks! ",
    "I'm sorry, that was our mistake. I've refunded it. ",
    "Zo\xC3\xAB",
    "\xF0\x9F\x98\x94",
    "\xE2\x80\x99",
    "\xE2\x80\x94",
    "\xC2\xA0",
    "\xE5\xAF\xB9\xE4\xB8\x8D\xE8\xB5\xB7",
    "\xEF\xBB\xBF",
    "e\xCC\x81",
    "\"we value you\" ",
    "```\ncode sorry\n```\n",
    "`per our policy`",
    "<!-- sorry -->",
    "[link](http://x.y/sorry)",
    "http://example.com/a?b=c ",
    "#1234 ",
    "U.S.A. ",
    "etc. and ",
    "3.5 ",
    "...",
};

// A byte offset of `text` that does not fall inside a UTF-8 sequence.
size_t Boundary(const std::string& text, size_t at) {
  at = std::min(at, text.size());
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

void Edit(std::string* text, std::mt19937* rnd, const std::string& base) {
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(*rnd); };
  auto at = [&] { return Boundary(*text, pick(text->size() + 1)); };
  // Line starts, for the edits that move whole lines.
  auto line_start = [&](size_t p) {
    size_t nl = p == 0 ? std::string::npos : text->rfind('\n', p - 1);
    return nl == std::string::npos ? size_t{0} : nl + 1;
  };
  auto line_end = [&](size_t p) {
    size_t nl = text->find('\n', p);
    return nl == std::string::npos ? text->size() : nl + 1;
  };
  switch (pick(20)) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 6: {  // type a snippet
      text->insert(at(), kSnippets[pick(kSnippets.size())]);
      break;
    }
    case 7:
    case 8:
    case 9:
    case 10:
    case 11: {  // delete a character or a few
      if (text->empty()) break;
      size_t a = at(), b = Boundary(*text, a + 1 + pick(pick(4) == 0 ? 40 : 3));
      if (b <= a) b = Boundary(*text, a + 4);
      text->erase(a, b - a);
      break;
    }
    case 12: {  // a line doubled
      size_t a = line_start(at()), b = line_end(a);
      text->insert(b, text->substr(a, b - a));
      break;
    }
    case 13: {  // a line moved elsewhere
      size_t a = line_start(at()), b = line_end(a);
      std::string line = text->substr(a, b - a);
      text->erase(a, b - a);
      text->insert(line_start(at()), line);
      break;
    }
    case 14: {  // a line cut
      size_t a = line_start(at()), b = line_end(a);
      text->erase(a, b - a);
      break;
    }
    case 15: {  // a letter changed, or its case: the words move nowhere
      if (text->empty()) break;
      size_t a = at();
      if (a >= text->size() || !std::isalpha(static_cast<unsigned char>((*text)[a]))) break;
      if (pick(2)) (*text)[a] ^= 0x20;
      else (*text)[a] = "aeiostnrylp"[pick(11)];
      break;
    }
    case 16: {  // a stretch of the starting text pasted
      size_t a = Boundary(base, pick(base.size() + 1));
      size_t b = Boundary(base, a + pick(300));
      text->insert(at(), base.substr(a, b - a));
      break;
    }
    case 17: {  // a stretch replaced
      if (text->empty()) break;
      size_t a = at(), b = Boundary(*text, a + pick(30));
      text->replace(a, b - a, kSnippets[pick(kSnippets.size())]);
      break;
    }
    case 18: {  // the text's start or end edited (greeting, handles, sign-off)
      if (pick(2)) text->insert(0, kSnippets[pick(kSnippets.size())]);
      else text->append(kSnippets[pick(kSnippets.size())]);
      break;
    }
    default: {  // back to the starting text now and then, as undo does
      if (pick(4) == 0 || text->size() > base.size() + 4000) *text = base;
      break;
    }
  }
}

struct SessionStats {
  size_t analyses = 0;
  size_t lines_reused = 0, sentences_reused = 0;
};

// Edits `start` `edits` times, analysing each version with the cache and
// afresh; fails at the first version where they differ.
void Session(const Analyzer& analyzer, const std::string& name, const std::string& start,
             DocumentKind kind, uint32_t seed, int edits, SessionStats* stats) {
  std::mt19937 rnd(seed);
  AnalysisCache cache;
  Analysis cached;  // reused from version to version, as the server's thread does
  std::string text = start;
  for (int e = 0; e <= edits; ++e) {
    if (e > 0) Edit(&text, &rnd, start);
    DocumentText document;
    Request request;
    std::string error;
    if (!document.Prepare(kind, text, &request, &error)) continue;
    if (IsBlank(request.text.substr(std::min<size_t>(request.begin, request.text.size()))))
      continue;
    request.keep_findings = seed % 2 ? 50 : 0;
    analyzer.Analyze(request, &cached, &cache);
    const Analysis fresh = analyzer.Analyze(request);
    std::string got, want;
    AppendChecklistJson(analyzer, cached, &got);
    AppendChecklistJson(analyzer, fresh, &want);
    INFO(name << " (" << KindName(kind) << ", seed " << seed << "), after edit " << e
              << " of the text:\n"
              << text);
    if (got != want) FAIL("the checklist differs " << FirstDifference(got, want));
    std::string got_doc = Describe(cached.draft), want_doc = Describe(fresh.draft);
    if (got_doc != want_doc)
      FAIL("the segmented draft differs " << FirstDifference(got_doc, want_doc));
    // What an editor is sent: the same diagnostics.
    LineIndex index(text);
    auto diagnostics = [&](const Analysis& a) {
      return PublishDiagnosticsJson("file:///d", e, CollectDiagnostics(a, document, {}, 50), index,
                                    PositionEncoding::kUtf16);
    };
    if (diagnostics(cached) != diagnostics(fresh)) FAIL("the diagnostics differ");
    ++stats->analyses;
    if (e > 0) {
      stats->lines_reused += cache.breaks().last_reused();
      stats->sentences_reused += cache.phrases().last_reused();
    }
  }
}

const std::string kMarkdown =
    "---\ntitle: reply\n---\n# Re: your order\n\nHi Mary,\n\nSorry for the delay. "
    "Per our policy, refunds take `5 days`.\n\n```\nsorry sorry\n```\n\n"
    "> We apologize for any inconvenience.\n\nSee [the page](https://x.y/policy) "
    "<!-- calm down -->for more.\n\nBest,\nSam\n";

}  // namespace

TEST_CASE("lsp: edit after edit, the cached analysis is a fresh one", "[lsp][incremental]") {
  const Analyzer& analyzer = testing::BuiltInAnalyzer();
  const fs::path root = AMENDS_SOURCE_DIR;
  SessionStats stats;
  std::string all;
  uint32_t seed = 1;
  for (const std::string& file : Files(root / "corpora" / "drafts", ".txt")) {
    std::string draft = testing::ReadFile(file);
    all += draft + "\n\n";
    Session(analyzer, file, draft, DocumentKind::kText, seed++, 120, &stats);
  }
  // A longer document: the drafts one after another, a few times.
  Session(analyzer, "drafts", all + all + all, DocumentKind::kText, seed++, 300, &stats);
  Session(analyzer, "drafts", all + all, DocumentKind::kText, seed++, 200, &stats);
  Session(analyzer, "markdown", kMarkdown + all, DocumentKind::kMarkdown, seed++, 200, &stats);
  for (const char* eml : {"plain.eml", "crlf.eml", "outlook.eml", "qp.eml", "flowed.eml"})
    Session(analyzer, eml, testing::ReadFile((root / "corpora" / "email" / eml).string()),
            DocumentKind::kMail, seed++, 60, &stats);
  // A sentence after the leading @handles, and the same sentence where it
  // follows none: a pattern that opens a sentence starts past the handles
  // in the first only.
  const std::string handles = "@acme_fan Things happen.\n\n@acme_fan Things happen.\n";
  Session(analyzer, "handles", handles + handles, DocumentKind::kText, seed++, 40, &stats);
  // The cache was used, not merely consulted: most lines and sentences of
  // an edited version are the last version's.
  CHECK(stats.analyses > 1500);
  CHECK(stats.lines_reused > 20 * stats.analyses);
  CHECK(stats.sentences_reused > 20 * stats.analyses);
}

TEST_CASE("lsp: the cached analysis follows a change of analyzer", "[lsp][incremental]") {
  const Analyzer& built_in = testing::BuiltInAnalyzer();
  std::vector<LexiconFile> files = EmbeddedLexiconFiles();
  files.push_back({"team.rules",
                   "rule team.sorry_for_wait\n"
                   "  tag: apology\n"
                   "  match: sorry for the (long|endless) wait\n"
                   "  fire: We're sorry for the long wait.\n"
                   "  pass: Thanks for waiting.\n"});
  std::string error;
  auto team = Analyzer::Load(files, &error, EmbeddedLexiconImage());
  REQUIRE(team);
  const std::string text = "Hi Mary,\n\nWe're sorry for the long wait. It ships today.\n";
  Request request;
  request.text = text;
  AnalysisCache cache;
  Analysis a;
  const Analyzer* team_analyzer = team.get();
  for (const Analyzer* analyzer : {&built_in, team_analyzer, &built_in}) {
    analyzer->Analyze(request, &a, &cache);
    std::string got, want;
    AppendChecklistJson(*analyzer, a, &got);
    AppendChecklistJson(*analyzer, analyzer->Analyze(request), &want);
    CHECK(got == want);
  }
}

TEST_CASE("lsp: edit after edit over real replies, the cached analysis is a fresh one",
          "[lsp][incremental][shared]") {
  const fs::path corpora = fs::path(AMENDS_SOURCE_DIR) / ".." / "shared" / "corpora";
  REQUIRE(fs::is_directory(corpora));
  const Analyzer& analyzer = testing::BuiltInAnalyzer();
  // Documents of 30 replies each, joined by blank lines, as a long thread
  // of answers would be.
  std::vector<std::string> documents(1);
  for (const char* file : {"dev/replies.jsonl", "pool/replies.jsonl"}) {
    std::ifstream in(corpora / file);
    REQUIRE(in);
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) continue;
      documents.back() += record["text"].get<std::string>() + "\n\n";
      if (++n % 30 == 0) documents.emplace_back();
    }
  }
  SessionStats stats;
  uint32_t seed = 100;
  for (size_t i = 0; i < documents.size(); i += 3)  // every third: about 25 documents
    Session(analyzer, "shared document " + std::to_string(i), documents[i], DocumentKind::kText,
            seed++, 60, &stats);
  CHECK(stats.analyses > 1000);
  CHECK(stats.sentences_reused > 20 * stats.analyses);
}
