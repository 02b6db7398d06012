// Report stage: the "email" member of the JSON checklist
// (docs/json-schema.md). A finding's positions in the decoded body travel
// as data: the sink passes the body as the checklist's `positions_in`
// (report/json_report.h), so nothing is re-parsed.
#pragma once

#include <string>

#include "email/reply.h"

namespace amends {

// Appends `"email":{…}` for `reply` to `*out`: a member for
// ChecklistFrame::trailing_members. `customer_message_given`:
// --customer-message replaced the quoted thread as the situation's
// evidence.
void AppendEmailMember(const email::Reply& reply, bool customer_message_given, std::string* out);

}  // namespace amends
