#include "analyzer/analyzer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "input/source.h"
#include "util/utf8.h"

namespace amends {
namespace {

Segmenter& ThreadSegmenter() {
  thread_local Segmenter segmenter;
  return segmenter;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
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
    if (entry.is_regular_file() && (name == "checks.def" || EndsWith(name, ".rules")))
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

std::unique_ptr<Analyzer> Analyzer::Load(const std::vector<LexiconFile>& files,
                                         std::string* error) {
  std::unique_ptr<Analyzer> a(new Analyzer());
  std::vector<BlockFile> rule_files;
  bool have_checks = false;
  for (const LexiconFile& f : files) {
    // Every later stage (folding, matching, the JSON report) assumes
    // well-formed UTF-8; a team's file is checked here, with its location.
    if (FindInvalidUtf8(f.content) != kValidUtf8) {
      Source source{f.name, f.content};
      ValidateSource(&source, error);
      return nullptr;
    }
    if (EndsWith(f.name, ".list")) {
      if (EndsWith(f.name, "first-names.list")) a->names_.first_names.AddList(f.content);
      else if (EndsWith(f.name, "name-words.list")) a->names_.name_words.AddList(f.content);
      else {
        *error = f.name + ": unknown list (expected first-names.list or name-words.list)";
        return nullptr;
      }
      continue;
    }
    BlockFile parsed;
    if (!ParseBlockFile(f.name, f.content, &parsed, error)) return nullptr;
    if (EndsWith(f.name, "checks.def")) {
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
  a->matcher_ = std::make_unique<Matcher>(a->lexicon_);
  if (!a->matcher_->error().empty()) {
    *error = a->matcher_->error();
    return nullptr;
  }
  return a;
}

std::vector<Hit> Analyzer::Hits(std::string_view text, RuleScope scope) const {
  Document doc = ThreadSegmenter().Segment(text, 0);
  return matcher_->Match(doc, scope);
}

Analysis Analyzer::Analyze(const Request& request) const {
  Analysis a;
  Segmenter& segmenter = ThreadSegmenter();
  a.draft = segmenter.Segment(request.text, request.begin);
  RecogniseLowercaseGreetingName(names_, &a.draft);
  std::vector<Hit> hits = matcher_->Match(a.draft, RuleScope::kDraft);
  std::optional<Document> customer;
  std::vector<Hit> customer_hits;
  if (request.customer_message) {
    customer = segmenter.Segment(*request.customer_message, 0);
    customer_hits = matcher_->Match(*customer, RuleScope::kCustomer);
  }
  a.customer = ParseCustomerName(request.customer_name);
  a.situation = DecideSituation(checks_, a.draft, hits, customer ? &*customer : nullptr,
                                customer_hits, request.force_recovery);
  a.checklist =
      EvaluateChecks(checks_, lexicon_, a.draft, hits, a.situation, a.customer, names_);
  a.ready_to_send = std::none_of(a.checklist.begin(), a.checklist.end(),
                                 [](const CheckResult& r) { return r.status == Status::kFix; });
  return a;
}

int RunRuleExamples(const Analyzer& analyzer, std::vector<std::string>* failures) {
  int ok = 0;
  const auto& rules = analyzer.lexicon().rules;
  for (uint32_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    auto hits_rule = [&](const std::string& text) {
      auto hits = analyzer.Hits(text, rule.scope);
      return std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.rule == r; });
    };
    for (const RuleExample& e : rule.fire) {
      if (hits_rule(e.text)) ++ok;
      else failures->push_back(rule.file + ":" + std::to_string(e.line) + ": rule " + rule.id +
                               ": does not fire on: " + e.text);
    }
    for (const RuleExample& e : rule.pass) {
      if (!hits_rule(e.text)) ++ok;
      else failures->push_back(rule.file + ":" + std::to_string(e.line) + ": rule " + rule.id +
                               ": fires on: " + e.text);
    }
  }
  return ok;
}

}  // namespace amends
