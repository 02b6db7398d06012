// Summary stage: what a whole audit found, small enough to keep in memory
// however many replies went through, and exact to merge: the summary of an
// export split into shards and merged equals the summary of one run.
//
// JSON schema "amends.audit-summary/1" (docs/audit.md).
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "checks/check_def.h"

namespace amends::summary {

inline constexpr const char* kSummarySchema = "amends.audit-summary/1";
inline constexpr size_t kDefaultReviewCount = 50;
inline constexpr size_t kReviewTextBytes = 2000;
// The agent, team or month of replies that name none, as a summary groups them.
inline constexpr const char* kUnknownGroup = "(unknown)";
inline constexpr size_t kPhraseBytes = 120;

struct CheckCounts {
  uint64_t evaluated = 0;  // status other than n/a
  uint64_t fix = 0;
  uint64_t consider = 0;
  uint64_t fired() const { return fix + consider; }
};

// Replies of one agent, team or month.
struct Group {
  uint64_t replies = 0;
  uint64_t needs_fix = 0;
  std::vector<CheckCounts> checks;  // indexed like Summary::checks
};

struct ReviewFinding {
  std::string check;
  uint32_t start = 0, end = 0;  // bytes of `text`
};

// A check that asked for a change in a review reply, with its status.
struct ReviewCheck {
  std::string check;
  Status status = Status::kFix;  // kFix or kConsider
};

// A reply that needs a fix, ranked by score = 2 × fixes + considers.
struct ReviewReply {
  std::string id;  // the reply's id as JSON text ("\"a\"", "7", "null")
  std::string agent, team, month;
  uint32_t fixes = 0, considers = 0;
  std::string text;              // the checked text, cut to kReviewTextBytes
  std::string customer_message;  // what it answers, cut to kReviewTextBytes; "" unknown
  std::vector<ReviewFinding> findings;
  std::vector<ReviewCheck> fired;  // every check asking for a change, with a span or not
  uint64_t score() const { return 2ull * fixes + considers; }
};
// The review order: higher score first, then id, text, agent, team, month.
bool ReviewBefore(const ReviewReply& a, const ReviewReply& b);

// What a check looks at: something the reply did (a phrase it used, an
// apology it took back, a wrong name) or something it left out (no apology,
// no solution…). The report and the summary list the first kind first:
// they are phrases an agent can delete today.
enum class CheckKind { kDid, kLeftOut };
const char* CheckKindName(CheckKind kind);  // "did", "left_out"
// For a summary written before checks carried their kind: an id ending in
// ".missing" left something out.
CheckKind GuessCheckKind(const std::string& id);

struct CheckInfo {
  std::string id;
  std::string title;
  CheckKind kind = CheckKind::kDid;
  // False for a check of the lexicon that did not run (off in amends.conf,
  // or left out by --only / --skip): the JSON lists it in "not_run", not in
  // "checks". A merge counts a check as run when any shard ran it.
  bool ran = true;
};

// What one checked reply contributes.
struct ReplyFacts {
  std::string agent, team, month;                    // "" when unknown
  std::vector<Status> status;                        // per check
  std::vector<std::pair<int, std::string>> phrases;  // (check, folded phrase)
  bool needs_fix = false;
  bool has_review = false;
  ReviewReply review;
};

class Summary {
 public:
  Summary() = default;
  explicit Summary(std::vector<CheckInfo> checks, size_t review_count = kDefaultReviewCount);

  void AddReply(const ReplyFacts& facts);
  void AddError() { ++errors_; }
  // Adds `other` (its checks are matched by id; unknown ones are appended).
  void Merge(const Summary& other);

  nlohmann::ordered_json ToJson() const;
  // Reads what ToJson wrote. False with `*error` when it is not a summary.
  static bool FromJson(const nlohmann::json& j, Summary* out, std::string* error);

  const std::vector<CheckInfo>& checks() const { return checks_; }
  // Indices into checks(): the checks of `kind`, in checks.def order.
  std::vector<size_t> ChecksOf(CheckKind kind) const;
  uint64_t checked() const { return checked_; }
  uint64_t errors() const { return errors_; }
  uint64_t needs_fix() const { return needs_fix_; }
  const std::vector<CheckCounts>& check_counts() const { return totals_; }
  const std::map<std::string, Group>& agents() const { return agents_; }
  const std::map<std::string, Group>& teams() const { return teams_; }
  const std::map<std::string, Group>& months() const { return months_; }
  // Most frequent first.
  std::vector<std::pair<std::pair<std::string, std::string>, uint64_t>> TopPhrases(size_t n) const;
  // The replies to review first (every one needs a fix), in review order, at
  // most the review count.
  std::vector<ReviewReply> Review() const;

 private:
  int CheckIndex(const CheckInfo& info);

  void AddToGroup(Group* g, const ReplyFacts& facts) const;
  void MergeGroup(const Group& from, const std::vector<int>& map, Group* into) const;
  void TrimReview();

  std::vector<CheckInfo> checks_;
  std::unordered_map<std::string, int> index_;
  size_t review_count_ = kDefaultReviewCount;
  uint64_t checked_ = 0, errors_ = 0, needs_fix_ = 0;
  std::vector<CheckCounts> totals_;
  std::map<std::string, Group> agents_, teams_, months_;
  std::map<std::pair<std::string, std::string>, uint64_t> phrases_;  // (check id, phrase)
  std::vector<ReviewReply> review_;  // sorted, at most review_count_ after TrimReview
  bool review_full_ = false;
  ReviewReply review_cutoff_;  // the last kept when full
};

// "phrase" as counted: ASCII case folded, runs of spaces one space, cut to
// kPhraseBytes on a UTF-8 boundary.
std::string FoldPhrase(std::string_view text);

}  // namespace amends::summary
