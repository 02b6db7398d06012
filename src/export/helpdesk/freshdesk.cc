// Freshdesk: a ticket with `conversations`: `incoming` ones are the
// customer's, outgoing ones not `private` are agent replies; `body_text`,
// else `body` made text; `description_text` opens the thread.
#include "export/fields.h"
#include "export/format.h"
#include "export/helpdesk.h"

namespace amends::exports {

bool FreshdeskConversation(const nlohmann::json& ticket, Conversation* out, std::string* error) {
  const nlohmann::json& conversations = Field(ticket, "conversations");
  if (!conversations.is_array()) {
    *error = conversations.is_null() ? "ticket has no \"conversations\" array"
                                     : "\"conversations\" must be an array";
    return false;
  }
  out->id = Text(Field(ticket, "id"));
  out->ticket = Scalar(Field(ticket, "id"), kMaxNameBytes);
  if (out->id.empty()) {
    *error = "ticket has no \"id\"";
    return false;
  }
  out->customer_name = Text(Field(Field(ticket, "requester"), "name"));
  out->team = Text(Field(ticket, "group_id"));
  // Agents side-loaded as [{"id", "contact": {"name"}}] name the repliers.
  std::unordered_map<std::string, std::string> agents;
  if (const auto& list = Field(ticket, "agents"); list.is_array())
    for (const auto& a : list)
      agents[Text(Field(a, "id"))] = Text(Field(Field(a, "contact"), "name"));
  if (const auto& d = Field(ticket, "description_text");
      d.is_string() && !d.get<std::string>().empty()) {
    ConversationMessage m;
    m.id = "description";
    m.author = Author::kCustomer;
    m.text = d.get<std::string>();
    out->messages.push_back(std::move(m));
  }
  for (const auto& c : conversations) {
    if (!c.is_object()) {
      *error = "a conversation is not an object";
      return false;
    }
    ConversationMessage m;
    m.id = Text(Field(c, "id"));
    bool incoming = Field(c, "incoming").is_boolean() && Field(c, "incoming").get<bool>();
    bool is_private = Field(c, "private").is_boolean() && Field(c, "private").get<bool>();
    m.author = is_private ? Author::kOther : incoming ? Author::kCustomer : Author::kAgent;
    std::string user = Text(Field(c, "user_id"));
    auto it = agents.find(user);
    m.author_name = it != agents.end() && !it->second.empty() ? it->second : "agent " + user;
    if (Field(c, "body_text").is_string()) m.text = Text(Field(c, "body_text"));
    else m.text = HtmlToPlain(Text(Field(c, "body")));
    m.SetDate(Field(c, "created_at"));
    out->messages.push_back(std::move(m));
  }
  return true;
}

extern const Format kFreshdeskFormat = {
    .name = "freshdesk",
    .keys = {"conversations"},
    .guess_order = 2,
    .conversation = [](const nlohmann::json& record, const UserTable&, Conversation* out,
                       std::string* error) { return FreshdeskConversation(record, out, error); }};

}  // namespace amends::exports
