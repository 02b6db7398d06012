#include "summary/summary.h"

#include <algorithm>
#include <tuple>

#include "util/utf8.h"

namespace amends::summary {
namespace {

const std::string& Key(const std::string& s) {
  static const std::string unknown = kUnknownGroup;
  return s.empty() ? unknown : s;
}

double Rate(uint64_t part, uint64_t whole) {
  return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

nlohmann::ordered_json CountsJson(const CheckCounts& c) {
  return {{"evaluated", c.evaluated},
          {"fired", c.fired()},
          {"fix", c.fix},
          {"consider", c.consider},
          {"rate", Rate(c.fired(), c.evaluated)}};
}

bool ReadCounts(const nlohmann::json& j, CheckCounts* c) {
  if (!j.is_object()) return false;
  c->evaluated = j.value("evaluated", uint64_t{0});
  c->fix = j.value("fix", uint64_t{0});
  c->consider = j.value("consider", uint64_t{0});
  return true;
}

}  // namespace

const char* CheckKindName(CheckKind kind) { return kind == CheckKind::kDid ? "did" : "left_out"; }

CheckKind GuessCheckKind(const std::string& id) {
  static const std::string suffix = ".missing";
  bool missing = id.size() >= suffix.size() &&
                 id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0;
  return missing ? CheckKind::kLeftOut : CheckKind::kDid;
}

std::string FoldPhrase(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' '), space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (out.size() > kPhraseBytes) {
    out.resize(TruncateUtf8(out, kPhraseBytes).size());
  }
  return out;
}

bool ReviewBefore(const ReviewReply& a, const ReviewReply& b) {
  if (a.score() != b.score()) return a.score() > b.score();
  return std::tie(a.id, a.text, a.agent, a.team, a.month) <
         std::tie(b.id, b.text, b.agent, b.team, b.month);
}

Summary::Summary(std::vector<CheckInfo> checks, size_t review_count) : review_count_(review_count) {
  for (auto& c : checks) CheckIndex(c);
}

int Summary::CheckIndex(const CheckInfo& info) {
  auto [it, added] = index_.emplace(info.id, static_cast<int>(checks_.size()));
  if (added) {
    checks_.push_back(info);
    totals_.emplace_back();
  } else if (info.ran && !checks_[it->second].ran) {
    // Not run in one shard, run in another; "not_run" carries no title
    // and no kind.
    checks_[it->second].ran = true;
    checks_[it->second].kind = info.kind;
    if (checks_[it->second].title.empty()) checks_[it->second].title = info.title;
  }
  return it->second;
}

std::vector<size_t> Summary::ChecksOf(CheckKind kind) const {
  std::vector<size_t> out;
  for (size_t i = 0; i < checks_.size(); ++i)
    if (checks_[i].kind == kind) out.push_back(i);
  return out;
}

void Summary::AddToGroup(Group* g, const ReplyFacts& facts) const {
  ++g->replies;
  if (facts.needs_fix) ++g->needs_fix;
  if (g->checks.size() < checks_.size()) g->checks.resize(checks_.size());
  for (size_t i = 0; i < facts.status.size() && i < checks_.size(); ++i) {
    const Status s = facts.status[i];
    if (s == Status::kNotApplicable) continue;
    ++g->checks[i].evaluated;
    if (s == Status::kFix) ++g->checks[i].fix;
    if (s == Status::kConsider) ++g->checks[i].consider;
  }
}

void Summary::AddReply(const ReplyFacts& facts) {
  ++checked_;
  if (facts.needs_fix) ++needs_fix_;
  for (size_t i = 0; i < facts.status.size() && i < checks_.size(); ++i) {
    const Status s = facts.status[i];
    if (s == Status::kNotApplicable) continue;
    ++totals_[i].evaluated;
    if (s == Status::kFix) ++totals_[i].fix;
    if (s == Status::kConsider) ++totals_[i].consider;
  }
  AddToGroup(&agents_[Key(facts.agent)], facts);
  AddToGroup(&teams_[Key(facts.team)], facts);
  AddToGroup(&months_[Key(facts.month)], facts);
  for (const auto& [check, phrase] : facts.phrases)
    if (check >= 0 && static_cast<size_t>(check) < checks_.size())
      ++phrases_[{checks_[check].id, phrase}];
  // Once the list is full, only a reply that would rank in it is kept.
  // The list holds replies that need a fix only (FromJson drops others).
  if (facts.has_review && facts.review.fixes > 0 && review_count_ > 0 &&
      (!review_full_ || ReviewBefore(facts.review, review_cutoff_))) {
    review_.push_back(facts.review);
    if (review_.size() >= 2 * review_count_ + 16) TrimReview();
  }
}

void Summary::TrimReview() {
  std::sort(review_.begin(), review_.end(), ReviewBefore);
  if (review_.size() > review_count_) review_.resize(review_count_);
  review_full_ = review_count_ > 0 && review_.size() == review_count_;
  if (review_full_) review_cutoff_ = review_.back();
}

void Summary::MergeGroup(const Group& from, const std::vector<int>& map, Group* into) const {
  into->replies += from.replies;
  into->needs_fix += from.needs_fix;
  if (into->checks.size() < checks_.size()) into->checks.resize(checks_.size());
  for (size_t i = 0; i < from.checks.size() && i < map.size(); ++i) {
    CheckCounts& c = into->checks[map[i]];
    c.evaluated += from.checks[i].evaluated;
    c.fix += from.checks[i].fix;
    c.consider += from.checks[i].consider;
  }
}

void Summary::Merge(const Summary& other) {
  std::vector<int> map;
  for (const auto& c : other.checks_) map.push_back(CheckIndex(c));
  checked_ += other.checked_;
  errors_ += other.errors_;
  needs_fix_ += other.needs_fix_;
  for (size_t i = 0; i < other.totals_.size(); ++i) {
    totals_[map[i]].evaluated += other.totals_[i].evaluated;
    totals_[map[i]].fix += other.totals_[i].fix;
    totals_[map[i]].consider += other.totals_[i].consider;
  }
  for (const auto& [k, g] : other.agents_) MergeGroup(g, map, &agents_[k]);
  for (const auto& [k, g] : other.teams_) MergeGroup(g, map, &teams_[k]);
  for (const auto& [k, g] : other.months_) MergeGroup(g, map, &months_[k]);
  for (const auto& [k, n] : other.phrases_) phrases_[k] += n;
  review_.insert(review_.end(), other.review_.begin(), other.review_.end());
  TrimReview();
}

std::vector<std::pair<std::pair<std::string, std::string>, uint64_t>> Summary::TopPhrases(
    size_t n) const {
  std::vector<std::pair<std::pair<std::string, std::string>, uint64_t>> all(phrases_.begin(),
                                                                            phrases_.end());
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (all.size() > n) all.resize(n);
  return all;
}

std::vector<ReviewReply> Summary::Review() const {
  std::vector<ReviewReply> review = review_;
  std::sort(review.begin(), review.end(), ReviewBefore);
  if (review.size() > review_count_) review.resize(review_count_);
  return review;
}

nlohmann::ordered_json Summary::ToJson() const {
  nlohmann::ordered_json j;
  j["schema"] = kSummarySchema;
  j["totals"] = {{"records", checked_ + errors_},
                 {"replies", checked_},
                 {"errors", errors_},
                 {"needs_fix", needs_fix_},
                 {"ready_to_send", checked_ - needs_fix_},
                 {"needs_fix_rate", Rate(needs_fix_, checked_)}};
  // ordered_json keeps members in a vector: build each one whole, then add it.
  // What replies did first, then what they left out.
  std::vector<size_t> order = ChecksOf(CheckKind::kDid), left_out = ChecksOf(CheckKind::kLeftOut);
  order.insert(order.end(), left_out.begin(), left_out.end());
  nlohmann::ordered_json checks = nlohmann::ordered_json::array();
  nlohmann::ordered_json not_run = nlohmann::ordered_json::array();
  for (size_t i = 0; i < checks_.size(); ++i)
    if (!checks_[i].ran) not_run.push_back(checks_[i].id);
  for (size_t i : order) {
    if (!checks_[i].ran) continue;
    nlohmann::ordered_json c = {{"id", checks_[i].id},
                                {"title", checks_[i].title},
                                {"kind", CheckKindName(checks_[i].kind)}};
    nlohmann::ordered_json counts = CountsJson(totals_[i]);
    for (auto& [k, v] : counts.items()) c[k] = v;
    checks.push_back(std::move(c));
  }
  j["checks"] = std::move(checks);
  j["not_run"] = std::move(not_run);
  auto groups = [&](const std::map<std::string, Group>& m) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [name, g] : m) {
      nlohmann::ordered_json o = {{"replies", g.replies},
                                  {"needs_fix", g.needs_fix},
                                  {"needs_fix_rate", Rate(g.needs_fix, g.replies)}};
      nlohmann::ordered_json per = nlohmann::ordered_json::object();
      for (size_t i : order)
        if (i < g.checks.size() && g.checks[i].evaluated)
          per[checks_[i].id] = CountsJson(g.checks[i]);
      o["checks"] = std::move(per);
      out[name] = std::move(o);
    }
    return out;
  };
  j["agents"] = groups(agents_);
  j["teams"] = groups(teams_);
  j["months"] = groups(months_);
  nlohmann::ordered_json phrases = nlohmann::ordered_json::array();
  for (const auto& [key, count] : TopPhrases(phrases_.size()))
    phrases.push_back({{"check", key.first}, {"phrase", key.second}, {"count", count}});
  j["phrases"] = std::move(phrases);
  std::vector<ReviewReply> review = Review();
  j["review_limit"] = review_count_;
  nlohmann::ordered_json worst = nlohmann::ordered_json::array();
  for (const auto& r : review) {
    nlohmann::ordered_json o;
    o["id"] = nlohmann::ordered_json::parse(r.id, nullptr, false);
    if (o["id"].is_discarded()) o["id"] = nullptr;
    o["agent"] = r.agent;
    o["team"] = r.team;
    o["month"] = r.month;
    o["score"] = r.score();
    o["fixes"] = r.fixes;
    o["considers"] = r.considers;
    o["text"] = r.text;
    if (!r.customer_message.empty()) o["customer_message"] = r.customer_message;
    nlohmann::ordered_json fired = nlohmann::ordered_json::array();
    for (const auto& x : r.fired)
      fired.push_back({{"check", x.check}, {"status", StatusName(x.status)}});
    o["fired"] = std::move(fired);
    nlohmann::ordered_json f = nlohmann::ordered_json::array();
    for (const auto& x : r.findings)
      f.push_back({{"check", x.check}, {"start", x.start}, {"end", x.end}});
    o["findings"] = std::move(f);
    worst.push_back(std::move(o));
  }
  j["worst_replies"] = std::move(worst);
  return j;
}

