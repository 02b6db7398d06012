#include "export/csv.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace amends::exports {
namespace {

std::vector<CsvRecord> ReadAll(const std::string& bytes, size_t max = 1 << 20) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("amends-csv-test-" + std::to_string(getpid()) + ".csv"))
                         .string();
  std::ofstream(path, std::ios::binary) << bytes;
  std::string error;
  auto in = InputStream::Open(path, &error);
  REQUIRE(in);
  CsvReader reader(in.get(), ',', max);
  std::vector<CsvRecord> out;
  for (CsvRecord r; reader.Next(&r);) out.push_back(r);
  std::remove(path.c_str());
  return out;
}

}  // namespace

TEST_CASE("csv: RFC 4180 quoting, doubled quotes, line breaks in fields, CRLF", "[export][csv]") {
  auto rows =
      ReadAll("\xEF\xBB\xBFid,text\r\n1,\"Hi, \"\"Ann\"\"\r\nsecond line\"\r\n\r\n2,plain\n3,\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].fields == std::vector<std::string>{"id", "text"});
  CHECK(rows[1].fields == std::vector<std::string>{"1", "Hi, \"Ann\"\r\nsecond line"});
  CHECK(rows[1].line == 2);
  CHECK(rows[2].fields == std::vector<std::string>{"2", "plain"});
  CHECK(rows[2].line == 5);  // after the blank line
  CHECK(rows[3].fields == std::vector<std::string>{"3", ""});
  for (const auto& r : rows) CHECK(r.error.empty());
}

TEST_CASE("csv: malformed quoting is reported with line and byte, reading goes on",
          "[export][csv]") {
  auto rows = ReadAll("a,b\n1,\"x\"y\n2,bad\"quote\n3,ok\n");
  REQUIRE(rows.size() == 4);
  INFO(rows[1].error);
  CHECK(rows[1].error.find("after a closing quote (line 2, byte 9)") != std::string::npos);
  CHECK(rows[2].error.find("quote inside an unquoted field") != std::string::npos);
  CHECK(rows[3].error.empty());
  CHECK(rows[3].fields[1] == "ok");
}

TEST_CASE("csv: an unterminated quote and an oversized record", "[export][csv]") {
  auto rows = ReadAll("a,b\n1,\"never closed\n2,x\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].error.find("unterminated quoted field") == 0);
  auto big = ReadAll("a\n" + std::string(100, 'x') + "\nsmall\n", 10);
  REQUIRE(big.size() == 3);
  CHECK(big[1].error.find("larger than the limit") != std::string::npos);
  CHECK(big[2].fields[0] == "small");
}

}  // namespace amends::exports
