// Export stage: RFC 4180 records read one at a time from a stream: quoted
// fields may hold commas, doubled quotes and line breaks; CRLF or LF ends a
// record; a BOM before the first field is skipped.
//
// Written here rather than taken from Debian: libfccp-dev (fast-cpp-csv-parser)
// fixes the column count at compile time and does not allow line breaks inside
// quoted fields, which every ticket export has; libcsv-dev is a C callback
// API that reports no record positions. This reader is ~100 lines with tests
// (csv_test.cc) and reports errors by line and byte.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "export/input_stream.h"

namespace amends::exports {

struct CsvRecord {
  std::vector<std::string> fields;
  size_t line = 0;    // 1-based line the record starts on
  uint64_t byte = 0;  // byte offset where it starts
  std::string error;  // non-empty: the record is malformed (it was still consumed)
};

class CsvReader {
 public:
  // `max_bytes` bounds one record; a larger one is consumed and reported.
  CsvReader(InputStream* in, char delimiter, size_t max_bytes)
      : in_(in), delimiter_(delimiter), max_bytes_(max_bytes) {}

  // Reads the next record; blank lines are skipped. False at the end.
  bool Next(CsvRecord* out);

 private:
  InputStream* in_;
  char delimiter_;
  size_t max_bytes_;
  bool first_ = true;
};

}  // namespace amends::exports
