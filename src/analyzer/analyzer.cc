#include "analyzer/analyzer.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "input/source.h"
#include "util/binary_io.h"
#include "util/utf8.h"

namespace amends {
namespace {

Segmenter& ThreadSegmenter() {
  thread_local Segmenter segmenter;
  return segmenter;
}

// An image starts with this, then the format version, the number of files
// it was made from and their hash.
constexpr std::string_view kImageMagic = "amends-lexicon-image";
constexpr uint32_t kImageVersion = 6;  // 6: the matcher's phrase index is saved

// Identifies the files an image was made from (names and contents): not
// cryptographic, only to tell a stale image from a current one. A team's
// folder is hashed at every start-up (the built-in pair is trusted, see
// ImageCheck), so the bytes go through four independent multiply-xorshift
// lanes, 32 bytes a round, which a CPU runs side by side.
uint64_t HashFiles(const std::vector<LexiconFile>& files, size_t count) {
  uint64_t lanes[4] = {0x9E3779B97F4A7C15ull ^ count, 0xC2B2AE3D27D4EB4Full, 0x165667B19E3779F9ull,
                       0xD6E8FEB86659FD93ull};
  auto mix = [](uint64_t h, uint64_t v) {
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
  };
  auto add = [&](std::string_view s) {
    lanes[0] = mix(lanes[0], s.size());
    size_t i = 0;
    for (; i + 32 <= s.size(); i += 32) {
      uint64_t v[4];
      std::memcpy(v, s.data() + i, 32);
      for (int k = 0; k < 4; ++k) lanes[k] = mix(lanes[k], v[k]);
    }
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t v;
      std::memcpy(&v, s.data() + i, 8);
      lanes[0] = mix(lanes[0], v);
    }
    uint64_t tail = 0;
    if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
    lanes[0] = mix(lanes[0], tail);
  };
  for (size_t i = 0; i < count; ++i) {
    add(files[i].name);
    add(files[i].content);
  }
  return mix(mix(mix(lanes[0], lanes[1]), lanes[2]), lanes[3]);
}

}  // namespace

bool ReadLexiconDir(const std::string& dir, std::vector<LexiconFile>* out, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *error = dir + ": not a lexicon folder";
    return false;
  }
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() &&
        (name == "checks.def" || name.ends_with(".rules") || IsMacroFile(name)))
      paths.push_back(entry.path());
  }
  if (ec) {
    *error = dir + ": " + ec.message();
    return false;
  }
  fs::path names = fs::path(dir) / "names";
  if (fs::is_directory(names, ec)) {
    for (const auto& entry : fs::directory_iterator(names, ec))
      if (entry.is_regular_file() && entry.path().extension() == ".list")
        paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
      *error = p.string() + ": cannot read";
      return false;
    }
    out->push_back({p.string(), content.str()});
  }
  return true;
}

uint64_t Analyzer::NextSerial() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

