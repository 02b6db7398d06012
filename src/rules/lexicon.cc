#include "rules/lexicon.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/diagnostic.h"

namespace amends {
namespace {

constexpr int kMaxErrors = 20;
// Memory budget per compiled regex, so a team's pattern cannot blow up.
constexpr int64_t kRegexMaxMem = 2 << 20;

const std::vector<std::string> kRuleFields = {
    "tag",     "kind",    "match",   "unless", "text", "needs", "case", "sentence",
    "applies", "message", "suggest", "fire",   "pass", "replace", "fixes"};

// The folder part of a lexicon file's name ("lexicons/en" of
// "lexicons/en/apology.rules"); "" for a bare name.
std::string Folder(const std::string& name) {
  size_t slash = name.rfind('/');
  return slash == std::string::npos ? std::string() : name.substr(0, slash);
}

class RuleCompiler {
 public:
  RuleCompiler(const std::vector<std::string>& tags, Lexicon* out) : tags_(tags), out_(out) {
    for (const Rule& r : out->rules) seen_.emplace(r.id, r.file + ":" + std::to_string(r.line));
  }

  // Macro files first: their defines are shared by every rule file of
  // their folder. A rule file's own defines end with it.
  void CompileFiles(const std::vector<BlockFile>& files) {
    for (const BlockFile& file : files) {
      if (!IsMacroFile(file.name)) continue;
      PhraseSet::Macros& shared = shared_[Folder(file.name)];
      out_->phrases.SetMacros(shared);
      for (const Block& b : file.blocks) {
        if (b.keyword == "define") CompileDefine(file, b);
        else Error(file.Error(b.line, 1, "a macro file holds only 'define' blocks"));
      }
      shared = out_->phrases.macros();
    }
    for (const BlockFile& file : files) {
      if (IsMacroFile(file.name)) continue;
      out_->phrases.SetMacros(shared_[Folder(file.name)]);
      for (const Block& b : file.blocks) {
        if (b.keyword == "define") {
          CompileDefine(file, b);
        } else if (b.keyword == "rule") {
          CompileRule(file, b);
        } else {
          Error(file.Error(b.line, 1, "unknown block '" + b.keyword + "'" +
                                          DidYouMean(b.keyword, {"rule", "define"})));
        }
      }
    }
    out_->phrases.SetMacros({});
  }

  bool ok() const { return errors_.empty(); }
  std::string errors() const {
    std::string out;
    for (size_t i = 0; i < errors_.size(); ++i) out += (i ? "\n" : "") + errors_[i];
    if (dropped_) out += "\n(" + std::to_string(dropped_) + " more errors)";
    return out;
  }

 private:
  void Error(std::string message) {
    if (static_cast<int>(errors_.size()) < kMaxErrors) errors_.push_back(std::move(message));
    else ++dropped_;
  }

  void CompileDefine(const BlockFile& file, const Block& b) {
    if (b.arg.empty() || b.arg.find_first_of(" \t@") != std::string::npos) {
      Error(file.Error(b.line, b.arg_column, "a macro name is one word"));
      return;
    }
    if (b.value.empty()) {
      auto [line, column] = b.LocateValue(0);
      Error(file.Error(line, column, "'define " + b.arg + "' needs a pattern or a list"));
      return;
    }
    std::string err;
    size_t at = 0;
    if (!out_->phrases.DefineMacro(b.arg, b.value, &err, &at)) {
      auto [line, column] = b.LocateValue(at);
      Error(file.Error(line, column, err));
    }
  }

  // A regex's continuation lines are joined with nothing between them: a
  // space would be part of the pattern. (Phrases join them with a space.)
  // A list ("- item" lines) is already one group, "(a|b)".
  static std::string RegexText(const BlockField& f) {
    if (f.list) return f.value;
    std::string text;
    for (size_t k = 0; k < f.pieces.size(); ++k) {
      size_t from = f.pieces[k].offset;
      size_t to = k + 1 < f.pieces.size() ? f.pieces[k + 1].offset - 1 : f.value.size();
      text.append(f.value, from, to - from);
    }
    return text;
  }

