// `amends serve` in the amends program: hands the whole command line to the
// amends-serve program, which is amends with the HTTP server linked in
// (cli/serve_command.cc). Keeping the HTTP library, and the TLS libraries it
// loads, out of amends itself saves every `check` and `gate` about 3 ms of
// start-up. exec keeps the process id, so signals reach the server.
//
// The program is looked for, in order, at
//   $AMENDS_SERVE_PROGRAM,
//   <folder of the running amends>/amends-serve          (a build tree),
//   <folder of the running amends>/AMENDS_SERVE_RELDIR/amends-serve
//                                                        (an installed one).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "util/executable_dir.h"
#include "util/utf8.h"

#ifndef AMENDS_SERVE_RELDIR
#define AMENDS_SERVE_RELDIR "../lib/amends"
#endif

namespace amends::cli {

int RunServe(const CommonOptions&, const ServeOptions& options) {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("AMENDS_SERVE_PROGRAM"); env && *env) candidates.push_back(env);
  const std::string dir = ExecutableDir();
  candidates.push_back(dir + "/amends-serve");
  candidates.push_back(dir + "/" AMENDS_SERVE_RELDIR "/amends-serve");
  std::vector<char*> argv;
  for (const std::string& arg : options.command_line)
    argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::string tried;
  for (const std::string& path : candidates) {
    if (access(path.c_str(), X_OK) != 0) {
      tried += "\n  " + EscapeControls(path) + ": " + std::strerror(errno);
      continue;
    }
    execv(path.c_str(), argv.data());
    tried += "\n  " + EscapeControls(path) + ": " + std::strerror(errno);  // exec failed
  }
  std::fprintf(stderr,
               "amends: serving needs the program amends-serve, installed with amends; it was "
               "not found:%s\n",
               tried.c_str());
  return kExitError;
}

}  // namespace amends::cli
