// Installing like a Debian tool: the .deb that `cpack -G DEB` makes, taken
// apart with dpkg-deb and run; the man page; and the README's first command
// configuring only what it runs.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <sstream>

#include "run_amends.h"

using namespace amends::testing;
namespace fs = std::filesystem;

namespace {

const std::string kSource = AMENDS_SOURCE_DIR;

bool Have(const std::string& program) {
  return Shell("command -v '" + program + "' >/dev/null").exit_code == 0;
}

std::string Cpack() { return (fs::path(AMENDS_CMAKE).parent_path() / "cpack").string(); }

}  // namespace

TEST_CASE("package: cpack -G DEB makes a .deb that runs, email module included",
          "[install][package]") {
  for (const char* tool : {"dpkg-deb", "dpkg-shlibdeps"}) {
    if (!Have(tool)) {
      WARN("skipped: " << tool << " is not installed (apt install dpkg-dev)");
      return;
    }
  }
  std::string build = fs::path(AMENDS_BINARY).parent_path().string();
  std::string out = TempPath("deb");
  fs::remove_all(out);
  fs::create_directories(out);
  Run pack = Shell("cd '" + build + "' && '" + Cpack() + "' -G DEB -B '" + out + "'");
  INFO(pack.out << pack.err);
  REQUIRE(pack.exit_code == 0);
  std::string deb;
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().extension() == ".deb") deb = e.path().string();
  REQUIRE(!deb.empty());
  CHECK(fs::path(deb).filename().string().rfind("amends_", 0) == 0);

  // Depends from dpkg-shlibdeps: the libraries the program links, versioned.
  Run depends = Shell("dpkg-deb -f '" + deb + "' Depends");
  INFO(depends.out);
  CHECK(depends.out.find("libc6 (>=") != std::string::npos);
  CHECK(depends.out.find("libicu") != std::string::npos);
  CHECK(depends.out.find("libgmime-3.0") != std::string::npos);  // the MIME module's
  CHECK(depends.out.find("libcld2") != std::string::npos);

  std::string root = TempPath("deb-root");
  fs::remove_all(root);
  REQUIRE(Shell("dpkg-deb -x '" + deb + "' '" + root + "'").exit_code == 0);
  std::string amends = root + "/usr/bin/amends";
  REQUIRE(fs::exists(amends));
  CHECK(fs::exists(root + "/usr/lib/amends/amends-mime.so"));
  CHECK(fs::exists(root + "/usr/share/man/man1/amends.1"));
  Run version = Shell("cd / && '" + amends + "' --version");
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("amends ", 0) == 0);
  Run email = Shell("cd / && '" + amends + "' check --format json '" + kSource +
                    "/corpora/email/latin1.eml'");
  INFO(email.err);
  CHECK((email.exit_code == 0 || email.exit_code == 1));
  CHECK(email.out.find("\"email\"") != std::string::npos);
}

TEST_CASE("package: the man page names every command and renders", "[install][package]") {
  std::string page = ReadFile(kSource + "/docs/amends.1");
  for (const char* command :
       {"check", "gate", "audit", "summary merge", "rules", "explain", "eval", "lexicon test",
        "\\-\\-language", "\\-\\-encoding", "\\-\\-allow\\-empty"})
    CHECK(page.find(command) != std::string::npos);
  if (!Have("groff")) {
    WARN("skipped rendering: groff is not installed");
    return;
  }
  Run render = Shell("groff -man -Tutf8 -ww -z '" + kSource + "/docs/amends.1'");
  CHECK(render.exit_code == 0);
  CHECK(render.err.empty());
}

TEST_CASE("package: the README's first command configures only the program", "[install][package]") {
  std::string readme = ReadFile(kSource + "/README.md");
  std::smatch m;
  REQUIRE(
      std::regex_search(readme, m, std::regex("bash scripts/build.sh([^&\\n]*)&& build/amends")));
  std::string flags = m[1].str();
  CHECK(flags.find("-DAMENDS_BUILD_TESTS=OFF") != std::string::npos);
  // The test command turns the tests (and the benchmarks, when installed) back on.
  std::string test_sh = ReadFile(kSource + "/scripts/test.sh");
  CHECK(test_sh.find("-DAMENDS_BUILD_TESTS=ON") != std::string::npos);

  std::string dir = TempPath("first-command");
  fs::remove_all(dir);
  Run configure =
      Shell("'" AMENDS_CMAKE "' -S '" + kSource + "' -B '" + dir + "' -G Ninja" + flags);
  INFO(configure.out << configure.err);
  REQUIRE(configure.exit_code == 0);
  Run targets = Shell("ninja -C '" + dir + "' -t targets all");
  REQUIRE(targets.exit_code == 0);
  CHECK(targets.out.find("amends:") != std::string::npos);
  for (const char* extra : {"amends_tests", "replay_", "fuzz_", "amends_bench"})
    CHECK(targets.out.find(extra) == std::string::npos);
}