  std::unique_ptr<RE2> CompileRegex(const BlockFile& file, const BlockField& f) {
    auto re = CompileRuleRegex(RegexText(f));
    if (!re->ok()) {
      auto [line, column] = f.Locate(0);
      Error(file.Error(line, column, "bad regex: " + re->error()));
      return nullptr;
    }
    return re;
  }

  void CompileRule(const BlockFile& file, const Block& b) {
    Rule r;
    r.id = b.arg;
    r.file = file.name;
    r.line = b.line;
    if (r.id.empty() || r.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") !=
                            std::string::npos) {
      Error(file.Error(b.line, b.arg_column ? b.arg_column : 1,
                       "a rule needs an id of lower-case letters, digits, '.', '_' or '-'"));
      return;
    }
    auto [it, inserted] = seen_.emplace(r.id, file.name + ":" + std::to_string(b.line));
    if (!inserted) {
      Error(file.Error(b.line, b.arg_column,
                       "duplicate rule id '" + r.id + "' (first defined at " + it->second + ")"));
      return;
    }
    size_t errors_before = errors_.size() + dropped_;
    for (const BlockField& f : b.fields) {
      if (std::find(kRuleFields.begin(), kRuleFields.end(), f.key) == kRuleFields.end())
        Error(file.Error(f.line, f.value_column - static_cast<int>(f.key.size()) - 2 > 0
                                     ? f.value_column - static_cast<int>(f.key.size()) - 2
                                     : 1,
                         "unknown field '" + f.key + "'" + DidYouMean(f.key, kRuleFields)));
    }
    for (const BlockField& f : b.fields) {
      if (f.list && f.key != "match" && f.key != "unless")
        Error(file.Error(f.line, 1, "a '- item' list is only for patterns ('match', 'unless', "
                                    "'define'); write '" + f.key + "' on one line"));
    }
    auto single = [&](const char* key) -> const BlockField* {
      auto all = b.All(key);
      if (all.size() > 1) Error(file.Error(all[1]->line, 1, std::string("'") + key + "' given twice"));
      return all.empty() ? nullptr : all[0];
    };
    if (const BlockField* f = single("kind")) {
      if (f->value == "phrase") r.kind = RuleKind::kPhrase;
      else if (f->value == "regex") r.kind = RuleKind::kRegex;
      else Error(file.Error(f->line, f->value_column, "kind must be 'phrase' or 'regex'"));
    }
    if (const BlockField* f = single("applies")) {
      if (f->value == "draft") r.scope = RuleScope::kDraft;
      else if (f->value == "customer") r.scope = RuleScope::kCustomer;
      else Error(file.Error(f->line, f->value_column, "applies must be 'draft' or 'customer'"));
    }
    if (const BlockField* f = single("text")) {
      if (r.kind != RuleKind::kRegex)
        Error(file.Error(f->line, 1, "'text' applies to regex rules only"));
      else if (f->value == "original") r.regex_on_original = true;
      else if (f->value != "folded")
        Error(file.Error(f->line, f->value_column, "text must be 'folded' or 'original'"));
    }
    for (const BlockField* f : b.All("needs")) {
      if (r.kind != RuleKind::kRegex)
        Error(file.Error(f->line, 1, "'needs' applies to regex rules only"));
      else if (f->value.empty())
        Error(file.Error(f->line, f->value_column, "'needs' names a string every match may hold"));
      else r.regex_needs.push_back(f->value);
    }
    if (const BlockField* f = single("case")) {
      if (r.kind != RuleKind::kPhrase)
        Error(file.Error(f->line, 1, "'case' applies to phrase rules only (a regex says it itself)"));
      else if (f->value == "upper") r.upper_case = true;
      else if (f->value != "any")
        Error(file.Error(f->line, f->value_column, "case must be 'any' or 'upper'"));
    }
    if (const BlockField* f = single("sentence")) {
      if (r.kind != RuleKind::kPhrase)
        Error(file.Error(f->line, 1, "'sentence' applies to phrase rules only"));
      else if (f->value == "question") r.in_question = true;
      else if (f->value != "any")
        Error(file.Error(f->line, f->value_column, "sentence must be 'any' or 'question'"));
    }
    if (const BlockField* f = single("tag")) {
      auto t = std::find(tags_.begin(), tags_.end(), f->value);
      if (t == tags_.end())
        Error(file.Error(f->line, f->value_column,
                         "unknown tag '" + f->value + "'" + DidYouMean(f->value, tags_)));
      else r.tag = static_cast<int>(t - tags_.begin());
    } else {
      Error(file.Error(b.line, 1, "rule '" + r.id + "' has no 'tag'"));
    }
    if (const BlockField* f = single("message")) r.message = f->value;
    if (const BlockField* f = single("suggest")) r.suggestion = f->value;

    for (const char* key : {"match", "unless"}) {
      bool is_match = key[0] == 'm';
      for (const BlockField* f : b.All(key)) {
        if (f->value.empty()) {
          Error(file.Error(f->line, f->value_column, std::string("empty '") + key + "'"));
          continue;
        }
        if (r.kind == RuleKind::kPhrase) {
          std::string err;
          size_t at = 0;
          int64_t p = out_->phrases.Add(f->value, &err, &at);
          if (p < 0) {
            auto [line, column] = f->Locate(at);
            Error(file.Error(line, column, err));
            continue;
          }
          (is_match ? r.phrases : r.phrase_unless).push_back(static_cast<uint32_t>(p));
        } else if (auto re = CompileRegex(file, *f)) {
          (is_match ? r.regexes : r.regex_unless)
              .push_back(std::make_unique<RuleRegex>(std::move(re)));
        }
      }
    }
    if (b.All("match").empty()) Error(file.Error(b.line, 1, "rule '" + r.id + "' has no 'match'"));
    for (const BlockField* f : b.All("fire")) r.fire.push_back({f->value, f->line});
    for (const BlockField* f : b.All("pass")) r.pass.push_back({f->value, f->line});
    for (const BlockField* f : b.All("replace")) {
      LiteralReplacement rep;
      std::string err;
      if (!ParseReplacement(f->value, &rep, &err)) {
        Error(file.Error(f->line, f->value_column, err));
        continue;
      }
      rep.line = f->line;
      r.replacements.push_back(std::move(rep));
    }
    for (const BlockField* f : b.All("fixes")) {
      size_t arrow = f->value.find(" => ");
      if (arrow == std::string::npos) {
        Error(file.Error(f->line, f->value_column,
                         "a 'fixes' example is 'TEXT => TEXT WITH THE REPLACEMENT APPLIED'"));
        continue;
      }
      r.fixes.push_back({f->value.substr(0, arrow), f->value.substr(arrow + 4), f->line});
    }
    if (!r.replacements.empty() && r.fixes.empty())
      Error(file.Error(b.line, 1, "rule '" + r.id +
                                      "' has a 'replace' but no 'fixes' example proving it"));
    if (r.replacements.empty() && !r.fixes.empty())
      Error(file.Error(b.All("fixes")[0]->line, 1,
                       "a 'fixes' example needs a 'replace' in its rule"));
    if (r.fire.empty() || r.pass.empty())
      Error(file.Error(b.line, 1,
                       "rule '" + r.id +
                           "' needs at least one 'fire' and one 'pass' example"));
    if (errors_.size() + dropped_ == errors_before) out_->rules.push_back(std::move(r));
  }

