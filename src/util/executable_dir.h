// The folder of the running program, for what is installed beside it (the
// MIME module, the amends-serve program): a build tree and an installed
// prefix then work alike, wherever they were moved.
#pragma once

#include <string>

namespace amends {

// The folder of /proc/self/exe, or "." when it cannot be read.
std::string ExecutableDir();

}  // namespace amends
