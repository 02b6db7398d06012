#include "report/email_json.h"

#include <nlohmann/json.hpp>

#include "report/positions.h"

namespace amends {
namespace {

nlohmann::ordered_json NameOrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

nlohmann::ordered_json MailboxJson(const email::Mailbox& m) {
  nlohmann::ordered_json j;
  j["name"] = NameOrNull(m.name);
  j["address"] = NameOrNull(m.address);
  return j;
}

}  // namespace

void AppendEmailMember(const email::Reply& reply, bool customer_message_given, std::string* out) {
  PositionIndex index(reply.body, 0);
  const email::Message& m = reply.message;
  nlohmann::ordered_json e;
  if (m.has_body) {
    nlohmann::ordered_json part;
    part["path"] = m.part.path;
    part["content_type"] = m.part.content_type;
    part["charset"] = NameOrNull(m.part.charset);
    part["transfer_encoding"] = m.part.transfer_encoding;
    part["format_flowed"] = m.part.flowed;
    e["part"] = std::move(part);
  } else {
    e["part"] = nullptr;
  }
  e["from"] = MailboxJson(m.from);
  nlohmann::ordered_json to = nlohmann::ordered_json::array();
  for (const email::Mailbox& t : m.to) to.push_back(MailboxJson(t));
  e["to"] = std::move(to);
  e["subject"] = m.subject;
  e["customer_name_source"] = NameOrNull(reply.customer_name_source);
  e["body"] = reply.body;
  nlohmann::ordered_json stripped = nlohmann::ordered_json::array();
  for (const email::Stripped& s : reply.stripped) {
    Position a = index.At(s.start), b = index.At(s.end);
    nlohmann::ordered_json j;
    j["kind"] = email::StripKindName(s.kind);
    j["start"] = s.start;
    j["end"] = s.end;
    j["line"] = a.line;
    j["end_line"] = b.line;
    j["utf16_start"] = a.utf16;
    j["utf16_end"] = b.utf16;
    stripped.push_back(std::move(j));
  }
  e["stripped"] = std::move(stripped);
  e["customer_message"] =
      customer_message_given ? nlohmann::ordered_json(nullptr) : NameOrNull(reply.quoted);
  nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
  for (const std::string& w : m.warnings) warnings.push_back(w);
  e["warnings"] = std::move(warnings);
  out->append("\"email\":");
  out->append(e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace amends
