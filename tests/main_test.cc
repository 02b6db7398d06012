// The test runner: Catch's own, except that a test case which asserts
// nothing fails (as `--warn NoAssertions` would have it, on every run: ctest
// passes `--warn NoTests` and Catch takes one --warn). A case that has
// nothing to check must say so, not pass.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
  Catch::Session session;
  if (int error = session.applyCommandLine(argc, argv)) return error;
  auto& config = session.configData();
  config.warnings =
      static_cast<Catch::WarnAbout::What>(config.warnings | Catch::WarnAbout::NoAssertions);
  return session.run();
}
