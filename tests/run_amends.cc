#include "run_amends.h"

#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace amends::testing {

const std::filesystem::path& ScratchDir() {
  struct Scratch {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("amends-test-" + std::to_string(getpid()));
    Scratch() { std::filesystem::create_directories(dir); }
    ~Scratch() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  };
  static const Scratch scratch;
  return scratch.dir;
}

std::string TempPath(const std::string& name) { return (ScratchDir() / name).string(); }

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string ReadDoc(const std::string& name) {
  return ReadFile(std::string(AMENDS_SOURCE_DIR) + "/docs/" + name);
}

int System(const std::string& command) {
  struct sigaction default_action {
  }, saved_action{};
  default_action.sa_handler = SIG_DFL;
  sigaction(SIGPIPE, &default_action, &saved_action);
  sigset_t pipe_only, saved_mask;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  pthread_sigmask(SIG_UNBLOCK, &pipe_only, &saved_mask);
  int status = std::system(command.c_str());
  pthread_sigmask(SIG_SETMASK, &saved_mask, nullptr);
  sigaction(SIGPIPE, &saved_action, nullptr);
  return status;
}

Run Shell(const std::string& command, const std::string& stdin_bytes) {
  std::string in = TempPath("stdin"), out = TempPath("stdout"), err = TempPath("stderr");
  WriteFile(in, stdin_bytes);
  std::string cmd = "(" + command + ") <'" + in + "' >'" + out + "' 2>'" + err + "'";
  int status = System(cmd);
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out), ReadFile(err)};
}

Run Amends(const std::string& args, const std::string& stdin_bytes) {
  return Shell(std::string("'") + AMENDS_BINARY + "' " + args, stdin_bytes);
}

}  // namespace amends::testing
