// The CSV export reader: every record is consumed with increasing
// positions, whatever the quoting; a malformed one says why.
#include <cstdio>

#include "export/csv.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends::exports;
  if (size == 0) return 0;
  FILE* f = fmemopen(const_cast<uint8_t*>(data), size, "rb");
  if (!f) return 0;
  auto in = InputStream::FromFile(f, "fuzz.csv");
  CsvReader reader(in.get(), ',', 4096);
  CsvRecord record;
  uint64_t last_byte = 0;
  size_t records = 0;
  while (reader.Next(&record)) {
    if (records++ && record.byte <= last_byte) std::abort();  // must move forward
    if (record.byte > size || record.line == 0) std::abort();
    last_byte = record.byte;
    for (const std::string& field : record.fields)
      if (field.size() > 4096 + 16) std::abort();  // the record bound holds
    if (records > size + 1) std::abort();          // no record from nothing
  }
  in.reset();
  std::fclose(f);
  return 0;
}
