#include "checks/check_def.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "checks/logic_kind.h"
#include "util/diagnostic.h"

namespace amends {

const char* StatusName(Status s) {
  switch (s) {
    case Status::kPass:
      return "pass";
    case Status::kFix:
      return "fix";
    case Status::kConsider:
      return "consider";
    case Status::kNotApplicable:
      return "n/a";
  }
  return "?";
}

bool ParseStatus(std::string_view name, Status* status) {
  for (Status s : {Status::kPass, Status::kFix, Status::kConsider, Status::kNotApplicable}) {
    if (name != StatusName(s)) continue;
    *status = s;
    return true;
  }
  return false;
}

int CheckSet::TagIndex(const std::string& name) const {
  auto it = std::find(tags.begin(), tags.end(), name);
  return it == tags.end() ? -1 : static_cast<int>(it - tags.begin());
}

int CheckSet::AddTag(const std::string& name) {
  int i = TagIndex(name);
  if (i >= 0) return i;
  tags.push_back(name);
  return static_cast<int>(tags.size()) - 1;
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

const std::vector<std::string> kCheckFields = {"title",   "why",   "seeds",   "status",
                                               "applies", "logic", "message", "suggest"};

std::vector<std::string> Words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

class CheckParser {
 public:
  CheckParser(const BlockFile& file, CheckSet* out, std::span<const LogicKind* const> kinds)
      : file_(file), out_(out), kinds_(kinds) {}

  bool Parse(std::string* error) {
    for (const Block& b : file_.blocks) {
      if (b.keyword == "check") ParseCheck(b);
      else if (b.keyword == "situation") ParseSituation(b);
      else if (b.keyword == "seed") ParseSeed(b);
      else
        Error(b.line, 1,
              "unknown block '" + b.keyword + "'" +
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
        Error(f.line, 3,
              "unknown field '" + f.key + "'" + DidYouMean(f.key, {"draft", "customer"}));
        continue;
      }
      for (const std::string& w : Words(f.value)) target->push_back(out_->AddTag(w));
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
      Status s;
      if (ParseStatus(f->value, &s) && (s == Status::kFix || s == Status::kConsider))
        c.severity = s;
      else Error(f->line, f->value_column, "status must be 'fix' or 'consider'");
    }
    if (auto f = get("applies", false)) {
      if (f->value == "recovery") c.recovery_only = true;
      else if (f->value != "all")
        Error(f->line, f->value_column, "applies must be 'recovery' or 'all'");
    }
    if (auto f = get("logic", true)) ParseLogic(*f, &c);
    out_->checks.push_back(std::move(c));
  }

  // logic: KIND ARGUMENTS…, the arguments as the kind's parse hook reads them.
  void ParseLogic(const BlockField& f, CheckDef* c) {
    std::vector<std::string> w = Words(f.value);
    const std::string kind = w.empty() ? "" : w[0];
    std::vector<std::string> names;
    for (const LogicKind* k : kinds_) {
      if (k->name == kind) c->logic = k;
      names.emplace_back(k->name);
    }
    if (!c->logic) {
      Error(f.line, f.value_column, "unknown logic '" + kind + "'" + DidYouMean(kind, names));
      return;
    }
    std::span<const std::string> args(w.begin() + 1, w.end());
    if (std::string why = c->logic->parse(*c->logic, args, out_, c); !why.empty())
      Error(f.line, f.value_column, why);
  }

  const BlockFile& file_;
  CheckSet* out_;
  std::span<const LogicKind* const> kinds_;
  std::string errors_;
};

}  // namespace

bool ParseCheckSet(const BlockFile& file, CheckSet* out, std::string* error,
                   std::span<const LogicKind* const> kinds) {
  return CheckParser(file, out, kinds.empty() ? LogicKinds() : kinds).Parse(error);
}

}  // namespace amends
