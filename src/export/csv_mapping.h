// Export stage: CSV rows to replies through a column mapping. Columns are
// named by header or by 1-based number. With a role column, rows whose role
// is not an agent's are customer messages: the next agent row of the same
// ticket (ticket column) answers the latest one; rows whose role is a
// note's are skipped. Without an id column, replies are "row:N" (the Nth
// row after the header).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "export/csv.h"
#include "export/reply.h"

namespace amends::exports {

struct CsvColumns {
  std::string text = "text";  // required
  std::string id, customer_name, customer_message, agent, team, date, role, ticket;
  std::vector<std::string> agent_roles = {"agent", "admin", "staff"};  // case-insensitive
  // Rows with these roles are skipped: neither a reply nor the customer's.
  std::vector<std::string> note_roles = {"note", "internal", "private"};
  char delimiter = ',';
};

class CsvMapping {
 public:
  // Resolves the columns against the header row. False with `*error` when a
  // named column is missing.
  bool Resolve(const CsvColumns& columns, const std::vector<std::string>& header,
               std::string* error);

  // One row: appends a reply or an error record, or nothing for a customer
  // row (remembered for the next reply of its ticket). Rows must come in
  // file order.
  void Row(const CsvRecord& record, std::vector<ExportReply>* out);

 private:
  int text_ = -1, id_ = -1, name_ = -1, message_ = -1, agent_ = -1, team_ = -1, date_ = -1,
      role_ = -1, ticket_ = -1;
  std::vector<std::string> agent_roles_, note_roles_;
  uint64_t row_ = 0;  // data rows so far: "row:N" ids without an id column
  size_t width_ = 0;
  std::string ticket_seen_;   // the ticket of the previous row
  std::string last_message_;  // its latest customer message
  bool have_message_ = false;
  std::string last_name_;  // the customer's name from a customer row
};

}  // namespace amends::exports
