#include "serve_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "run_amends.h"

namespace amends::testing {

ServeProcess::ServeProcess(const std::vector<std::string>& global,
                           const std::vector<std::string>& serve_args, const std::string& dir) {
  static int serial = 0;
  stderr_path_ = TempPath("serve-stderr-" + std::to_string(++serial));
  std::vector<std::string> args = {AMENDS_BINARY};
  args.insert(args.end(), global.begin(), global.end());
  args.insert(args.end(), {"serve", "--listen", "127.0.0.1:0"});
  args.insert(args.end(), serve_args.begin(), serve_args.end());
  int out[2];
  if (pipe(out) != 0) return;
  pid_ = fork();
  if (pid_ == 0) {
    int err = open(stderr_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(out[1], 1);
    dup2(err, 2);
    close(out[0]);
    close(out[1]);
    int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    // The test process may block or ignore signals; the server must not inherit that.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    signal(SIGPIPE, SIG_DFL);
    if (!dir.empty() && chdir(dir.c_str()) != 0) _exit(127);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  // "amends serve: listening on http://127.0.0.1:PORT/"
  std::string line;
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < until) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[256];
    ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<size_t>(n));
  }
  close(out[0]);
  size_t colon = line.rfind(':');
  if (line.find("listening on http://127.0.0.1:") != std::string::npos &&
      colon != std::string::npos)
    port_ = std::atoi(line.c_str() + colon + 1);
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0 && !exited_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::string ServeProcess::Stderr() const { return ReadFile(stderr_path_); }

void ServeProcess::Signal(int sig) const {
  if (pid_ > 0 && !exited_) kill(pid_, sig);
}

int ServeProcess::Wait(int seconds) {
  if (pid_ <= 0) return -1;
  int status = 0;
  for (int i = 0; i < seconds * 50; ++i) {
    pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      exited_ = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    usleep(20000);
  }
  return -1;
}

}  // namespace amends::testing
