#include "input/jsonl_record.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace amends;

TEST_CASE("audit records: the fast path and the full parser agree on every line", "[jsonl]") {
  const std::string deep = std::string(3000, '[') + std::string(3000, ']');
  const std::vector<std::string> lines = {
      R"({"id": "a-1", "text": "Sorry!", "customer_message": "It broke", "customer_name": "Mary"})",
      R"({"text": "no id"})",
      R"({"id": null, "text": "null id", "customer_message": null, "customer_name": null})",
      R"({"id": 42, "text": "x"})",
      R"({"id": -7, "text": "x"})",
      R"({"id": 18446744073709551615, "text": "x"})",
      R"({"id": 18446744073709551616, "text": "x"})",
      R"({"id": -9223372036854775809, "text": "x"})",
      R"({"id": 1.0, "text": "x"})",
      R"({"id": 1e2, "text": "x"})",
      R"({"id": -0, "text": "x"})",
      R"({"id": true, "text": "x"})",
      R"({"id": {"a": 1}, "text": "x"})",
      R"({"id": "a", "id": "b", "text": "x"})",
      R"({"text": "first", "text": "second"})",
      R"({"text": "x", "customer_name": "A", "customer_name": "B"})",
      R"({"text": "x", "customer_message": "A", "customer_message": null})",
      R"({"text": 5})",
      R"({"text": "x", "customer_message": ["a"]})",
      R"({"text": "x", "customer_name": 3})",
      R"({"id": "x"})",
      R"({})",
      R"([])",
      R"("text")",
      R"({"text": "x",})",
      R"({"text": "x"} trailing)",
      R"({"text": "x")",
      R"(  {"text": "spaced"}  )",
      "\xEF\xBB\xBF{\"text\": \"after a BOM\"}",
      R"({"text": "lone \ud800 surrogate"})",
      R"({"text": "pair \ud83d\ude00"})",
      R"({"text": "nul \u0000 inside"})",
      R"({"te\u0078t": "escaped key"})",
      "{\"text\": \"bad \xC3\x28 utf8\"}",
      "{\"text\": \"overlong \xC0\xAF\"}",
      "{\"text\": \"raw\ttab\"}",
      "{\"text\": \"raw\nnewline\"}",
      "{\"text\": \"x\", \"extra\": " + deep + "}",
      R"({"text": "x", "extra": 1e999})",
      R"({"text": "x", "extra": [1, 2, {"y": null}]})",
      R"({"text": "x", "extra": tru})",
      std::string("{\"text\": \"x\"}\0", 14),
      std::string("{\"text\": \"x\0y\"}", 16),
      R"({"text": "x", "ticket": 123, "agent": "Alex", "date": "2024-03-05T10:00:00Z"})",
      R"({"text": "x", "ticket": "T-9", "agent": 17, "created_at": 1709632800})",
      R"({"text": "x", "ticket": 1.5, "agent": 2.5, "date": 1.7e9})",
      R"({"text": "x", "ticket": -4, "agent": true, "date": null, "created_at": "2024-01-02"})",
      R"({"text": "x", "ticket": [1], "agent": {"name": "A"}, "date": false})",
      R"({"text": "x", "date": "a", "created_at": "b"})",
      R"({"text": "x", "created_at": "b", "date": "a"})",
      R"({"text": "x", "ticket": 1, "ticket": 2})",
      R"({"text": "x", "agent": "A", "agent": null})",
      R"({"text": "x", "date": "a", "date": "b"})",
      R"({"text": "x", "created_at": 1, "created_at": 2})",
      R"({"text": "x", "ticket": 18446744073709551615})",
      "",
  };
  for (const std::string& line : lines) {
    INFO(line.substr(0, 120));
    AuditRecord fast, full;
    std::string fast_error, full_error;
    bool fast_ok = ParseAuditRecord(line, &fast, &fast_error);
    bool full_ok = ParseAuditRecordFully(line, &full, &full_error);
    CHECK(fast_ok == full_ok);
    CHECK(fast_error == full_error);
    if (fast_ok && full_ok) CHECK(fast == full);
  }
}

TEST_CASE("audit records: fields as given", "[jsonl]") {
  AuditRecord r;
  std::string error;
  REQUIRE(ParseAuditRecord(
      R"({"id": 7, "text": "Hi \"you\"", "customer_message": "", "customer_name": "Zoë"})", &r,
      &error));
  CHECK(r.id == 7);
  CHECK(r.text == "Hi \"you\"");
  REQUIRE(r.customer_message);
  CHECK(r.customer_message->empty());
  CHECK(r.customer_name == "Zo\xC3\xAB");
  REQUIRE(ParseAuditRecord(R"({"text": "x", "id": "t-1"})", &r, &error));
  CHECK(r.id == "t-1");
  CHECK_FALSE(r.customer_message);
  CHECK(r.ticket.is_null());
  CHECK(r.date.is_null());
  CHECK(r.agent.empty());
  REQUIRE(ParseAuditRecord(
      R"({"text": "x", "ticket": 35436, "agent": "Ann", "created_at": 1709632800})", &r, &error));
  CHECK(r.ticket == 35436);
  CHECK(r.agent == "Ann");
  CHECK(r.date == 1709632800);
  REQUIRE(ParseAuditRecord(R"({"text": "x", "date": "2024-03-05", "created_at": 1})", &r, &error));
  CHECK(r.date == "2024-03-05");
  CHECK_FALSE(ParseAuditRecord(R"({"text": "x", "text": 1})", &r, &error));
  CHECK(error == "\"text\" must be a string");
}
