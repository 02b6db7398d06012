#include "export/csv_mapping.h"

#include <algorithm>

#include "export/fields.h"
#include "input/source.h"
#include "util/ascii.h"
#include "util/diagnostic.h"
#include "util/utf8.h"

namespace amends::exports {
namespace {

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool Find(const std::string& name, const std::vector<std::string>& header, int* index,
          std::string* error) {
  if (name.empty()) return true;
  if (std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int n = std::stoi(name.substr(0, 6));
    if (n < 1 || static_cast<size_t>(n) > header.size()) {
      *error = "column " + name + " does not exist (the header has " +
               std::to_string(header.size()) + ")";
      return false;
    }
    *index = n - 1;
    return true;
  }
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = header[i];
    if (i == 0 && h.rfind("\xEF\xBB\xBF", 0) == 0) h.erase(0, 3);
    if (AsciiLower(Trim(h)) == AsciiLower(name)) {
      *index = static_cast<int>(i);
      return true;
    }
  }
  // Say which columns there are: the header is often not what the
  // documentation's example assumed.
  std::vector<std::string> names;
  std::string list;
  for (size_t i = 0; i < header.size() && i < 50; ++i) {
    std::string h = Trim(header[i]);
    if (i == 0 && h.rfind("\xEF\xBB\xBF", 0) == 0) h.erase(0, 3);
    names.push_back(AsciiLower(h));
    list += (list.empty() ? "" : ", ") + EscapeControls(Bounded(h, 80));
  }
  if (header.size() > 50) list += ", …";
  *error = "no column named \"" + EscapeControls(Bounded(name, 200)) + "\" in the header" +
           DidYouMean(AsciiLower(name), names) + " (the columns are: " + list + ")";
  return false;
}

}  // namespace

bool CsvMapping::Resolve(const CsvColumns& c, const std::vector<std::string>& header,
                         std::string* error) {
  width_ = header.size();
  for (const auto& r : c.agent_roles) agent_roles_.push_back(AsciiLower(Trim(r)));
  for (const auto& r : c.note_roles) note_roles_.push_back(AsciiLower(Trim(r)));
  return Find(c.text, header, &text_, error) && Find(c.id, header, &id_, error) &&
         Find(c.customer_name, header, &name_, error) &&
         Find(c.customer_message, header, &message_, error) &&
         Find(c.agent, header, &agent_, error) && Find(c.team, header, &team_, error) &&
         Find(c.date, header, &date_, error) && Find(c.role, header, &role_, error) &&
         Find(c.ticket, header, &ticket_, error);
}

void CsvMapping::Row(const CsvRecord& record, std::vector<ExportReply>* out) {
  ExportReply r;
  r.line = record.line;
  r.byte = record.byte;
  const auto& f = record.fields;
  auto get = [&](int i) -> std::string {
    return i >= 0 && static_cast<size_t>(i) < f.size() ? f[i] : "";
  };
  ++row_;
  // Without an id column a reply is known by its row, so it can be joined
  // back to the file.
  r.id = id_ >= 0 ? get(id_) : "row:" + std::to_string(row_);
  if (!record.error.empty()) {
    r.error = record.error;
    out->push_back(std::move(r));
    return;
  }
  for (const auto& field : f) {
    if (std::string bad = DescribeInvalidUtf8(field); !bad.empty()) {
      r.error = bad;
      out->push_back(std::move(r));
      return;
    }
  }
  if (static_cast<size_t>(text_) >= f.size()) {
    r.error =
        "row has " + std::to_string(f.size()) + " fields, the header " + std::to_string(width_);
    out->push_back(std::move(r));
    return;
  }
  std::string ticket = get(ticket_);
  if (ticket_ >= 0 && ticket != ticket_seen_) {
    ticket_seen_ = ticket;
    have_message_ = false;
    last_name_.clear();
  }
  if (role_ >= 0) {
    std::string role = AsciiLower(Trim(get(role_)));
    // An internal note is neither the reply nor what the customer wrote.
    if (std::find(note_roles_.begin(), note_roles_.end(), role) != note_roles_.end()) return;
    if (std::find(agent_roles_.begin(), agent_roles_.end(), role) == agent_roles_.end()) {
      last_message_ = Bounded(get(text_), 1u << 20);
      have_message_ = true;
      if (name_ >= 0 && !get(name_).empty()) last_name_ = get(name_);
      return;
    }
  }
  r.text = get(text_);
  if (message_ >= 0 && !get(message_).empty()) r.customer_message = get(message_);
  else if (have_message_) r.customer_message = last_message_;
  // With a role column the name column names each row's author: the
  // customer is whoever wrote the customer rows.
  r.customer_name = Bounded(role_ >= 0 ? last_name_ : get(name_), kMaxNameBytes);
  r.agent = Bounded(get(agent_), kMaxNameBytes);
  r.team = Bounded(get(team_), kMaxNameBytes);
  r.month = MonthOf(nlohmann::json(get(date_)));
  if (ticket_ >= 0 && !ticket.empty()) r.ticket = Bounded(ticket, kMaxNameBytes);
  if (date_ >= 0 && !get(date_).empty()) r.date = Bounded(get(date_), kMaxNameBytes);
  out->push_back(std::move(r));
}

}  // namespace amends::exports