  const std::vector<std::string>& tags_;
  Lexicon* out_;
  std::map<std::string, std::string> seen_;
  std::map<std::string, PhraseSet::Macros> shared_;  // by folder
  std::vector<std::string> errors_;
  int dropped_ = 0;
};

}  // namespace

std::unique_ptr<RE2> CompileRuleRegex(std::string_view pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kRegexMaxMem);
  return std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
}

const RE2& RuleRegex::re() const {
  // A pattern that compiled when the lexicon was built compiles again; if
  // it somehow did not, the RE2 matches nothing (RE2's behaviour when
  // !ok()), which is the safe side.
  std::call_once(once_, [this] {
    if (!re_) re_ = CompileRuleRegex(pattern_);
  });
  return *re_;
}

void WriteLexicon(const Lexicon& lexicon, BinaryWriter* out) {
  lexicon.phrases.Save(out);
  out->U64(lexicon.rules.size());
  for (const Rule& r : lexicon.rules) {
    out->Str(r.id);
    out->U32(static_cast<uint32_t>(r.tag));
    out->U32(static_cast<uint32_t>(r.kind));
    out->U32(static_cast<uint32_t>(r.scope));
    out->U32(r.regex_on_original);
    out->U32(r.upper_case);
    out->U32(r.in_question);
    out->U64(r.regex_needs.size());
    for (const std::string& s : r.regex_needs) out->Str(s);
    out->Array(r.phrases);
    out->Array(r.phrase_unless);
    for (const auto* regexes : {&r.regexes, &r.regex_unless}) {
      out->U64(regexes->size());
      for (const auto& re : *regexes) out->Str(re->pattern());
    }
    out->Str(r.message);
    out->Str(r.suggestion);
    for (const auto* examples : {&r.fire, &r.pass}) {
      out->U64(examples->size());
      for (const RuleExample& e : *examples) {
        out->Str(e.text);
        out->U32(static_cast<uint32_t>(e.line));
      }
    }
    out->U64(r.replacements.size());
    for (const LiteralReplacement& rep : r.replacements) {
      out->Str(rep.from);
      out->Str(rep.to);
      out->U32(static_cast<uint32_t>(rep.line));
    }
    out->U64(r.fixes.size());
    for (const FixExample& e : r.fixes) {
      out->Str(e.before);
      out->Str(e.after);
      out->U32(static_cast<uint32_t>(e.line));
    }
    out->Str(r.file);
    out->U32(static_cast<uint32_t>(r.line));
  }
}

