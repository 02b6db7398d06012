// Help Scout: a conversation with `_embedded.threads`: `type` "reply" by a
// `createdBy.type` "user" is an agent reply, "customer" the customer's;
// notes are skipped; HTML bodies; `customer.first` names the customer.
#include <algorithm>

#include "export/fields.h"
#include "export/format.h"
#include "export/helpdesk.h"

namespace amends::exports {
namespace {

std::string FullName(const nlohmann::json& person) {
  std::string first = Text(Field(person, "first")), last = Text(Field(person, "last"));
  if (first.empty()) return last;
  return last.empty() ? first : first + " " + last;
}

}  // namespace

bool HelpScoutConversation(const nlohmann::json& conv, Conversation* out, std::string* error) {
  const nlohmann::json* threads = &Field(Field(conv, "_embedded"), "threads");
  if (!threads->is_array()) threads = &Field(conv, "threads");
  if (!threads->is_array()) {
    *error = "conversation has no \"_embedded.threads\" array";
    return false;
  }
  out->id = Text(Field(conv, "id"));
  out->ticket = Scalar(Field(conv, "id"), kMaxNameBytes);
  if (out->id.empty()) {
    *error = "conversation has no \"id\"";
    return false;
  }
  out->customer_name = FullName(Field(conv, "customer"));
  if (out->customer_name.empty()) out->customer_name = FullName(Field(conv, "primaryCustomer"));
  out->team = Text(Field(conv, "mailboxId"));
  std::vector<std::pair<std::string, ConversationMessage>> dated;
  for (const auto& t : *threads) {
    if (!t.is_object()) {
      *error = "a thread is not an object";
      return false;
    }
    ConversationMessage m;
    m.id = Text(Field(t, "id"));
    std::string type = Text(Field(t, "type"));
    const nlohmann::json& by = Field(t, "createdBy");
    std::string by_type = Text(Field(by, "type"));
    if (type == "reply" && by_type == "user") m.author = Author::kAgent;
    else if (type == "customer") m.author = Author::kCustomer;
    m.author_name = FullName(by);
    m.text = HtmlToPlain(Text(Field(t, "body")));
    m.SetDate(Field(t, "createdAt"));
    dated.emplace_back(Text(Field(t, "createdAt")), std::move(m));
  }
  // The API lists threads newest first; ISO 8601 times sort as text.
  std::stable_sort(dated.begin(), dated.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [when, m] : dated) out->messages.push_back(std::move(m));
  return true;
}

extern const Format kHelpScoutFormat = {
    .name = "helpscout",
    .keys = {"_embedded", "threads"},
    .guess_order = 1,
    .conversation = [](const nlohmann::json& record, const UserTable&, Conversation* out,
                       std::string* error) { return HelpScoutConversation(record, out, error); }};

}  // namespace amends::exports
