#include "serve/cors.h"

#include <catch2/catch.hpp>

using amends::serve::OriginAllowed;
using amends::serve::SameSecret;

TEST_CASE("cors: exact origins, prefixes and the wildcard", "[serve][cors]") {
  std::vector<std::string> allowed = {"moz-extension://*", "http://localhost:8080"};
  CHECK(OriginAllowed("moz-extension://abc", allowed));
  CHECK(OriginAllowed("http://localhost:8080", allowed));
  CHECK_FALSE(OriginAllowed("http://localhost:8081", allowed));
  CHECK_FALSE(OriginAllowed("https://moz-extension.evil", allowed));
  CHECK_FALSE(OriginAllowed("", allowed));
  CHECK(OriginAllowed("https://anything", {"*"}));
}

TEST_CASE("cors: secrets compare whole", "[serve][cors]") {
  CHECK(SameSecret("abc", "abc"));
  CHECK_FALSE(SameSecret("abc", "abd"));
  CHECK_FALSE(SameSecret("abc", "abcd"));
  CHECK_FALSE(SameSecret("", "a"));
}
