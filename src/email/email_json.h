// Email stage, report side: the "email" object of the JSON checklist
// (docs/json-schema.md) and finding positions measured in the decoded body.
#pragma once

#include <nlohmann/json.hpp>

#include "email/reply.h"

namespace amends::email {

// Adds "email" to `checklist` (a ChecklistJson object for an analysis of
// `reply.analyzed`) and recomputes every finding's line, column and UTF-16
// offsets against `reply.body`, so they match the text a plugin shows even
// when blanked quotes held multi-byte characters. `customer_message_given`:
// --customer-message replaced the quoted thread as the situation's evidence.
void AddEmailJson(const Reply& reply, bool customer_message_given,
                  nlohmann::ordered_json* checklist);

}  // namespace amends::email
