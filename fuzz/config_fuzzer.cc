// A team's amends.conf: ParseConfig, then the overrides applied to the
// built-in checks. Errors must name their place; nothing may crash.
#include "config/config.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends;
  static const CheckSet checks = fuzz::EmbeddedAnalyzer().checks();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Config config;
  std::string error;
  // Lexicon folders resolve against a folder that does not exist, so the
  // fuzzer never reads the disk.
  if (!ParseConfig("fuzz.conf", text, "/nonexistent-amends-fuzz", &config, &error)) {
    if (error.find("fuzz.conf") == std::string::npos) std::abort();  // must say where
    return 0;
  }
  CheckSet copy = checks;
  if (!ApplyOverrides(config, &copy, &error) && error.find("fuzz.conf:") != 0) std::abort();
  return 0;
}
