// Between the input stage and the email stage: decides whether the
// bytes read are a bare draft or a whole email message (--input
// auto|text|email), and fills the analyzer's request either way.
#pragma once

#include <string>

#include "analyzer/analyzer.h"
#include "email/reply.h"
#include "input/source.h"

namespace amends::app {

struct PreparedInput {
  bool is_email = false;
  email::Reply reply;  // when is_email; request views reply.analyzed and reply.quoted
};

// `mode` is "auto", "text" or "email". For text, validates the UTF-8 of
// `source`; for email, decodes it. Sets request->text/begin, and for email
// the quoted thread as customer_message and the customer's name when the
// request has none yet. `source` and `*prepared` must outlive `*request`.
// Returns false with `*error` ("NAME…: message") when the input is unusable.
bool PrepareInput(const std::string& mode, Source* source, PreparedInput* prepared,
                  Request* request, std::string* error);

// One line for a person about the email: which part was read, what was
// stripped, warnings. Control characters escaped. "" for a bare draft.
std::string EmailSummary(const PreparedInput& prepared);

}  // namespace amends::app
