// Input stage for `amends audit`: one JSON object per line.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace amends {

// {"id", "text", "customer_message"?, "customer_name"?, "ticket"?, "agent"?,
// "date"? (or "created_at")}
struct AuditRecord {
  nlohmann::json id;  // as given (string or number); null when absent
  std::string text;
  std::optional<std::string> customer_message;
  std::string customer_name;
  // What joins the output back to the export, never an error: "ticket" and
  // "date" (else "created_at") as given when a string or number, else null;
  // "agent" as text (a number or boolean as its JSON text), else "".
  nlohmann::json ticket, date;
  std::string agent;
};

// Parses one line. On failure returns false, sets `*error` to a message
// naming the byte (1-based column) where that is known, and sets `*id` when
// the line was an object with a usable "id".
//
// Most lines take a fast path (simdjson); any line it does not fully
// accept goes through the complete parser (nlohmann::json), which alone
// writes errors, so the result is the same either way.
bool ParseAuditRecord(std::string_view line, AuditRecord* out, std::string* error);

// The same without the fast path: tests and the audit_record fuzzer check
// that the two agree.
bool ParseAuditRecordFully(std::string_view line, AuditRecord* out, std::string* error);

bool operator==(const AuditRecord& a, const AuditRecord& b);

}  // namespace amends
