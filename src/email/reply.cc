#include "email/reply.h"

#include <cctype>

#include "email/html_text.h"

namespace amends::email {
namespace {

// A display name a person would be greeted by: not an address, "Smith,
// Mary" turned round, quotes dropped.
std::string UsableName(std::string_view name, const Mailbox& agent) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '"' || name.front() == '\''))
    name.remove_prefix(1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '"' || name.back() == '\''))
    name.remove_suffix(1);
  if (name.empty() || name.find('@') != std::string_view::npos || name.size() > 100) return "";
  if (!agent.name.empty() && name == agent.name) return "";  // quoting oneself
  size_t comma = name.find(',');
  if (comma != std::string_view::npos) {
    std::string_view last = name.substr(0, comma), first = name.substr(comma + 1);
    while (!first.empty() && first.front() == ' ') first.remove_prefix(1);
    if (first.empty()) return std::string(last);
    return std::string(first) + " " + std::string(last);
  }
  return std::string(name);
}

}  // namespace

bool ReadReply(std::string_view bytes, const std::string& name, const MessageLimits& limits,
               Reply* out, std::string* error) {
  *out = Reply{};
  if (!ParseMessage(bytes, name, limits, &out->message, error)) return false;
  std::vector<Stripped> marked;
  if (out->message.part.content_type == "text/html") {
    HtmlText html = HtmlToText(out->message.body);
    out->body = std::move(html.text);
    marked = std::move(html.marked);
    out->from_html = true;
    if (html.simplified)
      out->message.warnings.push_back("the HTML is nested too deeply; its tags were dropped");
  } else {
    out->body = out->message.body;
  }
  StripResult strip = FindStripped(out->body, marked);
  out->stripped = std::move(strip.stripped);
  out->quoted = std::move(strip.quoted);
  out->analyzed = BlankStripped(out->body, out->stripped);

  for (const Mailbox& to : out->message.to) {
    out->customer_name = UsableName(to.name, out->message.from);
    if (!out->customer_name.empty()) {
      out->customer_name_source = "to";
      break;
    }
  }
  if (out->customer_name.empty()) {
    out->customer_name = UsableName(strip.quoted_from, out->message.from);
    if (!out->customer_name.empty()) out->customer_name_source = "quoted_from";
  }
  return true;
}

}  // namespace amends::email
