// Email stage, the whole of it: a message's bytes to what the analyzer
// checks (the agent's own words, at their offsets in the decoded body), the
// quoted customer message, and the customer's name.
//
//   email::Reply reply;
//   if (!email::ReadReply(source.bytes, source.name, {}, &reply, &error)) …
//   request.text = reply.analyzed;  // offsets == offsets into reply.body
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "email/message.h"
#include "email/strip.h"

namespace amends::email {

struct Reply {
  Message message;                   // headers, part, warnings (message.body is the raw part text)
  std::string body;                  // the decoded body as a reader sees it (HTML made text), UTF-8
  std::string analyzed;              // `body` with stripped bytes blanked and the tail cut
  std::vector<Stripped> stripped;    // into `body`
  std::string quoted;                // the quoted thread: the customer's message; may be ""
  std::string customer_name;         // from To:, else the quoted From:; "" when unknown
  std::string customer_name_source;  // "to", "quoted_from", or ""
  bool from_html = false;
};

// Never returns a body that is not valid UTF-8. Returns false with `*error`
// only when the bytes are not a usable message (see ParseMessage).
bool ReadReply(std::string_view bytes, const std::string& name, const MessageLimits& limits,
               Reply* out, std::string* error);

}  // namespace amends::email
