#include "export/conversation.h"

#include "export/fields.h"

namespace amends::exports {

void ConversationMessage::SetDate(const nlohmann::json& created) {
  month = MonthOf(created);
  date = Scalar(created, kMaxNameBytes);
}

void EmitReplies(const Conversation& conversation, size_t line, uint64_t byte,
                 std::vector<ExportReply>* out) {
  const std::string* last_customer = nullptr;
  for (const ConversationMessage& m : conversation.messages) {
    if (m.author == Author::kCustomer) {
      last_customer = &m.text;
      continue;
    }
    if (m.author != Author::kAgent) continue;
    ExportReply r;
    r.id = conversation.id + "/" + m.id;
    r.text = m.text;
    if (last_customer) r.customer_message = *last_customer;
    r.customer_name = Bounded(conversation.customer_name, kMaxNameBytes);
    r.agent = Bounded(m.author_name, kMaxNameBytes);
    r.team = Bounded(conversation.team, kMaxNameBytes);
    r.month = m.month;
    r.ticket = conversation.ticket;
    r.date = m.date;
    r.line = line;
    r.byte = byte;
    out->push_back(std::move(r));
  }
}

}  // namespace amends::exports
