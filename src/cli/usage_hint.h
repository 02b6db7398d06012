// CLI stage: what a person most likely meant by a command line the parser
// refused, since CLI11 only says "A subcommand is required" for `amends
// chek` and "arguments were not expected" for `--fromat`.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace amends::cli {

// Walks `args` (argv without the program name) through `app`'s commands and
// options as the parser would and returns, for the first word it cannot
// place, "unknown command 'chek'; did you mean 'check'?" or "unknown option
// '--fromat' for 'amends check'; did you mean '--format'?" (the suggestion
// only when one is close). "" when every word is known: the parser's own
// message is then the better one.
std::string UsageHint(const CLI::App& app, const std::vector<std::string>& args);

}  // namespace amends::cli
