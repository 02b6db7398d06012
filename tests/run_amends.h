// Running the built `amends` binary from a test, as a user would.
#pragma once

#include <filesystem>
#include <string>

namespace amends::testing {

struct Run {
  int exit_code;  // -1 when the program did not exit normally
  std::string out;
  std::string err;
};

// This test process's scratch folder, made on first use and removed with
// everything in it when the process exits normally (a crashed test leaves
// its folder for a look).
const std::filesystem::path& ScratchDir();
// A path in that folder.
std::string TempPath(const std::string& name);
void WriteFile(const std::string& path, const std::string& bytes);
std::string ReadFile(const std::string& path);
// The text of docs/NAME in the source tree ("" when it is absent), for tests
// that check the docs name what the code holds.
std::string ReadDoc(const std::string& name);

// std::system(command), with SIGPIPE at its default and unblocked as from
// a login shell: children inherit both, and once a test has parsed mail in
// this process GLib ignores SIGPIPE here. Returns the wait status.
int System(const std::string& command);

// Runs `amends ARGS` through the shell (ARGS may quote) with `stdin_bytes`
// on stdin; captures stdout, stderr and the exit code.
Run Amends(const std::string& args, const std::string& stdin_bytes = "");
// The same for any shell command.
Run Shell(const std::string& command, const std::string& stdin_bytes = "");

}  // namespace amends::testing
