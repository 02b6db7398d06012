#include "cli/usage_hint.h"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>

namespace amends::cli {

TEST_CASE("usage hint: a mistyped command or option gets a suggestion", "[cli][usage]") {
  CLI::App app{"test", "amends"};
  app.require_subcommand(1);
  app.fallthrough();
  std::string config;
  app.add_option("--config", config);
  CLI::App* check = app.add_subcommand("check", "");
  std::string format, file;
  check->add_option("--format", format);
  check->add_flag("--all");
  check->add_option("file", file);
  CLI::App* summary = app.add_subcommand("summary", "");
  summary->require_subcommand(1);
  summary->add_subcommand("merge", "");

  CHECK(UsageHint(app, {"chek", "d.txt"}) == "unknown command 'chek'; did you mean 'check'?");
  CHECK(UsageHint(app, {"--config", "x", "chekc"}) ==
        "unknown command 'chekc'; did you mean 'check'?");
  CHECK(UsageHint(app, {"zzzzzz"}) == "unknown command 'zzzzzz'");
  CHECK(UsageHint(app, {"summary", "merg"}) ==
        "unknown command 'merg' for 'amends summary'; did you mean 'merge'?");
  CHECK(UsageHint(app, {"check", "--fromat", "json", "d.txt"}) ==
        "unknown option '--fromat' for 'amends check'; did you mean '--format'?");
  CHECK(UsageHint(app, {"check", "--fromat=json"}) ==
        "unknown option '--fromat' for 'amends check'; did you mean '--format'?");
  CHECK(UsageHint(app, {"check", "--confg", "x"}) ==
        "unknown option '--confg' for 'amends check'; did you mean '--config'?");
  // A value is not read as a command, and a known line has no hint.
  CHECK(UsageHint(app, {"check", "--format", "chek", "--all", "d.txt"}).empty());
  CHECK(UsageHint(app, {"check", "--", "--fromat"}).empty());
}

}  // namespace amends::cli
