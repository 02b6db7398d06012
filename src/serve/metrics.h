// What GET /metrics reports, in Prometheus's text format: requests by path
// and status, a latency histogram, requests in flight, requests rejected.
// Thread-safe; nothing here holds reply text.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace amends::serve {

class Metrics {
 public:
  Metrics();
  // A request answered. `path` should be a known route or "other", so
  // the label set stays small whatever clients send.
  void Count(const std::string& path, int status, std::chrono::duration<double> took);
  void Reject(const std::string& reason);  // "busy", "unauthorized", "too_large"
  std::atomic<int> in_flight{0};

  std::string Text() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, uint64_t> rejected_;
  std::vector<double> bounds_;     // seconds, ascending
  std::vector<uint64_t> buckets_;  // per bound, not cumulative; +1 for +Inf
  double seconds_sum_ = 0;
  uint64_t count_ = 0;
};

}  // namespace amends::serve
