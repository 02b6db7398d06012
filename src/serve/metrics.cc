#include "serve/metrics.h"

#include <cstdio>

namespace amends::serve {

Metrics::Metrics()
    : bounds_{0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10},
      buckets_(bounds_.size() + 1, 0) {}

void Metrics::Count(const std::string& path, int status, std::chrono::duration<double> took) {
  double s = took.count();
  size_t i = 0;
  while (i < bounds_.size() && s > bounds_[i]) ++i;
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{path, status}];
  ++buckets_[i];
  seconds_sum_ += s;
  ++count_;
}

void Metrics::Reject(const std::string& reason) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++rejected_[reason];
}

std::string Metrics::Text() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  char buf[160];
  out += "# HELP amends_requests_total Requests answered, by path and status.\n";
  out += "# TYPE amends_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    std::snprintf(buf, sizeof buf, "amends_requests_total{path=\"%s\",code=\"%d\"} %llu\n",
                  key.first.c_str(), key.second, static_cast<unsigned long long>(n));
    out += buf;
  }
  out += "# HELP amends_request_duration_seconds Time from the request read to the answer.\n";
  out += "# TYPE amends_request_duration_seconds histogram\n";
  uint64_t cumulative = 0;
  for (size_t i = 0; i <= bounds_.size(); ++i) {
    cumulative += buckets_[i];
    if (i < bounds_.size())
      std::snprintf(buf, sizeof buf, "amends_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
                    bounds_[i], static_cast<unsigned long long>(cumulative));
    else
      std::snprintf(buf, sizeof buf, "amends_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n",
                    static_cast<unsigned long long>(cumulative));
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "amends_request_duration_seconds_sum %.6f\n", seconds_sum_);
  out += buf;
  std::snprintf(buf, sizeof buf, "amends_request_duration_seconds_count %llu\n",
                static_cast<unsigned long long>(count_));
  out += buf;
  out += "# HELP amends_requests_in_flight Requests being answered now.\n";
  out += "# TYPE amends_requests_in_flight gauge\n";
  out += "amends_requests_in_flight " + std::to_string(in_flight.load()) + "\n";
  out += "# HELP amends_requests_rejected_total Requests refused before any work, by reason.\n";
  out += "# TYPE amends_requests_rejected_total counter\n";
  for (const char* reason : {"busy", "too_large", "unauthorized"}) {
    auto it = rejected_.find(reason);
    out += std::string("amends_requests_rejected_total{reason=\"") + reason + "\"} " +
           std::to_string(it == rejected_.end() ? 0 : it->second) + "\n";
  }
  return out;
}

}  // namespace amends::serve