bool ReadLexicon(BinaryReader* in, Lexicon* lexicon, bool in_place) {
  if (!lexicon->phrases.Load(in, in_place)) return false;
  lexicon->rules.clear();
  uint64_t count = in->U64();
  for (uint64_t i = 0; i < count && in->ok(); ++i) {
    Rule r;
    r.id = in->Str();
    r.tag = static_cast<int>(in->U32());
    r.kind = static_cast<RuleKind>(in->U32());
    r.scope = static_cast<RuleScope>(in->U32());
    r.regex_on_original = in->U32() != 0;
    r.upper_case = in->U32() != 0;
    r.in_question = in->U32() != 0;
    for (uint64_t n = in->U64(), k = 0; k < n && in->ok(); ++k)
      r.regex_needs.emplace_back(in->Str());
    in->Array(&r.phrases);
    in->Array(&r.phrase_unless);
    for (auto* regexes : {&r.regexes, &r.regex_unless}) {
      uint64_t n = in->U64();
      for (uint64_t k = 0; k < n && in->ok(); ++k)
        regexes->push_back(std::make_unique<RuleRegex>(std::string(in->Str())));
    }
    r.message = in->Str();
    r.suggestion = in->Str();
    for (auto* examples : {&r.fire, &r.pass}) {
      uint64_t n = in->U64();
      for (uint64_t k = 0; k < n && in->ok(); ++k) {
        RuleExample e;
        e.text = in->Str();
        e.line = static_cast<int>(in->U32());
        examples->push_back(std::move(e));
      }
    }
    for (uint64_t n = in->U64(), k = 0; k < n && in->ok(); ++k) {
      LiteralReplacement rep;
      rep.from = in->Str();
      rep.to = in->Str();
      rep.line = static_cast<int>(in->U32());
      r.replacements.push_back(std::move(rep));
    }
    for (uint64_t n = in->U64(), k = 0; k < n && in->ok(); ++k) {
      FixExample e;
      e.before = in->Str();
      e.after = in->Str();
      e.line = static_cast<int>(in->U32());
      r.fixes.push_back(std::move(e));
    }
    r.file = in->Str();
    r.line = static_cast<int>(in->U32());
    lexicon->rules.push_back(std::move(r));
  }
  return in->ok();
}

bool LoadRules(const std::vector<BlockFile>& files, const std::vector<std::string>& tags,
               Lexicon* out, std::string* error) {
  RuleCompiler compiler(tags, out);
  compiler.CompileFiles(files);
  if (!compiler.ok()) {
    *error = compiler.errors();
    return false;
  }
  return true;
}

}  // namespace amends
