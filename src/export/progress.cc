#include "export/progress.h"

#include <string>

namespace amends::exports {

Progress::Progress(FILE* out, bool enabled, uint64_t total_bytes)
    : out_(out), enabled_(enabled), total_(total_bytes) {
  start_ = last_ = std::chrono::steady_clock::now();
}

void Progress::Update(uint64_t bytes, uint64_t replies) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  Draw(bytes, replies);
}

void Progress::Draw(uint64_t bytes, uint64_t replies) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (seconds <= 0) seconds = 1e-3;
  double mbps = bytes / 1e6 / seconds, rps = replies / seconds;
  char line[160];
  if (total_ > 0) {
    double done = std::min(1.0, static_cast<double>(bytes) / total_);
    const int width = 24;
    std::string bar(static_cast<size_t>(done * width), '#');
    bar.resize(width, '.');
    long eta = done > 0 ? static_cast<long>(seconds * (1 - done) / done + 0.5) : 0;
    std::snprintf(line, sizeof line, "\r[%s] %3.0f%%  %.0f replies/s  %.1f MB/s  ETA %ld:%02ld ",
                  bar.c_str(), done * 100, rps, mbps, eta / 60, eta % 60);
  } else {
    std::snprintf(line, sizeof line, "\r%llu replies  %.0f replies/s  %.1f MB/s ",
                  static_cast<unsigned long long>(replies), rps, mbps);
  }
  std::fputs(line, out_);
  std::fflush(out_);
  drawn_ = true;
}

void Progress::Interrupt() {
  if (!enabled_ || !drawn_) return;
  std::fputs("\r\033[K", out_);
  drawn_ = false;
}

void Progress::Finish() {
  if (!enabled_ || !drawn_) return;
  std::fputs("\r\033[K", out_);
  std::fflush(out_);
}

}  // namespace amends::exports
