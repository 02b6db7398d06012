// The JSON helpdesk export readers (`amends audit --input zendesk|freshdesk|
// helpscout|intercom`): the input after its first byte is the export file, read
// through RecordSource as the audit reads it; every reply and every record's
// error is drained and checked.
//
// The first byte picks the reader and the record bound:
//   byte % 4        0 Zendesk, 1 Freshdesk, 2 Help Scout, 3 Intercom
//   byte & 4        a 512-byte record bound (else 1 MiB), so lines that are
//                   too long are cut off mid-record too
// Printable seeds start with '0'…'3' ('4'…'7' for the small bound).
#include <cstdio>

#include "export/reader.h"
#include "fuzz_common.h"
#include "input/source.h"

namespace {

using namespace amends::exports;

void CheckText(const std::string& s) {
  // Replies go to the analyzer and into JSON reports: UTF-8 only.
  if (!amends::DescribeInvalidUtf8(s).empty()) std::abort();
}

void CheckName(const std::string& s) {
  // Names, agents and teams are cut and cleaned for reports and terminals.
  CheckText(s);
  if (s.size() > kMaxNameBytes) std::abort();
  for (char c : s)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) std::abort();
}

void CheckMonth(const std::string& m) {
  if (m.empty()) return;
  if (m.size() != 7 || m[4] != '-') std::abort();
  for (size_t i : {0, 1, 2, 3, 5, 6})
    if (m[i] < '0' || m[i] > '9') std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  // The helpdesk formats, in table order: Zendesk, Freshdesk, Help Scout, Intercom.
  static const std::vector<const Format*> kFormats = [] {
    std::vector<const Format*> out;
    for (const Format* f : Formats())
      if (f->conversation) out.push_back(f);
    return out;
  }();
  ReaderOptions options;
  options.format = kFormats[data[0] % kFormats.size()];
  options.max_bytes = (data[0] & 4) ? 512 : 1u << 20;
  const uint8_t* body = data + 1;
  size_t body_size = size - 1;

  FILE* f = fmemopen(const_cast<uint8_t*>(body), body_size, "rb");
  if (!f) return 0;
  std::string error;
  auto source = RecordSource::Open(InputStream::FromFile(f, "fuzz.jsonl"), options, &error);
  if (!source) std::abort();  // a JSON export always opens: there is no header
  size_t items = 0, last_line = 0;
  volatile size_t touched = 0;
  for (Item item; source->Next(&item);) {
    if (++items > body_size) std::abort();  // no record from nothing
    if (item.line <= last_line || item.byte >= body_size) std::abort();
    last_line = item.line;
    for (const ExportReply& r : source->Convert(item)) {
      if (r.line != item.line || r.byte != item.byte) std::abort();
      if (!r.id.is_null() && !r.id.is_string() && !r.id.is_number()) std::abort();
      std::string id = r.id.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      if (!r.error.empty()) {
        // May quote the record's bytes; the audit writes it with invalid
        // UTF-8 replaced and controls escaped. Read it all the same.
        touched = touched + r.error.size() + static_cast<unsigned char>(r.error.back());
        continue;
      }
      // A reply's id is "CONVERSATION/MESSAGE".
      if (!r.id.is_string() || id.find('/') == std::string::npos) std::abort();
      CheckText(r.id.get_ref<const std::string&>());
      CheckText(r.text);
      if (r.customer_message) CheckText(*r.customer_message);
      CheckName(r.customer_name);
      CheckName(r.agent);
      CheckName(r.team);
      CheckMonth(r.month);
    }
  }
  if (source->failed()) std::abort();
  source.reset();
  std::fclose(f);
  return 0;
}
