#include "eval/scoring.h"

#include <cstdio>

namespace amends {

bool ExpectedFlag(const std::string& check, const Labels& f, bool* known) {
  *known = true;
  const bool r = f.recovery;
  if (check == "apology.missing") return r && !f.Fact("genuine_apology");
  if (check == "apology.non_apology") return f.Fact("non_apology");
  if (check == "apology.undone_by_but") return f.Fact("apology_but");
  if (check == "responsibility.missing") return r && !f.Fact("owns_mistake");
  if (check == "blame.third_party") return f.Fact("blame_third_party");
  if (check == "blame.customer") return f.Fact("blame_customer");
  if (check == "excuse") return f.Fact("excuse");
  if (check == "policy.reciting") return f.Fact("policy_reciting");
  if (check == "cant.focus") return f.Fact("cant_focus");
  if (check == "name.missing") return f.Fact("generic_salutation");
  if (check == "empathy.missing") return r && !f.Fact("empathy");
  if (check == "tone.defensive") return f.Fact("defensive");
  if (check == "tone.shouting") return f.Fact("shouting");
  if (check == "solution.missing") return r && !f.Fact("solution");
  if (check == "solution.ask") return r && !f.Fact("asks_what_customer_wants");
  if (check == "options.too_many") return f.Fact("too_many_options");
  if (check == "solution.check") return r && f.Fact("solution") && !f.Fact("asks_if_fix_works");
  if (check == "prevention.missing") return r && !f.Fact("prevention");
  if (check == "restitution.missing") return r && !f.Fact("restitution");
  if (check == "updates.missing") return r && !f.Fact("updates_promised");
  if (check == "thanks.missing") return r && !f.Fact("thanks");
  *known = false;
  return false;
}

double CheckScore::precision() const {
  if (tp + fp) return static_cast<double>(tp) / (tp + fp);
  return fn ? 0.0 : 1.0;
}
double CheckScore::recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0; }
double CheckScore::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void Scorer::Add(const Labels& labels,
                 const std::vector<std::pair<std::string, std::string>>& statuses, bool recovery) {
  ++replies_;
  if (recovery == labels.recovery) ++situation_right_;
  for (const auto& [check, status] : statuses) {
    bool known = false;
    bool want = ExpectedFlag(check, labels, &known);
    if (!known) continue;
    if (!checks_.count(check)) order_.push_back(check);
    CheckScore& s = checks_[check];
    bool got = status == "fix" || status == "consider";
    if (got && want) ++s.tp;
    else if (got) ++s.fp;
    else if (want) ++s.fn;
    else ++s.tn;
  }
}

double Scorer::situation_accuracy() const {
  return replies_ ? static_cast<double>(situation_right_) / replies_ : 0.0;
}

double Scorer::macro_f1() const {
  double sum = 0;
  int n = 0;
  for (const auto& [check, s] : checks_) {
    if (s.tp + s.fn == 0) continue;
    sum += s.f1();
    ++n;
  }
  return n ? sum / n : 0.0;
}

std::string Scorer::Table() const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-24s %5s %5s %5s %7s %7s %7s\n", "check", "tp", "fp", "fn",
                "prec", "recall", "f1");
  out += line;
  for (const std::string& check : order_) {
    const CheckScore& s = checks_.at(check);
    std::snprintf(line, sizeof line, "%-24s %5d %5d %5d %7.3f %7.3f %7.3f\n", check.c_str(), s.tp,
                  s.fp, s.fn, s.precision(), s.recall(), s.f1());
    out += line;
  }
  std::snprintf(line, sizeof line, "replies %d  situation accuracy %.3f  macro F1 %.3f\n", replies_,
                situation_accuracy(), macro_f1());
  out += line;
  return out;
}

nlohmann::ordered_json Scorer::Json() const {
  nlohmann::ordered_json j;
  j["replies"] = replies_;
  j["situation_accuracy"] = situation_accuracy();
  j["macro_f1"] = macro_f1();
  nlohmann::ordered_json checks;
  for (const std::string& check : order_) {
    const CheckScore& s = checks_.at(check);
    checks[check] = {{"tp", s.tp},
                     {"fp", s.fp},
                     {"fn", s.fn},
                     {"tn", s.tn},
                     {"precision", s.precision()},
                     {"recall", s.recall()},
                     {"f1", s.f1()}};
  }
  j["checks"] = std::move(checks);
  return j;
}

bool ParseLabels(const std::string& line, std::string* id, Labels* out, std::string* error) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    *error = "not a JSON object";
    return false;
  }
  if (!j.contains("id") || !j.contains("situation") || !j["situation"].is_string()) {
    *error = "needs \"id\" and \"situation\"";
    return false;
  }
  *id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
  out->recovery = j["situation"] == "recovery";
  out->facts.clear();
  for (const auto& [key, value] : j.items())
    if (value.is_boolean()) out->facts[key] = value.get<bool>();
  return true;
}

}  // namespace amends
