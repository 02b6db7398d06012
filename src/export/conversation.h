// Export stage: a ticket as the helpdesk readers see it — messages in time
// order, each from the agent, the customer, or neither (notes, bots,
// system events) — and the replies it yields.
#pragma once

#include <string>
#include <vector>

#include "export/reply.h"

namespace amends::exports {

enum class Author { kAgent, kCustomer, kOther };

struct ConversationMessage {
  std::string id;
  Author author = Author::kOther;
  std::string text;
  std::string author_name;
  std::string month;
  nlohmann::json date;  // as the export gives it, for joining back (Scalar)

  // Sets `month` and `date` from the export's timestamp for this message.
  void SetDate(const nlohmann::json& created);
};

struct Conversation {
  std::string id;
  nlohmann::json ticket;  // its id as the export gives it (Scalar)
  std::string customer_name;
  std::string team;
  std::vector<ConversationMessage> messages;  // oldest first
  // Messages whose author's role the export does not say (a Zendesk ticket
  // without its side-loaded users): counted so that an audit finding no
  // agent reply can say why.
  size_t unknown_roles = 0;
};

// One reply per agent message, with the latest customer message before it
// as the message it answers. Ids are "CONVERSATION/MESSAGE". `line` and
// `byte` are copied into every reply.
void EmitReplies(const Conversation& conversation, size_t line, uint64_t byte,
                 std::vector<ExportReply>* out);

}  // namespace amends::exports
