// The installed program: `cmake --install` into a fresh prefix, then run
// from another folder, with and without its MIME module.
#include <catch2/catch.hpp>
#include <filesystem>

#include "run_amends.h"

using namespace amends::testing;

namespace {

const std::string kSource = AMENDS_SOURCE_DIR;
const std::string kEmail = kSource + "/corpora/email/latin1.eml";
const std::string kDraft = kSource + "/corpora/drafts/late-parcel.txt";

bool Checked(const Run& r) { return r.exit_code == 0 || r.exit_code == 1; }

}  // namespace

TEST_CASE("an installed amends works from any folder, email included", "[install]") {
  std::string prefix = TempPath("prefix");
  std::filesystem::remove_all(prefix);
  std::string build = std::filesystem::path(AMENDS_BINARY).parent_path().string();
  Run install = Shell("'" AMENDS_CMAKE "' --install '" + build + "' --prefix '" + prefix + "'");
  INFO(install.out << install.err);
  REQUIRE(install.exit_code == 0);
  std::string amends = prefix + "/bin/amends";
  REQUIRE(std::filesystem::exists(amends));

  Run text = Shell("cd / && '" + amends + "' check --format json '" + kDraft + "'");
  INFO(text.err);
  CHECK(Checked(text));
  CHECK(text.out.find("\"checklist\"") != std::string::npos);

  Run email = Shell("cd / && '" + amends + "' check --format json '" + kEmail + "'");
  INFO(email.err);
  CHECK(Checked(email));
  CHECK(email.out.find("\"email\"") != std::string::npos);

  // `serve` runs the installed amends-serve: its own check of --listen answers.
  Run serve = Shell("cd / && '" + amends + "' serve --listen nowhere");
  CHECK(serve.exit_code == 2);
  CHECK(serve.err.find("--listen: expected HOST:PORT, got 'nowhere'") != std::string::npos);
}

TEST_CASE("without its MIME module and server amends checks text and says what they need",
          "[install]") {
  std::string dir = TempPath("no-module");
  std::filesystem::create_directories(dir);
  std::string amends = dir + "/amends";
  std::filesystem::copy_file(AMENDS_BINARY, amends,
                             std::filesystem::copy_options::overwrite_existing);

  Run text = Shell("'" + amends + "' check '" + kDraft + "'");
  INFO(text.err);
  CHECK(Checked(text));

  Run email = Shell("'" + amends + "' check '" + kEmail + "'");
  CHECK(email.exit_code == 2);
  CHECK(email.err.find("amends-mime.so") != std::string::npos);
  CHECK(email.err.find(dir + "/amends-mime.so: not found") != std::string::npos);

  // AMENDS_MIME_MODULE points at one elsewhere.
  std::string module =
      std::filesystem::path(AMENDS_BINARY).parent_path().string() + "/amends-mime.so";
  Run pointed =
      Shell("AMENDS_MIME_MODULE='" + module + "' '" + amends + "' check '" + kEmail + "'");
  INFO(pointed.err);
  CHECK(Checked(pointed));

  // Nor the server program: `serve` says what it needs and where it looked.
  Run serve = Shell("'" + amends + "' serve --listen nowhere");
  CHECK(serve.exit_code == 2);
  CHECK(serve.err.find("serving needs the program amends-serve") != std::string::npos);
  CHECK(serve.err.find(dir + "/amends-serve") != std::string::npos);
}
