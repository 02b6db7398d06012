#include "checks/check_def.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "util/diagnostic.h"

namespace amends {

const char* StatusName(Status s) {
  switch (s) {
    case Status::kPass: return "pass";
    case Status::kFix: return "fix";
    case Status::kConsider: return "consider";
    case Status::kNotApplicable: return "n/a";
  }
  return "?";
}

int CheckSet::TagIndex(const std::string& name) const {
  auto it = std::find(tags.begin(), tags.end(), name);
  return it == tags.end() ? -1 : static_cast<int>(it - tags.begin());
}

const Seed* CheckSet::FindSeed(const std::string& id) const {
  for (const Seed& s : seeds)
    if (s.id == id) return &s;
  return nullptr;
}

CheckDef* CheckSet::FindCheck(const std::string& id) {
  for (CheckDef& c : checks)
    if (c.id == id) return &c;
  return nullptr;
}

namespace {

const std::vector<std::string> kCheckFields = {"title", "why",   "seeds",   "status", "applies",
                                               "logic", "message", "suggest"};
const std::vector<std::string> kLogicNames = {"flag",  "require", "sequence",     "late",
                                              "count", "name",    "name-mismatch"};

std::vector<std::string> Words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

class CheckParser {
 public:
  CheckParser(const BlockFile& file, CheckSet* out) : file_(file), out_(out) {}

  bool Parse(std::string* error) {
    for (const Block& b : file_.blocks) {
      if (b.keyword == "check") ParseCheck(b);
      else if (b.keyword == "situation") ParseSituation(b);
      else if (b.keyword == "seed") ParseSeed(b);
      else Error(b.line, 1, "unknown block '" + b.keyword + "'" +
                                DidYouMean(b.keyword, {"check", "situation", "seed"}));
    }
    for (const CheckDef& c : out_->checks)
      for (const std::string& s : c.seeds)
        if (!out_->FindSeed(s) && !out_->seeds.empty())
          Error(c.line, 1, "check '" + c.id + "' names seed '" + s + "', which is not defined");
    if (out_->checks.empty() && errors_.empty()) Error(1, 0, "no checks defined");
    if (!errors_.empty()) {
      *error = errors_;
      return false;
    }
    return true;
  }

 private:
  void Error(int line, int column, const std::string& message) {
    if (!errors_.empty()) errors_ += "\n";
    errors_ += file_.Error(line, column, message);
  }

  int Tag(const std::string& name) {
    int i = out_->TagIndex(name);
    if (i >= 0) return i;
    out_->tags.push_back(name);
    return static_cast<int>(out_->tags.size()) - 1;
  }

  void ParseSeed(const Block& b) {
    const BlockField* title = b.Find("title");
    if (b.arg.empty() || !title) {
      Error(b.line, 1, "a seed needs an id and a 'title'");
      return;
    }
    out_->seeds.push_back({b.arg, title->value});
  }

  void ParseSituation(const Block& b) {
    for (const BlockField& f : b.fields) {
      std::vector<int>* target = f.key == "draft"      ? &out_->situation_draft_tags
                                 : f.key == "customer" ? &out_->situation_customer_tags
                                                       : nullptr;
      if (!target) {
        Error(f.line, 3, "unknown field '" + f.key + "'" +
                             DidYouMean(f.key, {"draft", "customer"}));
        continue;
      }
      for (const std::string& w : Words(f.value)) target->push_back(Tag(w));
    }
  }

