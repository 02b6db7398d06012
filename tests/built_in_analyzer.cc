#include "built_in_analyzer.h"

#include <memory>
#include <string>

#include <catch2/catch.hpp>

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
