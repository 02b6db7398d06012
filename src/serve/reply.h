// What an endpoint answers: a status, a body and its type. Errors are JSON
// objects {"error": "..."} naming what was wrong and where.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace amends::serve {

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
};

// A 4xx/5xx reply with {"error": message}; `message` is escaped as JSON.
Reply ErrorReply(int status, const std::string& message);

// Parses `text` as JSON. On failure returns false with `*error` as
// "WHAT: byte N: reason".
bool ParseJson(std::string_view text, const std::string& what, nlohmann::json* out,
               std::string* error);

}  // namespace amends::serve
