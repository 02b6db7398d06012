// The analyzer a long-running program serves with, swapped whole while
// requests are in flight (a reload on SIGHUP).
//
// A request takes the current analyzer with Get() and keeps its
// shared_ptr for as long as it uses it; Swap() installs a new one for the
// requests that start after it. The old analyzer is freed when its last
// request lets go: no torn read, no leak. A mutex guards the pointer
// itself (held for a copy, never while analysing), which clang and GCC
// both accept where std::atomic<std::shared_ptr> is not yet everywhere.
#pragma once

#include <memory>
#include <mutex>

#include "analyzer/analyzer.h"

namespace amends::app {

class AnalyzerSlot {
 public:
  explicit AnalyzerSlot(std::shared_ptr<const Analyzer> first) : current_(std::move(first)) {}

  std::shared_ptr<const Analyzer> Get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return current_;
  }
  // `next` must not be null.
  void Swap(std::shared_ptr<const Analyzer> next) {
    std::shared_ptr<const Analyzer> old;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      old = std::move(current_);
      current_ = std::move(next);
    }
    // `old` goes out of scope here, outside the lock: freeing a lexicon
    // takes milliseconds.
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Analyzer> current_;
};

}  // namespace amends::app
