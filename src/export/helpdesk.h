// Export stage: what the helpdesk formats share (src/export/helpdesk/, one
// file per format: one ticket or conversation object of its export, one
// JSON object per line as the vendor's API returns them, to a Conversation).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "export/conversation.h"

namespace amends::exports {

struct HelpdeskUser {
  std::string name;
  std::string role;  // Zendesk: "end-user", "agent", "admin"
};
// Keyed by the user id as text.
using UserTable = std::unordered_map<std::string, HelpdeskUser>;

// Adds the users of a Zendesk `users` array (or an object holding one) to `*table`.
void AddZendeskUsers(const nlohmann::json& users, UserTable* table);

}  // namespace amends::exports
