#include "report/json_writer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace amends;

TEST_CASE("the JSON writer escapes hostile text and nests correctly", "[json]") {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("text");
  w.String("a\"b\\c\n\t\x01\x1b caf\xC3\xA9 \xF0\x9F\x98\x80");
  w.Key("list");
  w.BeginArray();
  w.Uint(0);
  w.Bool(false);
  w.Null();
  w.BeginObject();
  w.EndObject();
  w.Double(0.25);
  w.EndArray();
  w.Key("id");
  w.Raw("\"x-1\"");
  w.EndObject();
  CHECK(out ==
        "{\"text\":\"a\\\"b\\\\c\\n\\t\\u0001\\u001b caf\xC3\xA9 \xF0\x9F\x98\x80\","
        "\"list\":[0,false,null,{},0.25],\"id\":\"x-1\"}");
  auto j = nlohmann::json::parse(out);
  CHECK(j["text"] == "a\"b\\c\n\t\x01\x1b caf\xC3\xA9 \xF0\x9F\x98\x80");
}
