#include "config/config.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "run_amends.h"

using namespace amends;
namespace fs = std::filesystem;

namespace {
std::string Write(const std::string& name, const std::string& content) {
  fs::path dir = amends::testing::ScratchDir() / "config";
  fs::create_directories(dir / "team");
  fs::path p = dir / name;
  std::ofstream(p) << content;
  return p.string();
}

CheckSet TwoChecks() {
  CheckSet set;
  CheckDef a;
  a.id = "apology.late";
  a.severity = Status::kConsider;
  CheckDef b;
  b.id = "tone.shouting";
  set.checks = {a, b};
  return set;
}
}  // namespace

TEST_CASE("a config turns checks off, re-grades them and adds rule folders", "[config]") {
  std::string path = Write("amends.conf",
                           "# team settings\nlexicon team\ncheck apology.late\n  status: fix\n"
                           "check tone.shouting\n  status: off\n");
  Config config;
  std::string error;
  REQUIRE(LoadConfig(path, &config, &error));
  REQUIRE(config.lexicon_dirs.size() == 1);
  CHECK(fs::path(config.lexicon_dirs[0]).filename() == "team");
  CheckSet set = TwoChecks();
  REQUIRE(ApplyOverrides(config, &set, &error));
  CHECK(set.checks[0].severity == Status::kFix);
  CHECK(set.checks[0].enabled);
  CHECK_FALSE(set.checks[1].enabled);
}

TEST_CASE("config errors: unknown keys, bad values, unknown checks, missing folders", "[config]") {
  Config config;
  std::string error;
  std::string path = Write("bad.conf", "lexicons team\ncheck x\n  statu: off\n  status: loud\n");
  CHECK_FALSE(LoadConfig(path, &config, &error));
  CHECK(error.find("bad.conf:1:1: unknown key 'lexicons'; did you mean 'lexicon'?") !=
        std::string::npos);
  CHECK(error.find("bad.conf:3:3: unknown key 'statu'; did you mean 'status'?") !=
        std::string::npos);
  CHECK(error.find("bad.conf:4:11: status must be fix, consider or off") != std::string::npos);

  std::string missing = Write("missing.conf", "lexicon nowhere\n");
  CHECK_FALSE(LoadConfig(missing, &config, &error));
  CHECK(error.find("missing.conf:1:9: no such folder") != std::string::npos);

  Config unknown;
  REQUIRE(
      LoadConfig(Write("unknown.conf", "check apology.lat\n  status: off\n"), &unknown, &error));
  CheckSet set = TwoChecks();
  CHECK_FALSE(ApplyOverrides(unknown, &set, &error));
  CHECK(error.find("unknown.conf:1:7: unknown check 'apology.lat'; did you mean 'apology.late'?") !=
        std::string::npos);
}

TEST_CASE("the config file is found in the working directory", "[config]") {
  fs::path dir = amends::testing::ScratchDir() / "config-find";
  fs::create_directories(dir);
  fs::remove(dir / "amends.conf");
  fs::remove(dir / ".amends.conf");
  CHECK(FindConfigFile("", dir.string()).empty());
  std::ofstream(dir / ".amends.conf") << "\n";
  CHECK(FindConfigFile("", dir.string()) == (dir / ".amends.conf").string());
  CHECK(FindConfigFile("/explicit.conf", dir.string()) == "/explicit.conf");
}
