// `amends rules` and `amends explain ID`: the checklist described.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "checks/logic_kind.h"
#include "cli/commands.h"
#include "cli/load.h"
#include "util/diagnostic.h"

namespace amends::cli {
namespace {

const char* Applies(const CheckDef& c) { return c.recovery_only ? "recovery" : "all"; }

// A text of the lexicon, null when it is empty.
nlohmann::ordered_json TextOrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
}

std::string Severity(const CheckDef& c) { return c.enabled ? StatusName(c.severity) : "off"; }

}  // namespace

int RunRules(const CommonOptions& common, const RulesOptions& options) {
  auto analyzer = LoadAnalyzer(common);
  if (!analyzer) return kExitError;
  const CheckSet& checks = analyzer->checks();
  if (options.format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const CheckDef& c : checks.checks) {
      nlohmann::ordered_json j;
      j["id"] = c.id;
      j["status"] = Severity(c);
      j["applies"] = Applies(c);
      j["title"] = c.title;
      j["why"] = c.why;
      j["seeds"] = c.seeds;
      nlohmann::ordered_json sources = nlohmann::ordered_json::array();
      for (const std::string& id : c.seeds) {
        const Seed* seed = checks.FindSeed(id);
        sources.push_back({{"seed", id}, {"title", seed ? seed->title : ""}});
      }
      j["sources"] = std::move(sources);
      // What a finding says when `audit --compact` leaves it out: its
      // rule's message and suggestion, else these.
      j["message"] = c.message;
      j["suggestion"] = TextOrNull(c.suggestion);
      nlohmann::ordered_json feeding = nlohmann::ordered_json::array();
      for (const Rule& r : analyzer->lexicon().rules) {
        if (std::find(c.tags.begin(), c.tags.end(), r.tag) == c.tags.end() &&
            std::find(c.second_tags.begin(), c.second_tags.end(), r.tag) == c.second_tags.end())
          continue;
        nlohmann::ordered_json rule;
        rule["id"] = r.id;
        rule["message"] = TextOrNull(r.message);
        rule["suggestion"] = TextOrNull(r.suggestion);
        feeding.push_back(std::move(rule));
      }
      j["rules"] = std::move(feeding);
      out.push_back(std::move(j));
    }
    std::printf("%s\n", out.dump(1).c_str());
    return kExitReady;
  }
  std::printf("%-24s %-9s %-9s %s\n", "CHECK", "STATUS", "APPLIES", "WHY");
  for (const CheckDef& c : checks.checks)
    std::printf("%-24s %-9s %-9s %s\n", c.id.c_str(), Severity(c).c_str(), Applies(c),
                c.why.c_str());
  std::printf("\n'amends explain CHECK' for the seeds and examples of one check.\n");
  return kExitReady;
}

int RunExplain(const CommonOptions& common, const std::string& check_id) {
  auto analyzer = LoadAnalyzer(common, /*rule_examples=*/true);  // it shows them
  if (!analyzer) return kExitError;
  const CheckSet& checks = analyzer->checks();
  const CheckDef* check = nullptr;
  std::vector<std::string> ids;
  for (const CheckDef& c : checks.checks) {
    ids.push_back(c.id);
    if (c.id == check_id) check = &c;
  }
  if (!check) {
    // A family ("apology" or "apology."): its checks, one line each.
    std::string family = check_id.empty() || check_id.back() == '.' ? check_id : check_id + ".";
    std::vector<const CheckDef*> members;
    for (const CheckDef& c : checks.checks)
      if (!family.empty() && family != "." && c.id.compare(0, family.size(), family) == 0)
        members.push_back(&c);
    if (!members.empty()) {
      std::printf("The %s checks:\n", family.substr(0, family.size() - 1).c_str());
      for (const CheckDef* c : members)
        std::printf("  %-24s %-9s %s\n", c->id.c_str(), Severity(*c).c_str(), c->title.c_str());
      std::printf("\n'amends explain %s' for one of them.\n", members.front()->id.c_str());
      return kExitReady;
    }
    std::fprintf(stderr, "amends: no check '%s'%s\n", check_id.c_str(),
                 DidYouMean(check_id, ids).c_str());
    return kExitError;
  }
  std::printf("%s — %s\n\n", check->id.c_str(), check->title.c_str());
  std::printf("Why: %s\n\n", check->why.c_str());
  std::printf("Status when it fires: %s; applies to: %s replies.\n", Severity(*check).c_str(),
              check->recovery_only ? "recovery" : "all");
  if (!check->suggestion.empty()) std::printf("Fix: %s\n", check->suggestion.c_str());
  if (!check->seeds.empty()) {
    std::printf("\nSources:\n");
    for (const std::string& s : check->seeds) {
      const Seed* seed = checks.FindSeed(s);
      std::printf("  %s  %s\n", s.c_str(), seed ? seed->title.c_str() : "");
    }
  }
  // Examples come from the rules that feed the check. For a check that
  // flags what it finds, a rule's "fire" examples are drafts to fix; for a
  // check that requires something, they are drafts that pass.
  bool flags = check->logic->flags_hits;
  std::vector<std::string> good, bad;
  for (const Rule& r : analyzer->lexicon().rules) {
    bool feeds = false;
    for (int t : check->tags) feeds = feeds || r.tag == t;
    if (!feeds) continue;
    for (const RuleExample& e : r.fire) (flags ? bad : good).push_back(e.text);
    for (const RuleExample& e : r.pass) (flags ? good : bad).push_back(e.text);
  }
  auto print = [](const char* heading, const std::vector<std::string>& list) {
    if (list.empty()) return;
    std::printf("\n%s\n", heading);
    size_t step = list.size() > 6 ? list.size() / 6 : 1;
    for (size_t i = 0, n = 0; i < list.size() && n < 6; i += step, ++n)
      std::printf("  - %s\n", list[i].c_str());
  };
  if (flags) {
    print("Fires on, for example:", bad);
    print("Does not fire on:", good);
  } else {
    print("Satisfied by, for example:", good);
    print("Not by:", bad);
  }
  return kExitReady;
}

}  // namespace amends::cli
