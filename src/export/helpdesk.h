// Export stage: one ticket or conversation object of a helpdesk export (one
// JSON object per line, as the vendors' APIs return them) to a Conversation.
// Each returns false with `*error` when the object lacks what it needs.
#pragma once

#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

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

// Zendesk: a ticket with its `comments` (and `users` side-loaded, or known
// from `users`): `author_id` joined to the user's `role` (agent/admin wrote
// it), `public` comments only, `plain_body`, else `html_body` made text,
// else `body`; the customer is the requester.
bool ZendeskConversation(const nlohmann::json& record, const UserTable& users, Conversation* out,
                         std::string* error);

// Freshdesk: a ticket with `conversations`: `incoming` ones are the
// customer's, outgoing ones not `private` are agent replies; `body_text`,
// else `body` made text; `description_text` opens the thread.
bool FreshdeskConversation(const nlohmann::json& record, Conversation* out, std::string* error);

// Help Scout: a conversation with `_embedded.threads`: `type` "reply" by a
// `createdBy.type` "user" is an agent reply, "customer" the customer's;
// notes are skipped; HTML bodies; `customer.first` names the customer.
bool HelpScoutConversation(const nlohmann::json& record, Conversation* out, std::string* error);

// Intercom: a conversation with `source` and `conversation_parts`: parts by
// an `author.type` "admin" with a body (comment, assignment, open, close)
// are agent replies, notes are skipped, user/lead/contact parts are the
// customer's; HTML bodies.
bool IntercomConversation(const nlohmann::json& record, Conversation* out, std::string* error);

}  // namespace amends::exports
