// A running `amends serve` for tests: started on a free port, stopped with
// SIGTERM, its stderr kept in a file to read.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace amends::testing {

class ServeProcess {
 public:
  // Runs `amends [global] serve --listen 127.0.0.1:0 [serve_args]` in `dir`
  // (the working directory, "" for this one) and waits for the address it
  // prints. ok() is false when it did not start.
  ServeProcess(const std::vector<std::string>& global, const std::vector<std::string>& serve_args,
               const std::string& dir = "");
  ~ServeProcess();  // SIGKILL when still running

  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string Stderr() const;
  void Signal(int sig) const;
  // Waits for the exit (up to `seconds`); the exit code, or -1 when it did
  // not exit normally in time.
  int Wait(int seconds);

 private:
  pid_t pid_ = -1;
  int port_ = -1;
  std::string stderr_path_;
  bool exited_ = false;
};

// Waits until `predicate` holds, checking every 20 ms, up to `seconds`.
template <typename Predicate>
bool WaitFor(Predicate predicate, double seconds);

}  // namespace amends::testing

#include <chrono>
#include <thread>

template <typename Predicate>
bool amends::testing::WaitFor(Predicate predicate, double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!predicate()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}
