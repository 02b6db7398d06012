#include "export/mbox.h"

#include <cstring>
#include <sstream>

#include "email/reply.h"
#include "export/fields.h"

namespace amends::exports {
namespace {

bool IsFromLine(const std::string& line) { return line.rfind("From ", 0) == 0; }

// ">From ", ">>From "… lose one '>' (mboxrd).
void Unquote(std::string* line) {
  size_t n = line->find_first_not_of('>');
  if (n > 0 && n != std::string::npos && line->compare(n, 5, "From ") == 0) line->erase(0, 1);
}

// "YYYY-MM" from text holding an English month abbreviation and a year
// ("Tue Mar  5 10:00:00 2024", "Tue, 05 Mar 2024 10:00:00 +0000").
std::string MonthFromDate(const std::string& text) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::istringstream words(text);
  int month = 0, year = 0;
  for (std::string w; words >> w;) {
    if (!month && w.size() >= 3)
      for (int i = 0; i < 12; ++i)
        if (w.compare(0, 3, kMonths[i]) == 0 && (w.size() == 3 || w[3] == ',')) month = i + 1;
    if (!year && w.size() == 4 && std::isdigit(static_cast<unsigned char>(w[0])) &&
        std::isdigit(static_cast<unsigned char>(w[3])))
      year = std::atoi(w.c_str());
  }
  if (!month || year < 1970) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

// The value of header `name` (case-insensitive, unfolded only to its first
// line) in the header block of `message`.
std::string Header(const std::string& message, const char* name) {
  size_t len = std::strlen(name);
  size_t pos = 0;
  while (pos < message.size()) {
    size_t end = message.find('\n', pos);
    if (end == std::string::npos) end = message.size();
    std::string_view line(message.data() + pos, end - pos);
    if (line.empty() || line == "\r") break;
    if (line.size() > len && line[len] == ':' && strncasecmp(line.data(), name, len) == 0) {
      std::string v(line.substr(len + 1));
      size_t b = v.find_first_not_of(" \t");
      size_t e = v.find_last_not_of(" \t\r");
      return b == std::string::npos ? "" : v.substr(b, e - b + 1);
    }
    pos = end + 1;
  }
  return "";
}

}  // namespace

bool MboxSplitter::Next(MboxMessage* out) {
  *out = MboxMessage{};
  std::string line;
  bool too_long = false;
  if (!have_pending_) {
    // Skip to the first "From " line (blank lines before it are fine).
    for (;;) {
      uint64_t byte = in_->offset();
      if (!in_->GetLine(max_bytes_, &line, &too_long)) return false;
      if (IsFromLine(line)) {
        pending_ = line;
        pending_line_ = in_->line();
        pending_byte_ = byte;
        have_pending_ = true;
        break;
      }
      if (line.find_first_not_of(" \t\r") != std::string::npos && !started_) {
        // Text before any "From " line: a message without an envelope line.
        pending_ = "";
        pending_line_ = in_->line();
        pending_byte_ = byte;
        have_pending_ = true;
        out->bytes = line + "\n";
        break;
      }
    }
  }
  started_ = true;
  out->from_line = pending_;
  out->line = pending_line_;
  out->byte = pending_byte_;
  have_pending_ = false;
  bool previous_blank = false;
  for (;;) {
    uint64_t byte = in_->offset();
    if (!in_->GetLine(max_bytes_, &line, &too_long)) break;
    if (IsFromLine(line) && (previous_blank || out->bytes.empty())) {
      pending_ = line;
      pending_line_ = in_->line();
      pending_byte_ = byte;
      have_pending_ = true;
      break;
    }
    previous_blank = line.empty() || line == "\r";
    Unquote(&line);
    if (out->bytes.size() + line.size() + 1 > max_bytes_ || too_long) {
      out->too_long = true;
      continue;
    }
    out->bytes += line;
    out->bytes += '\n';
  }
  // The blank line before the next "From " belongs to the mbox, not the message.
  if (have_pending_ && out->bytes.size() >= 2 && out->bytes.ends_with("\n\n"))
    out->bytes.pop_back();
  return true;
}

ExportReply MboxReply(const MboxMessage& message, const std::string& file_name) {
  ExportReply r;
  r.line = message.line;
  r.byte = message.byte;
  std::string message_id = Header(message.bytes, "Message-ID");
  if (!message_id.empty()) r.id = Bounded(message_id, 998);
  else r.id = "line:" + std::to_string(message.line);
  if (message.too_long) {
    r.error = "message is larger than the byte limit (raise it with --max-bytes)";
    return r;
  }
  email::Reply reply;
  std::string error;
  if (!email::ReadReply(message.bytes, file_name, {}, &reply, &error)) {
    r.error = error;
    return r;
  }
  if (!reply.message.has_body) {
    r.error = "the message has no text part";
    return r;
  }
  r.text = reply.analyzed;
  if (!reply.quoted.empty()) r.customer_message = reply.quoted;
  r.customer_name = Bounded(reply.customer_name, kMaxNameBytes);
  const auto& from = reply.message.from;
  r.agent = Bounded(from.name.empty() ? from.address : from.name, kMaxNameBytes);
  r.month = MonthFromDate(message.from_line);
  std::string date = Header(message.bytes, "Date");
  if (r.month.empty()) r.month = MonthFromDate(date);
  if (date.empty()) {
    // "From sender Tue Mar  5 10:00:00 2024": the envelope's date.
    size_t sender = message.from_line.find_first_not_of(' ', 5);
    size_t gap = sender == std::string::npos ? sender : message.from_line.find(' ', sender);
    size_t at = gap == std::string::npos ? gap : message.from_line.find_first_not_of(' ', gap);
    if (at != std::string::npos) date = message.from_line.substr(at);
  }
  if (!date.empty()) r.date = Bounded(date, kMaxNameBytes);
  return r;
}

}  // namespace amends::exports
