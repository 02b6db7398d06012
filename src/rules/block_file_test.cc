#include "rules/block_file.h"

#include <catch2/catch.hpp>

using namespace amends;

namespace {
BlockFile Parse(const std::string& text) {
  BlockFile f;
  std::string error;
  INFO(error);
  REQUIRE(ParseBlockFile("demo.rules", text, &f, &error));
  return f;
}

std::string ParseError(const std::string& text) {
  BlockFile f;
  std::string error;
  REQUIRE_FALSE(ParseBlockFile("demo.rules", text, &f, &error));
  return error;
}
}  // namespace

TEST_CASE("a field continues on lines indented deeper than its key", "[block_file]") {
  BlockFile f = Parse(
      "rule a.b\n"
      "  match: (per|as per\n"
      "         |according to)   \n"
      "    # a comment between continuation lines\n"
      "\n"
      "         our policy\n"
      "  fire: Per our policy.\n");
  REQUIRE(f.blocks.size() == 1);
  REQUIRE(f.blocks[0].fields.size() == 2);
  const BlockField& m = f.blocks[0].fields[0];
  CHECK(m.key == "match");
  CHECK(m.value == "(per|as per |according to) our policy");
  CHECK_FALSE(m.list);
  CHECK(m.Locate(0) == std::make_pair(2, 10));
  CHECK(m.Locate(12) == std::make_pair(3, 10));  // the '|' opening line 3
  CHECK(m.Locate(std::string("(per|as per |according to) ").size()) == std::make_pair(6, 10));
  CHECK(f.blocks[0].fields[1].value == "Per our policy.");
}

TEST_CASE("a define's value may be a '- item' list", "[block_file]") {
  BlockFile f = Parse(
      "define rules =\n"
      "  - policy\n"
      "  # the legal words\n"
      "  - terms and conditions | t and c\n"
      "  - small print\n"
      "rule x.y\n"
      "  tag: t\n");
  REQUIRE(f.blocks.size() == 2);
  const Block& d = f.blocks[0];
  CHECK(d.keyword == "define");
  CHECK(d.arg == "rules");
  CHECK(d.list);
  CHECK(d.value == "(policy|terms and conditions | t and c|small print)");
  CHECK(d.LocateValue(1) == std::make_pair(2, 5));
  CHECK(d.LocateValue(8) == std::make_pair(4, 5));
  CHECK(d.LocateValue(d.value.find("small")) == std::make_pair(5, 5));
  CHECK(f.blocks[1].fields[0].value == "t");
}

TEST_CASE("a define continues on any indented line", "[block_file]") {
  BlockFile f = Parse("define we = (we|i\n  |our team)\n");
  CHECK(f.blocks[0].value == "(we|i |our team)");
  CHECK_FALSE(f.blocks[0].list);
  CHECK(f.blocks[0].LocateValue(6) == std::make_pair(2, 3));
}

TEST_CASE("a field's list and a field of the same indent", "[block_file]") {
  BlockFile f = Parse(
      "rule a.b\n"
      "  match:\n"
      "    - we can't\n"
      "    - we cannot\n"
      "  unless: we can't wait\n");
  const auto& fields = f.blocks[0].fields;
  REQUIRE(fields.size() == 2);
  CHECK(fields[0].list);
  CHECK(fields[0].value == "(we can't|we cannot)");
  CHECK(fields[1].key == "unless");
  CHECK(fields[1].value == "we can't wait");
}

TEST_CASE("a list takes only '- item' lines", "[block_file]") {
  CHECK(ParseError("define a =\n  - one\n  two\n")
            .find("demo.rules:3:3: expected '- item': this value is a list") == 0);
  CHECK(ParseError("define a =\n  - one\n  -\n").find("demo.rules:3:3: empty list item") == 0);
}

TEST_CASE("an indented line with no block above is still an error", "[block_file]") {
  CHECK(ParseError("  tag: x\n").find("demo.rules:1:1: indented field outside a block") == 0);
}

TEST_CASE("a value left empty keeps its place", "[block_file]") {
  BlockFile f = Parse("rule a.b\n  message:\n  fire: x\n");
  CHECK(f.blocks[0].fields[0].value.empty());
  CHECK(f.blocks[0].fields[0].Locate(0) == std::make_pair(2, 11));
}
