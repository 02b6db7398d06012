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

TEST_CASE("escaping finds a special byte wherever it falls in an 8-byte word", "[json]") {
  // The byte-at-a-time definition the fast path must agree with.
  auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c == '\b') out += "\\b";
      else if (c == '\f') out += "\\f";
      else if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else out += static_cast<char>(c);
    }
    return out + "\"";
  };
  const std::string specials = std::string("\"\\\n\r\t\b\f\x01\x1f", 9) + std::string(1, '\0');
  for (size_t len = 0; len <= 24; ++len) {
    for (size_t at = 0; at < len; ++at) {
      for (char special : specials) {
        std::string s(len, 'a');
        s[at] = special;
        if (len > 3) s[len - 1] = '\xc3';  // a UTF-8 lead byte is no special
        std::string got;
        amends::JsonWriter::Escape(s, &got);
        INFO("len " << len << " at " << at << " byte " << int(special));
        REQUIRE(got == reference(s));
      }
    }
  }
  std::string plain(100, 'x');
  std::string got;
  amends::JsonWriter::Escape(plain, &got);
  CHECK(got == "\"" + plain + "\"");
}

TEST_CASE("the JSON writer nests 64 levels with commas at each", "[json]") {
  std::string out;
  JsonWriter w(&out);
  for (int d = 0; d < 64; ++d) {
    w.BeginArray();
    w.Uint(static_cast<uint64_t>(d));
  }
  for (int d = 0; d < 64; ++d) w.EndArray();
  auto j = nlohmann::json::parse(out);
  for (int d = 0; d < 63; ++d) {
    REQUIRE(j.size() == 2);
    CHECK(j[0] == d);
    nlohmann::json inner = j[1];
    j = inner;
  }
  CHECK(j == nlohmann::json::array({63}));
  CHECK(out.size() == 2 * 64 + 63 + 10 + 54 * 2);  // brackets, commas, digits
}
