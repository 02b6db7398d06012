// One `amends audit` line: ParseAuditRecord (checked against the full
// parser) → analyze → the JSON line out.
#include "fuzz_common.h"
#include "input/jsonl_record.h"
#include "input/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends;
  const Analyzer& analyzer = fuzz::EmbeddedAnalyzer();
  std::string_view line(reinterpret_cast<const char*>(data), size);
  AuditRecord record, full;
  std::string error, full_error;
  bool ok = ParseAuditRecord(line, &record, &error);
  // The fast path must agree with the full parser: the same record, or
  // the same error.
  if (ParseAuditRecordFully(line, &full, &full_error) != ok || error != full_error) std::abort();
  if (ok && !(record == full)) std::abort();
  if (!ok) {
    if (error.empty()) std::abort();  // a bad record must say why
    return 0;
  }
  // The JSON parser is the only gate before the analyzer: what it lets
  // through must be valid UTF-8.
  if (!DescribeInvalidUtf8(record.text).empty()) std::abort();
  Request request;
  request.text = record.text;
  if (record.customer_message) {
    if (!DescribeInvalidUtf8(*record.customer_message).empty()) std::abort();
    request.customer_message = *record.customer_message;
  }
  request.customer_name = record.customer_name;
  fuzz::AnalyzeAndRender(analyzer, request);
  return 0;
}
