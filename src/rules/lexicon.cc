#include "rules/lexicon.h"

#include <algorithm>
#include <map>
#include <set>

#include "rules/rule_kind.h"
#include "util/diagnostic.h"

namespace amends {
namespace {

constexpr int kMaxErrors = 20;
// Memory budget per compiled regex, so a team's pattern cannot blow up.
constexpr int64_t kRegexMaxMem = 2 << 20;

// The fields every rule may have; each kind adds its own (rule_kind.h).
const std::vector<std::string> kCommonFields = {"tag",     "kind",    "match",   "unless",
                                                "applies", "message", "suggest", "fire",
                                                "pass",    "replace", "fixes"};

// The folder part of a lexicon file's name ("lexicons/en" of
// "lexicons/en/apology.rules"); "" for a bare name.
std::string Folder(const std::string& name) {
  size_t slash = name.rfind('/');
  return slash == std::string::npos ? std::string() : name.substr(0, slash);
}

class RuleCompiler {
 public:
  RuleCompiler(const std::vector<std::string>& tags, std::span<const RuleKindDef* const> kinds,
               Lexicon* out)
      : tags_(tags), kinds_(kinds.empty() ? RuleKinds() : kinds), out_(out) {
    for (const Rule& r : out->rules) seen_.emplace(r.id, r.file + ":" + std::to_string(r.line));
    field_names_ = kCommonFields;
    for (const RuleKindDef* k : kinds_)
      for (const RuleKindDef::Field& f : k->fields) field_names_.emplace_back(f.name);
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
          Error(file.Error(
              b.line, 1,
              "unknown block '" + b.keyword + "'" + DidYouMean(b.keyword, {"rule", "define"})));
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

  void CompileRule(const BlockFile& file, const Block& b) {
    Rule r;
    r.id = b.arg;
    r.file = file.name;
    r.line = b.line;
    if (!ClaimId(file, b)) return;
    size_t errors_before = errors_.size() + dropped_;
    RuleBlockContext ctx(file, b, &out_->phrases, [this](std::string e) { Error(std::move(e)); });
    const RuleKindDef* kind = ReadKind(ctx, &r);
    CheckFieldNames(ctx, *kind);
    ReadCommonFields(ctx, &r);
    kind->read_fields(ctx, &r);
    for (const char* key : {"match", "unless"}) {
      for (const BlockField* f : b.All(key)) {
        if (f->value.empty())
          ctx.Error(f->line, f->value_column, std::string("empty '") + key + "'");
        else kind->add_pattern(ctx, *f, key[0] == 'm', &r);
      }
    }
    if (b.All("match").empty()) ctx.Error(b.line, 1, "rule '" + r.id + "' has no 'match'");
    ReadExamples(ctx, &r);
    if (errors_.size() + dropped_ == errors_before) out_->rules.push_back(std::move(r));
  }

  // Checks the rule's id and records it; false (reported) when it is
  // malformed or taken.
  bool ClaimId(const BlockFile& file, const Block& b) {
    if (b.arg.empty() ||
        b.arg.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
      Error(file.Error(b.line, b.arg_column ? b.arg_column : 1,
                       "a rule needs an id of lower-case letters, digits, '.', '_' or '-'"));
      return false;
    }
    auto [it, inserted] = seen_.emplace(b.arg, file.name + ":" + std::to_string(b.line));
    if (!inserted) {
      Error(file.Error(b.line, b.arg_column,
                       "duplicate rule id '" + b.arg + "' (first defined at " + it->second + ")"));
      return false;
    }
    return true;
  }

  // The rule's kind (the first, phrase, when it names none or a wrong one).
  const RuleKindDef* ReadKind(const RuleBlockContext& ctx, Rule* r) {
    r->kind = 0;
    const BlockField* f = ctx.Single("kind");
    if (!f) return kinds_[0];
    for (size_t k = 0; k < kinds_.size(); ++k) {
      if (kinds_[k]->name != f->value) continue;
      r->kind = static_cast<uint32_t>(k);
      return kinds_[k];
    }
    ctx.Error(f->line, f->value_column, "kind must be " + KindNames());
    return kinds_[0];
  }

  // "'phrase' or 'regex'", from the table.
  std::string KindNames() const {
    std::string out;
    for (size_t k = 0; k < kinds_.size(); ++k) {
      if (k) out += k + 1 == kinds_.size() ? " or " : ", ";
      out.append("'").append(kinds_[k]->name).append("'");
    }
    return out;
  }

  // Unknown fields, lists where a single line belongs, and another kind's
  // fields.
  void CheckFieldNames(const RuleBlockContext& ctx, const RuleKindDef& kind) {
    for (const BlockField& f : ctx.block.fields) {
      if (std::find(field_names_.begin(), field_names_.end(), f.key) == field_names_.end()) {
        int column = f.value_column - static_cast<int>(f.key.size()) - 2;
        ctx.Error(f.line, column > 0 ? column : 1,
                  "unknown field '" + f.key + "'" + DidYouMean(f.key, field_names_));
        continue;
      }
      if (f.list && f.key != "match" && f.key != "unless" && f.key != "with" &&
          f.key != "without")
        ctx.Error(f.line, 1,
                  "a '- item' list is only for patterns ('match', 'unless', 'with', "
                  "'without', 'define'); write '" +
                      f.key + "' on one line");
      if (const RuleKindDef* owner = OwnerOf(f.key); owner && owner != &kind) {
        std::string note;
        for (const RuleKindDef::Field& kf : owner->fields)
          if (kf.name == f.key && !kf.note.empty()) note = " (" + std::string(kf.note) + ")";
        ctx.Error(f.line, 1,
                  "'" + f.key + "' applies to " + std::string(owner->name) + " rules only" + note);
      }
    }
  }

  // The kind whose own field `key` is, or null for a field every rule may have.
  const RuleKindDef* OwnerOf(std::string_view key) const {
    for (const RuleKindDef* k : kinds_)
      for (const RuleKindDef::Field& f : k->fields)
        if (f.name == key) return k;
    return nullptr;
  }

  void ReadCommonFields(const RuleBlockContext& ctx, Rule* r) {
    if (const BlockField* f = ctx.Single("applies")) {
      if (f->value == "draft") r->scope = RuleScope::kDraft;
      else if (f->value == "customer") r->scope = RuleScope::kCustomer;
      else ctx.Error(f->line, f->value_column, "applies must be 'draft' or 'customer'");
    }
    if (const BlockField* f = ctx.Single("tag")) {
      auto t = std::find(tags_.begin(), tags_.end(), f->value);
      if (t == tags_.end())
        ctx.Error(f->line, f->value_column,
                  "unknown tag '" + f->value + "'" + DidYouMean(f->value, tags_));
      else r->tag = static_cast<int>(t - tags_.begin());
    } else {
      ctx.Error(ctx.block.line, 1, "rule '" + r->id + "' has no 'tag'");
    }
    if (const BlockField* f = ctx.Single("message")) r->message = f->value;
    if (const BlockField* f = ctx.Single("suggest")) r->suggestion = f->value;
  }

  // `fire`, `pass`, `replace` and `fixes`, and what they require of each other.
  void ReadExamples(const RuleBlockContext& ctx, Rule* r) {
    const Block& b = ctx.block;
    for (const BlockField* f : b.All("fire")) r->fire.push_back({f->value, f->line});
    for (const BlockField* f : b.All("pass")) r->pass.push_back({f->value, f->line});
    for (const BlockField* f : b.All("replace")) {
      LiteralReplacement rep;
      std::string err;
      if (!ParseReplacement(f->value, &rep, &err)) {
        ctx.Error(f->line, f->value_column, err);
        continue;
      }
      rep.line = f->line;
      r->replacements.push_back(std::move(rep));
    }
    for (const BlockField* f : b.All("fixes")) {
      size_t arrow = f->value.find(" => ");
      if (arrow == std::string::npos) {
        ctx.Error(f->line, f->value_column,
                  "a 'fixes' example is 'TEXT => TEXT WITH THE REPLACEMENT APPLIED'");
        continue;
      }
      r->fixes.push_back({f->value.substr(0, arrow), f->value.substr(arrow + 4), f->line});
    }
    if (!r->replacements.empty() && r->fixes.empty())
      ctx.Error(b.line, 1,
                "rule '" + r->id + "' has a 'replace' but no 'fixes' example proving it");
    if (r->replacements.empty() && !r->fixes.empty())
      ctx.Error(b.All("fixes")[0]->line, 1, "a 'fixes' example needs a 'replace' in its rule");
    if (r->fire.empty() || r->pass.empty())
      ctx.Error(b.line, 1, "rule '" + r->id + "' needs at least one 'fire' and one 'pass' example");
  }

  const std::vector<std::string>& tags_;
  std::span<const RuleKindDef* const> kinds_;
  std::vector<std::string> field_names_;  // common and every kind's, for "did you mean"
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
    out->U32(r.kind);
    out->U32(static_cast<uint32_t>(r.scope));
    out->U32(r.regex_on_original);
    out->U32(r.upper_case);
    out->U32(r.in_question);
    out->U64(r.regex_needs.size());
    for (const std::string& s : r.regex_needs) out->Str(s);
    out->Array(r.phrases);
    out->Array(r.phrase_unless);
    out->Array(r.phrase_with);
    out->Array(r.phrase_without);
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

bool ReadLexicon(BinaryReader* in, Lexicon* lexicon, bool in_place, bool keep_examples) {
  if (!lexicon->phrases.Load(in, in_place)) return false;
  lexicon->rules.clear();
  uint64_t count = in->U64();
  for (uint64_t i = 0; i < count && in->ok(); ++i) {
    Rule r;
    r.id = in->Str();
    r.tag = static_cast<int>(in->U32());
    r.kind = in->U32();
    r.scope = static_cast<RuleScope>(in->U32());
    r.regex_on_original = in->U32() != 0;
    r.upper_case = in->U32() != 0;
    r.in_question = in->U32() != 0;
    for (uint64_t n = in->U64(), k = 0; k < n && in->ok(); ++k)
      r.regex_needs.emplace_back(in->Str());
    in->Array(&r.phrases);
    in->Array(&r.phrase_unless);
    in->Array(&r.phrase_with);
    in->Array(&r.phrase_without);
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
        std::string_view text = in->Str();
        int line = static_cast<int>(in->U32());
        if (keep_examples) examples->push_back({std::string(text), line});
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
      std::string_view before = in->Str(), after = in->Str();
      int line = static_cast<int>(in->U32());
      if (keep_examples) r.fixes.push_back({std::string(before), std::string(after), line});
    }
    r.file = in->Str();
    r.line = static_cast<int>(in->U32());
    lexicon->rules.push_back(std::move(r));
  }
  return in->ok();
}

bool LoadRules(const std::vector<BlockFile>& files, const std::vector<std::string>& tags,
               Lexicon* out, std::string* error, std::span<const RuleKindDef* const> kinds) {
  if (files.empty()) return true;  // nothing to add (an image's rules alone)
  RuleCompiler compiler(tags, kinds, out);
  compiler.CompileFiles(files);
  if (!compiler.ok()) {
    *error = compiler.errors();
    return false;
  }
  return true;
}

}  // namespace amends
