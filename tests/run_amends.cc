#include "run_amends.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace amends::testing {

std::string TempPath(const std::string& name) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("amends-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Run Shell(const std::string& command, const std::string& stdin_bytes) {
  std::string in = TempPath("stdin"), out = TempPath("stdout"), err = TempPath("stderr");
  WriteFile(in, stdin_bytes);
  std::string cmd = "(" + command + ") <'" + in + "' >'" + out + "' 2>'" + err + "'";
  // Run it with SIGPIPE at its default, as from a login shell: children
  // inherit an ignored signal, and GLib ignores SIGPIPE in this process
  // once a test has parsed mail.
  struct sigaction default_action {}, saved {};
  default_action.sa_handler = SIG_DFL;
  sigaction(SIGPIPE, &default_action, &saved);
  int status = std::system(cmd.c_str());
  sigaction(SIGPIPE, &saved, nullptr);
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out), ReadFile(err)};
}

Run Amends(const std::string& args, const std::string& stdin_bytes) {
  return Shell(std::string("'") + AMENDS_BINARY + "' " + args, stdin_bytes);
}

}  // namespace amends::testing
