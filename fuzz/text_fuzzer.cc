// Plain text → validation → ICU segmentation → rules → checks → reports.
// Input: draft [SEP customer message [SEP customer name]] (SEP in
// fuzz_common.h); the draft is checked as `amends check` reads a file.
#include "fuzz_common.h"
#include "input/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends;
  const Analyzer& analyzer = fuzz::EmbeddedAnalyzer();
  auto parts = fuzz::SplitParts(std::string_view(reinterpret_cast<const char*>(data), size), 3);
  Source draft;
  draft.name = "fuzz.txt";
  draft.bytes.assign(parts[0]);
  std::string error;
  if (!ValidateSource(&draft, &error)) {
    if (error.rfind("fuzz.txt:", 0) != 0) std::abort();  // must name the file
    return 0;
  }
  Request request;
  request.text = draft.bytes;
  request.begin = draft.begin;
  std::string customer;
  if (parts.size() > 1) {
    customer.assign(parts[1]);
    if (!DescribeInvalidUtf8(customer).empty()) return 0;
    request.customer_message = customer;
  }
  if (parts.size() > 2) {
    if (!DescribeInvalidUtf8(parts[2]).empty()) return 0;
    request.customer_name = std::string(parts[2]);
  }
  switch (size % 3) {
    case 1:
      request.force_recovery = true;
      break;
    case 2:
      request.force_recovery = false;
      break;
    default:
      break;
  }
  fuzz::AnalyzeAndRender(analyzer, request);
  return 0;
}
