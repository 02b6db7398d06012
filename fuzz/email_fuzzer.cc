// A whole email message: ReadReply (GMime, charsets, HTML, stripping),
// then the checklist of what the agent wrote.
#include "email/reply.h"
#include "fuzz_common.h"
#include "input/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace amends;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  email::Reply reply;
  std::string error;
  if (!email::ReadReply(bytes, "fuzz.eml", {}, &reply, &error)) {
    if (error.empty()) std::abort();  // a refusal must say why
    return 0;
  }
  // The reader promises UTF-8 out, and offsets shared with the body.
  if (!DescribeInvalidUtf8(reply.body).empty()) std::abort();
  if (!DescribeInvalidUtf8(reply.analyzed).empty()) std::abort();
  if (reply.analyzed.size() > reply.body.size()) std::abort();
  for (const email::Stripped& s : reply.stripped)
    if (s.end > reply.body.size() || s.start > s.end) std::abort();
  Request request;
  request.text = reply.analyzed;
  if (!reply.quoted.empty()) request.customer_message = reply.quoted;
  request.customer_name = reply.customer_name;
  fuzz::AnalyzeAndRender(fuzz::EmbeddedAnalyzer(), request);
  return 0;
}
