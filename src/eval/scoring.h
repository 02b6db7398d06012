// Scoring a checklist against labeled replies (the facts of the labeling
// standard described in docs/accuracy.md): precision, recall and F1 per check,
// situation accuracy and the macro F1 over checks that have positives.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace amends {

// One reply's labels: "situation" plus boolean facts ("genuine_apology"…).
struct Labels {
  bool recovery = false;
  std::map<std::string, bool> facts;
  bool Fact(const std::string& name) const {
    auto it = facts.find(name);
    return it != facts.end() && it->second;
  }
};

// Whether the labels say `check` should be flagged (fix or consider).
// Returns false for checks the standard does not cover (`*known` false).
bool ExpectedFlag(const std::string& check, const Labels& labels, bool* known);

struct CheckScore {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

class Scorer {
 public:
  // Adds one reply: its labels, the statuses the analyzer gave each check
  // ("pass", "fix", "consider", "n/a") and the situation it chose.
  void Add(const Labels& labels, const std::vector<std::pair<std::string, std::string>>& statuses,
           bool recovery);

  const std::map<std::string, CheckScore>& checks() const { return checks_; }
  int replies() const { return replies_; }
  double situation_accuracy() const;
  double macro_f1() const;  // over checks with at least one positive label

  std::string Table() const;  // the table for a person
  nlohmann::ordered_json Json() const;

 private:
  std::map<std::string, CheckScore> checks_;
  std::vector<std::string> order_;
  int replies_ = 0;
  int situation_right_ = 0;
};

// Parses one labels line. Returns false and sets `*error` when it is not an
// object with "id", "situation" and boolean facts.
bool ParseLabels(const std::string& line, std::string* id, Labels* out, std::string* error);

}  // namespace amends
