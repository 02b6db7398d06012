#include "built_in_analyzer.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>

namespace amends::testing {

const Analyzer& BuiltInAnalyzer() {
  static std::unique_ptr<Analyzer> analyzer = [] {
    std::string error;
    auto a = Analyzer::Load(EmbeddedLexiconFiles(), &error, EmbeddedLexiconImage());
    INFO(error);
    REQUIRE(a);
    return a;
  }();
  return *analyzer;
}

}  // namespace amends::testing
