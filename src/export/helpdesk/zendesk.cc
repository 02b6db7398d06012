// Zendesk: a ticket with its `comments` (and `users` side-loaded, or known
// from `users`): `author_id` joined to the user's `role` (agent/admin wrote
// it), `public` comments only, `plain_body`, else `html_body` made text,
// else `body`; the customer is the requester.
#include "export/fields.h"
#include "export/format.h"
#include "export/helpdesk.h"

namespace amends::exports {

void AddZendeskUsers(const nlohmann::json& users, UserTable* table) {
  const nlohmann::json& list = users.is_object() ? Field(users, "users") : users;
  if (!list.is_array()) return;
  for (const auto& u : list) {
    std::string id = Text(Field(u, "id"));
    if (id.empty()) continue;
    (*table)[id] = HelpdeskUser{Text(Field(u, "name")), Text(Field(u, "role"))};
  }
}

bool ZendeskConversation(const nlohmann::json& record, const UserTable& global_users,
                         Conversation* out, std::string* error) {
  const nlohmann::json& ticket =
      Field(record, "ticket").is_object() ? Field(record, "ticket") : record;
  const nlohmann::json* comments = &Field(record, "comments");
  if (comments->is_null()) comments = &Field(ticket, "comments");
  if (!comments->is_array()) {
    *error =
        comments->is_null() ? "ticket has no \"comments\" array" : "\"comments\" must be an array";
    return false;
  }
  UserTable local;
  AddZendeskUsers(Field(record, "users"), &local);
  auto user = [&](const std::string& id) -> const HelpdeskUser* {
    if (auto it = local.find(id); it != local.end()) return &it->second;
    if (auto it = global_users.find(id); it != global_users.end()) return &it->second;
    return nullptr;
  };
  out->id = Text(Field(ticket, "id"));
  out->ticket = Scalar(Field(ticket, "id"), kMaxNameBytes);
  if (out->id.empty()) {
    *error = "ticket has no \"id\"";
    return false;
  }
  std::string requester = Text(Field(ticket, "requester_id"));
  if (const HelpdeskUser* u = user(requester)) out->customer_name = u->name;
  if (out->customer_name.empty())
    out->customer_name = Text(Field(Field(ticket, "requester"), "name"));
  out->team = Text(Field(ticket, "group_id"));
  for (const auto& c : *comments) {
    if (!c.is_object()) {
      *error = "a comment is not an object";
      return false;
    }
    ConversationMessage m;
    m.id = Text(Field(c, "id"));
    std::string author_id = Text(Field(c, "author_id"));
    const HelpdeskUser* author = user(author_id);
    std::string role = author ? author->role : "";
    bool is_public = !Field(c, "public").is_boolean() || Field(c, "public").get<bool>();
    if (role == "agent" || role == "admin") m.author = is_public ? Author::kAgent : Author::kOther;
    else if (role == "end-user" || (!author && author_id == requester && !requester.empty()))
      m.author = is_public ? Author::kCustomer : Author::kOther;
    if (!author && author_id != requester) ++out->unknown_roles;
    m.author_name = author && !author->name.empty() ? author->name : "user " + author_id;
    if (Field(c, "plain_body").is_string()) m.text = Text(Field(c, "plain_body"));
    else if (Field(c, "html_body").is_string()) m.text = HtmlToPlain(Text(Field(c, "html_body")));
    else m.text = Text(Field(c, "body"));
    m.SetDate(Field(c, "created_at"));
    out->messages.push_back(std::move(m));
  }
  return true;
}

extern const Format kZendeskFormat = {
    .name = "zendesk",
    .help = "tickets with comments; users side-loaded or --users FILE",
    .keys = {"comments"},
    .guess_order = 3,
    .conversation = &ZendeskConversation};

}  // namespace amends::exports
