// Intercom: a conversation with `source` and `conversation_parts`: parts by
// an `author.type` "admin" with a body (comment, assignment, open, close)
// are agent replies, notes are skipped, user/lead/contact parts are the
// customer's; HTML bodies.
#include "export/fields.h"
#include "export/format.h"
#include "export/helpdesk.h"

namespace amends::exports {
namespace {

Author AuthorOf(const nlohmann::json& author) {
  std::string type = Text(Field(author, "type"));
  if (type == "admin") return Author::kAgent;
  if (type == "user" || type == "lead" || type == "contact") return Author::kCustomer;
  return Author::kOther;  // bot, team, unknown
}

}  // namespace

bool IntercomConversation(const nlohmann::json& conv, Conversation* out, std::string* error) {
  const nlohmann::json* parts = &Field(conv, "conversation_parts");
  if (parts->is_object()) parts = &Field(*parts, "conversation_parts");
  if (!parts->is_array()) {
    *error = "conversation has no \"conversation_parts\" list";
    return false;
  }
  out->id = Text(Field(conv, "id"));
  out->ticket = Scalar(Field(conv, "id"), kMaxNameBytes);
  if (out->id.empty()) {
    *error = "conversation has no \"id\"";
    return false;
  }
  out->team = Text(Field(conv, "team_assignee_id"));
  const nlohmann::json& source = Field(conv, "source");
  if (source.is_object() && Field(source, "body").is_string()) {
    ConversationMessage m;
    m.id = Text(Field(source, "id"));
    if (m.id.empty()) m.id = "source";
    m.author = AuthorOf(Field(source, "author"));
    m.author_name = Text(Field(Field(source, "author"), "name"));
    m.text = HtmlToPlain(Text(Field(source, "body")));
    m.SetDate(Field(conv, "created_at"));
    if (m.author == Author::kCustomer) out->customer_name = m.author_name;
    out->messages.push_back(std::move(m));
  }
  for (const auto& p : *parts) {
    if (!p.is_object()) {
      *error = "a conversation part is not an object";
      return false;
    }
    ConversationMessage m;
    m.id = Text(Field(p, "id"));
    std::string type = Text(Field(p, "part_type"));
    const nlohmann::json& body = Field(p, "body");
    bool has_body = body.is_string() && !body.get<std::string>().empty();
    if (type != "note" && has_body) m.author = AuthorOf(Field(p, "author"));
    m.author_name = Text(Field(Field(p, "author"), "name"));
    if (has_body) m.text = HtmlToPlain(body.get<std::string>());
    m.SetDate(Field(p, "created_at"));
    if (m.author == Author::kCustomer && out->customer_name.empty())
      out->customer_name = m.author_name;
    out->messages.push_back(std::move(m));
  }
  return true;
}

extern const Format kIntercomFormat = {
    .name = "intercom",
    .help = "conversations as JSON lines",
    .keys = {"conversation_parts"},
    .guess_order = 0,
    .conversation = [](const nlohmann::json& record, const UserTable&, Conversation* out,
                       std::string* error) { return IntercomConversation(record, out, error); }};

}  // namespace amends::exports
