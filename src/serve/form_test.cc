#include "serve/form.h"

#include <catch2/catch.hpp>

using amends::serve::ParseForm;

TEST_CASE("form: fields decoded, later ones win", "[serve][form]") {
  std::map<std::string, std::string> f;
  std::string error;
  REQUIRE(ParseForm("text=Hi+Mary%2C%0Athanks&language=en-US&&flag&language=en-GB", &f, &error));
  CHECK(f["text"] == "Hi Mary,\nthanks");
  CHECK(f["language"] == "en-GB");
  CHECK(f.count("flag") == 1);
  CHECK(f["flag"].empty());
}

TEST_CASE("form: a broken escape names its byte", "[serve][form]") {
  std::map<std::string, std::string> f;
  std::string error;
  CHECK_FALSE(ParseForm("a=1&text=%4", &f, &error));
  CHECK(error == "form body: byte 10: '%' is not followed by two hexadecimal digits");
  CHECK_FALSE(ParseForm("%g0=1", &f, &error));
  CHECK(error.find("byte 1:") != std::string::npos);
}