  void ParseCheck(const Block& b) {
    CheckDef c;
    c.id = b.arg;
    c.file = file_.name;
    c.line = b.line;
    if (c.id.empty()) Error(b.line, 1, "a check needs an id");
    for (const CheckDef& other : out_->checks)
      if (other.id == c.id) Error(b.line, b.arg_column, "duplicate check id '" + c.id + "'");
    for (const BlockField& f : b.fields) {
      if (std::find(kCheckFields.begin(), kCheckFields.end(), f.key) == kCheckFields.end())
        Error(f.line, 3, "unknown field '" + f.key + "'" + DidYouMean(f.key, kCheckFields));
    }
    auto get = [&](const char* key, bool required) -> const BlockField* {
      const BlockField* f = b.Find(key);
      if (!f && required) Error(b.line, 1, "check '" + c.id + "' has no '" + key + "'");
      return f;
    };
    if (auto f = get("title", true)) c.title = f->value;
    if (auto f = get("why", true)) c.why = f->value;
    if (auto f = get("message", true)) c.message = f->value;
    if (auto f = get("suggest", false)) c.suggestion = f->value;
    if (auto f = get("seeds", false)) c.seeds = Words(f->value);
    if (auto f = get("status", true)) {
      if (f->value == "fix") c.severity = Status::kFix;
      else if (f->value == "consider") c.severity = Status::kConsider;
      else Error(f->line, f->value_column, "status must be 'fix' or 'consider'");
    }
    if (auto f = get("applies", false)) {
      if (f->value == "recovery") c.recovery_only = true;
      else if (f->value != "all") Error(f->line, f->value_column, "applies must be 'recovery' or 'all'");
    }
    if (auto f = get("logic", true)) ParseLogic(*f, &c);
    out_->checks.push_back(std::move(c));
  }

  // logic: KIND TAG… [unless|if|then TAG…] [within|at-least N]
  void ParseLogic(const BlockField& f, CheckDef* c) {
    std::vector<std::string> w = Words(f.value);
    const std::string kind = w.empty() ? "" : w[0];
    auto bad = [&](const std::string& why) { Error(f.line, f.value_column, why); };
    if (kind == "flag") c->logic = Logic::kFlag;
    else if (kind == "require") c->logic = Logic::kRequire;
    else if (kind == "sequence") c->logic = Logic::kSequence;
    else if (kind == "late") c->logic = Logic::kLate;
    else if (kind == "count") c->logic = Logic::kCount;
    else if (kind == "name") c->logic = Logic::kName;
    else if (kind == "name-mismatch") c->logic = Logic::kNameMismatch;
    else return bad("unknown logic '" + kind + "'" + DidYouMean(kind, kLogicNames));

    if (c->logic == Logic::kName) {
      if (w.size() != 1) return bad("'name' takes no arguments");
      c->tags.push_back(Tag("generic_salutation"));
      out_->generic_salutation_tag = c->tags.back();
      return;
    }
    if (c->logic == Logic::kNameMismatch) {
      if (w.size() != 1) return bad("'name-mismatch' takes no arguments");
      return;
    }
    std::vector<int>* target = &c->tags;
    std::string joiner;
    bool want_number = false;
    for (size_t i = 1; i < w.size(); ++i) {
      const std::string& x = w[i];
      if (x == "unless" || x == "if" || x == "then") {
        bool allowed = (x == "unless" && c->logic == Logic::kFlag) ||
                       (x == "if" && c->logic == Logic::kRequire) ||
                       (x == "then" && c->logic == Logic::kSequence);
        if (!allowed || !joiner.empty()) return bad("'" + x + "' does not fit '" + kind + "'");
        joiner = x;
        target = &c->other_tags;
      } else if (x == "within" || x == "at-least") {
        bool allowed = (x == "within" && c->logic == Logic::kLate) ||
                       (x == "at-least" && c->logic == Logic::kCount);
        if (!allowed) return bad("'" + x + "' does not fit '" + kind + "'");
        want_number = true;
      } else if (want_number) {
        c->n = std::atoi(x.c_str());
        if (c->n <= 0) return bad("expected a positive number after '" + w[i - 1] + "'");
        want_number = false;
        target = nullptr;
      } else if (target) {
        target->push_back(Tag(x));
      } else {
        return bad("unexpected '" + x + "'");
      }
    }
    if (c->tags.empty()) return bad("'" + kind + "' needs at least one tag");
    if (c->logic == Logic::kSequence && c->other_tags.empty())
      return bad("'sequence' needs 'then TAG…'");
    if ((c->logic == Logic::kLate || c->logic == Logic::kCount) && c->n == 0)
      return bad("'" + kind + "' needs a number");
  }

  const BlockFile& file_;
  CheckSet* out_;
  std::string errors_;
};

}  // namespace

bool ParseCheckSet(const BlockFile& file, CheckSet* out, std::string* error) {
  return CheckParser(file, out).Parse(error);
}

}  // namespace amends