bool Summary::FromJson(const nlohmann::json& j, Summary* out, std::string* error) {
  *out = Summary();
  if (!j.is_object() || j.value("schema", "") != kSummarySchema) {
    *error = std::string("not an audit summary (schema \"") + kSummarySchema + "\")";
    return false;
  }
  try {
    out->review_count_ = j.value("review_limit", kDefaultReviewCount);
    for (const auto& c : j.at("checks")) {
      CheckInfo info{c.at("id").get<std::string>(), c.value("title", ""), CheckKind::kDid};
      std::string kind = c.value("kind", "");
      if (kind == "did") info.kind = CheckKind::kDid;
      else if (kind == "left_out") info.kind = CheckKind::kLeftOut;
      else if (kind.empty()) info.kind = GuessCheckKind(info.id);
      else throw std::runtime_error("unknown kind \"" + kind + "\" of check \"" + info.id + "\"");
      int i = out->CheckIndex(info);
      ReadCounts(c, &out->totals_[i]);
    }
    if (j.contains("not_run"))  // absent from summaries of every check
      for (const auto& id : j.at("not_run")) {
        std::string name = id.get<std::string>();
        out->CheckIndex({name, "", GuessCheckKind(name), false});
      }
    const auto& totals = j.at("totals");
    out->checked_ = totals.at("replies").get<uint64_t>();
    out->errors_ = totals.at("errors").get<uint64_t>();
    out->needs_fix_ = totals.at("needs_fix").get<uint64_t>();
    auto groups = [&](const char* key, std::map<std::string, Group>* m) {
      for (const auto& [name, g] : j.at(key).items()) {
        Group& group = (*m)[name];
        group.replies = g.at("replies").get<uint64_t>();
        group.needs_fix = g.at("needs_fix").get<uint64_t>();
        group.checks.resize(out->checks_.size());
        for (const auto& [id, counts] : g.at("checks").items()) {
          auto it = out->index_.find(id);
          if (it == out->index_.end())
            throw std::runtime_error("unknown check \"" + id + "\" in " + key);
          ReadCounts(counts, &group.checks[it->second]);
        }
      }
    };
    groups("agents", &out->agents_);
    groups("teams", &out->teams_);
    groups("months", &out->months_);
    for (const auto& p : j.at("phrases"))
      out->phrases_[{p.at("check").get<std::string>(), p.at("phrase").get<std::string>()}] +=
          p.at("count").get<uint64_t>();
    for (const auto& r : j.at("worst_replies")) {
      ReviewReply rr;
      rr.id = r.at("id").dump();
      rr.agent = r.value("agent", "");
      rr.team = r.value("team", "");
      rr.month = r.value("month", "");
      rr.fixes = r.value("fixes", 0u);
      rr.considers = r.value("considers", 0u);
      // A summary written before the review list held only replies that
      // need a fix may list ones that do not.
      if (rr.fixes == 0) continue;
      rr.text = r.value("text", "");
      rr.customer_message = r.value("customer_message", "");
      for (const auto& f : r.value("fired", nlohmann::json::array())) {
        std::string name = f.at("status").get<std::string>();
        Status status;
        if (!ParseStatus(name, &status) || (status != Status::kFix && status != Status::kConsider))
          throw std::runtime_error("unknown status \"" + name + "\" in worst_replies");
        rr.fired.push_back({f.at("check").get<std::string>(), status});
      }
      for (const auto& f : r.at("findings")) {
        ReviewFinding x{f.at("check").get<std::string>(), f.at("start").get<uint32_t>(),
                        f.at("end").get<uint32_t>()};
        if (x.start <= x.end && x.end <= rr.text.size()) rr.findings.push_back(std::move(x));
      }
      out->review_.push_back(std::move(rr));
    }
  } catch (const std::exception& e) {
    *error = std::string("malformed summary: ") + e.what();
    return false;
  }
  return true;
}

}  // namespace amends::summary
