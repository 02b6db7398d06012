// Export stage: a one-line progress bar on stderr — share of the input
// read, replies per second, MB/s, time left — redrawn at most ten times a
// second. It prints nothing the export wrote, so hostile text cannot reach
// the terminal through it.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace amends::exports {

class Progress {
 public:
  // `total_bytes` 0 when unknown (a pipe): no bar or ETA then, just counts.
  Progress(FILE* out, bool enabled, uint64_t total_bytes);
  void Update(uint64_t bytes, uint64_t replies);
  void Finish();     // clears the line
  void Interrupt();  // clears the line before other stderr output; redrawn on the next Update

 private:
  void Draw(uint64_t bytes, uint64_t replies);
  FILE* out_;
  bool enabled_;
  uint64_t total_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace amends::exports
