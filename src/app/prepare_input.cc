#include "app/prepare_input.h"

#include <cstdio>

#include "email/detect.h"

namespace amends::app {
namespace {

std::string Escaped(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

bool PrepareInput(const std::string& mode, Source* source, PreparedInput* prepared,
                  Request* request, std::string* error) {
  prepared->is_email =
      mode == "email" || (mode == "auto" && email::LooksLikeMessage(source->bytes));
  if (!prepared->is_email) {
    if (!ValidateSource(source, error)) return false;
    request->text = source->bytes;
    request->begin = source->begin;
    return true;
  }
  if (!email::ReadReply(source->bytes, source->name, {}, &prepared->reply, error)) return false;
  email::Reply& r = prepared->reply;
  if (!request->customer_name.empty()) {  // --customer-name wins over the headers
    r.customer_name.clear();
    r.customer_name_source.clear();
  }
  request->text = r.analyzed;
  request->begin = 0;
  if (!request->customer_message && !r.quoted.empty()) request->customer_message = r.quoted;
  if (request->customer_name.empty()) request->customer_name = r.customer_name;
  return true;
}

std::string EmailSummary(const PreparedInput& prepared) {
  if (!prepared.is_email) return "";
  const email::Reply& r = prepared.reply;
  const email::Message& m = r.message;
  std::string out = "email: ";
  if (!m.has_body) {
    out += "no text part";
  } else {
    out += m.part.content_type + " part " + m.part.path;
    std::string charset = m.part.charset.empty() ? "us-ascii" : m.part.charset;
    out += " (" + charset + ", " + m.part.transfer_encoding +
           (m.part.flowed ? ", format=flowed" : "") + ")";
  }
  size_t quote = 0, signature = 0;
  for (const email::Stripped& s : r.stripped)
    (s.kind == email::StripKind::kSignature ? signature : quote) += s.end - s.start;
  if (quote) out += "; quoted thread ignored (" + std::to_string(quote) + " bytes)";
  if (signature) out += "; signature ignored";
  if (!r.customer_name_source.empty())
    out += "; customer " + r.customer_name + " (from " +
           (r.customer_name_source == "to" ? "To:" : "the quoted From:") + ")";
  out += "\n";
  for (const std::string& w : m.warnings) out += "email: warning: " + w + "\n";
  std::string escaped;  // each line escaped, the line breaks kept
  size_t start = 0;
  for (size_t nl = out.find('\n'); nl != std::string::npos; nl = out.find('\n', start)) {
    escaped += Escaped(std::string_view(out).substr(start, nl - start)) + "\n";
    start = nl + 1;
  }
  return escaped;
}

}  // namespace amends::app