std::unique_ptr<Analyzer> Analyzer::Load(const std::vector<LexiconFile>& files, std::string* error,
                                         std::string_view image, bool rule_examples,
                                         ImageCheck image_check) {
  std::unique_ptr<Analyzer> a(new Analyzer());
  std::vector<BlockFile> rule_files;
  bool have_checks = false;
  size_t first = 0;                        // the first file to compile
  std::unique_ptr<Matcher> saved_matcher;  // the image's, when no file follows it
  if (!image.empty()) {
    BinaryReader in(image);
    size_t count = 0;
    if (in.Str() == kImageMagic && in.U32() == kImageVersion) {
      count = in.U64();
      const uint64_t hash = in.U64();
      if (!in.ok() || count > files.size() ||
          (image_check == ImageCheck::kHash && hash != HashFiles(files, count)))
        count = 0;
    }
    if (count > 0 && ReadLexicon(&in, &a->lexicon_, /*in_place=*/true, rule_examples) &&
        a->names_.first_names.Load(&in, /*in_place=*/true) &&
        a->names_.name_words.Load(&in, /*in_place=*/true)) {
      // The matcher's phrase index comes last; it fits only when no file
      // after the image adds rules to the lexicon.
      if (count == files.size()) {
        saved_matcher = Matcher::Load(a->lexicon_, &in);
        if (!saved_matcher || !in.at_end()) saved_matcher.reset();
      }
      // Made from these very files, so they compiled then: only the
      // checks are still to parse.
      for (size_t i = 0; i < count; ++i) {
        if (!files[i].name.ends_with("checks.def")) continue;
        BlockFile parsed;
        if (!ParseBlockFile(files[i].name, files[i].content, &parsed, error) ||
            !ParseCheckSet(parsed, &a->checks_, error))
          return nullptr;
        have_checks = true;
      }
      first = count;
      a->from_image_ = true;
      a->has_rule_examples_ = rule_examples;
    } else {
      a.reset(new Analyzer());  // a stale or foreign image: compile everything
    }
  }
  for (size_t i = first; i < files.size(); ++i) {
    const LexiconFile& f = files[i];
    // Every later stage (folding, matching, the JSON report) assumes
    // well-formed UTF-8; a team's file is checked here, with its location.
    if (FindInvalidUtf8(f.content) != kValidUtf8) {
      Source source{f.name, std::string(f.content.view())};
      ValidateSource(&source, error);
      return nullptr;
    }
    if (f.name.ends_with(".list")) {
      if (f.name.ends_with("first-names.list")) a->names_.first_names.AddList(f.content);
      else if (f.name.ends_with("name-words.list")) a->names_.name_words.AddList(f.content);
      else {
        *error = f.name + ": unknown list (expected first-names.list or name-words.list)";
        return nullptr;
      }
      continue;
    }
    BlockFile parsed;
    if (!ParseBlockFile(f.name, f.content, &parsed, error)) return nullptr;
    if (f.name.ends_with("checks.def")) {
      if (have_checks) {
        *error = f.name + ": a second checks.def";
        return nullptr;
      }
      have_checks = true;
      if (!ParseCheckSet(parsed, &a->checks_, error)) return nullptr;
    } else {
      rule_files.push_back(std::move(parsed));
    }
  }
  if (!have_checks) {
    *error = "no checks.def among the lexicon files";
    return nullptr;
  }
  if (!LoadRules(rule_files, a->checks_.tags, &a->lexicon_, error)) return nullptr;
  a->matcher_from_image_ = saved_matcher != nullptr;
  a->matcher_ = saved_matcher ? std::move(saved_matcher) : std::make_unique<Matcher>(a->lexicon_);
  if (!a->matcher_->error().empty()) {
    *error = a->matcher_->error();
    return nullptr;
  }
  return a;
}

bool WriteLexiconImage(const std::vector<LexiconFile>& files, std::string* image,
                       std::string* error) {
  auto analyzer = Analyzer::Load(files, error);
  if (!analyzer) return false;
  image->clear();
  BinaryWriter out(image);
  out.Str(kImageMagic);
  out.U32(kImageVersion);
  out.U64(files.size());
  out.U64(HashFiles(files, files.size()));
  WriteLexicon(analyzer->lexicon(), &out);
  analyzer->names().first_names.Save(&out);
  analyzer->names().name_words.Save(&out);
  analyzer->matcher().Save(&out);
  return true;
}

std::vector<Hit> Analyzer::Hits(std::string_view text, RuleScope scope) const {
  // As Analyze cuts a draft and a customer's message.
  Segmenter& segmenter = ThreadSegmenter();
  Document doc =
      scope == RuleScope::kCustomer ? segmenter.SegmentPlain(text) : segmenter.Segment(text);
  return matcher_->Match(doc, scope);
}

namespace {
// A draft in another language: every check n/a, nothing found. (The
// situation stands: with no draft hits it comes from the customer's
// message or --situation alone.)
void MarkNotChecked(Analysis* a) {
  for (CheckResult& r : a->checklist) {
    r.status = Status::kNotApplicable;
    r.findings.clear();
    r.left_out = 0;
  }
}
}  // namespace

Analysis Analyzer::Analyze(const Request& request) const {
  Analysis a;
  Analyze(request, &a);
  return a;
}

AnalysisCache::AnalysisCache() = default;
AnalysisCache::~AnalysisCache() = default;

void Analyzer::Analyze(const Request& request, Analysis* out) const {
  Analyze(request, out, nullptr);
}

