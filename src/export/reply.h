// Export stage: one agent reply picked out of a ticket export, or the reason
// a record of the export could not be read. Every reader turns its input
// into these; the audit checks each reply and writes one line per item.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace amends::exports {

struct ExportReply {
  nlohmann::json id;  // string or number as the export gives it; null when unknown
  std::string text;   // the agent's words, well-formed UTF-8
  std::optional<std::string> customer_message;  // the message it answers, when known
  std::string customer_name;                    // "" when unknown
  std::string agent;                            // who wrote it; "" when unknown
  std::string team;                             // group, mailbox or team; "" when unknown
  std::string month;                            // "YYYY-MM" when the export dates it, else ""
  // What joins an output line back to the export, as the export gives them
  // (a string, or a number such as a ticket id or Unix time); null when it
  // has none.
  nlohmann::json ticket;
  nlohmann::json date;
  std::string error;  // non-empty: this item is an error record, not a reply
  // Where the record began in the input: 1-based line, 0-based byte offset.
  size_t line = 0;
  uint64_t byte = 0;
};

// Sizes replies are cut to before they reach the analyzer or a report.
inline constexpr size_t kMaxNameBytes = 256;

}  // namespace amends::exports