void Analyzer::Analyze(const Request& request, Analysis* out, AnalysisCache* cache) const {
  Analysis& a = *out;
  if (cache && cache->serial_ != serial_) {
    // Filled by another analyzer's rules, or before Configure or Select
    // (the breaks depend on the text alone).
    cache->phrases_.Clear();
    cache->serial_ = serial_;
  }
  a.out_of_time = false;
  // Hits, and the customer's message (only read here), are kept per
  // thread with their storage.
  thread_local std::vector<Hit> hits, customer_hits;
  thread_local Document customer;
  // The deadline, looked at after each stage: one clock read, cheap next
  // to any stage's work.
  auto late = [&] {
    if (!request.deadline || std::chrono::steady_clock::now() < *request.deadline) return false;
    a.out_of_time = true;
    a.checklist.clear();
    a.situation = Situation();
    a.ready_to_send = false;
    if (customer.Large()) customer = Document();
    return true;
  };
  Segmenter& segmenter = ThreadSegmenter();
  if (cache) segmenter.Segment(request.text, request.begin, &a.draft, &cache->breaks_);
  else segmenter.Segment(request.text, request.begin, &a.draft);
  RecogniseLowercaseGreetingName(names_, &a.draft);
  if (late()) return;
  a.language = request.assume_english ? LanguageGuess()
                                      : GuessLanguage(request.text.substr(
                                            std::min<size_t>(request.begin, request.text.size())));
  if (a.language.english)
    matcher_->Match(a.draft, RuleScope::kDraft, &hits, cache ? &cache->phrases_ : nullptr);
  else hits.clear();  // English rules say nothing true about another language
  if (late()) return;
  customer_hits.clear();
  if (request.customer_message) {
    segmenter.SegmentPlain(*request.customer_message, 0, &customer);
    if (late()) return;
    matcher_->Match(customer, RuleScope::kCustomer, &customer_hits);
    if (late()) return;
  }
  a.customer = ParseCustomerName(request.customer_name);
  a.situation =
      DecideSituation(checks_, a.draft, hits, request.customer_message ? &customer : nullptr,
                      customer_hits, request.force_recovery, request.keep_findings);
  EvaluateChecks(checks_, lexicon_, a.draft, hits, a.situation, a.customer, names_, &a.checklist,
                 request.keep_findings);
  if (late()) return;
  AttachReplacements(lexicon_, request.text, &a.checklist);
  if (customer.Large()) customer = Document();
  if (!a.language.english) MarkNotChecked(&a);
  a.ready_to_send = std::none_of(a.checklist.begin(), a.checklist.end(),
                                 [](const CheckResult& r) { return r.status == Status::kFix; });
}

void AttachReplacements(const Lexicon& lexicon, std::string_view text,
                        std::vector<CheckResult>* checklist) {
  std::vector<uint32_t> newlines;  // found once, when a finding needs them
  bool newlines_found = false;
  for (CheckResult& r : *checklist) {
    if (r.status != Status::kFix && r.status != Status::kConsider) continue;
    for (Finding& f : r.findings) {
      if (f.rule < 0) continue;
      const Rule& rule = lexicon.rules[static_cast<size_t>(f.rule)];
      if (rule.replacements.empty()) continue;
      if (!newlines_found) {
        newlines = NewlinesOf(text);
        newlines_found = true;
      }
      if (auto edit = ReplacementAt(rule.replacements, text, newlines, f.span.start, f.span.end)) {
        f.span = Span{edit->start, edit->end};
        f.replacement = r.Keep(std::move(edit->text));
      }
    }
  }
}

int RunRuleExamples(const Analyzer& analyzer, std::vector<std::string>* failures) {
  int ok = 0;
  if (!analyzer.has_rule_examples()) {
    failures->push_back("amends: the rules were loaded without their examples");
    return ok;
  }
  const auto& rules = analyzer.lexicon().rules;
  for (uint32_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    auto hits_rule = [&](const std::string& text) {
      auto hits = analyzer.Hits(text, rule.scope);
      return std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.rule == r; });
    };
    for (const RuleExample& e : rule.fire) {
      if (hits_rule(e.text)) ++ok;
      else
        failures->push_back(rule.file + ":" + std::to_string(e.line) + ": rule " + rule.id +
                            ": does not fire on: " + e.text);
    }
    for (const RuleExample& e : rule.pass) {
      if (!hits_rule(e.text)) ++ok;
      else
        failures->push_back(rule.file + ":" + std::to_string(e.line) + ": rule " + rule.id +
                            ": fires on: " + e.text);
    }
    for (const FixExample& e : rule.fixes) {
      std::string got = "(no replacement)";
      for (const Hit& h : analyzer.Hits(e.before, rule.scope)) {
        if (h.rule != r) continue;
        if (auto edit = ReplacementAt(rule.replacements, e.before, h.span.start, h.span.end)) {
          got = ApplyEdit(e.before, *edit);
          break;
        }
      }
      if (got == e.after) ++ok;
      else
        failures->push_back(rule.file + ":" + std::to_string(e.line) + ": rule " + rule.id +
                            ": fixes '" + e.before + "' as '" + got + "', not '" + e.after + "'");
    }
  }
  return ok;
}

}  // namespace amends
