#include "export/reader.h"

#include "export/fields.h"
#include "input/jsonl_record.h"
#include "input/source.h"

namespace amends::exports {
namespace {

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r") == std::string::npos; }

bool LoadUsers(const std::string& path, size_t max_bytes, UserTable* users, std::string* error) {
  Source source;
  if (!ReadSource(path, InputLimits{max_bytes}, &source, error)) return false;
  try {
    // One document ({"users": […]} or […]), or one user per line.
    if (auto doc = nlohmann::json::parse(source.bytes, nullptr, false); !doc.is_discarded()) {
      AddZendeskUsers(doc, users);
      return true;
    }
    size_t lineno = 0, start = 0;
    while (start < source.bytes.size()) {
      size_t end = source.bytes.find('\n', start);
      if (end == std::string::npos) end = source.bytes.size();
      ++lineno;
      std::string_view line(source.bytes.data() + start, end - start);
      start = end + 1;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      AddZendeskUsers(nlohmann::json::array({nlohmann::json::parse(line)}), users);
    }
  } catch (const nlohmann::json::exception& e) {
    *error = path + ": not a users JSON document or JSON lines: " + e.what();
    return false;
  }
  return true;
}

// The JSON line's extra fields a summary groups by, when it has any.
void AddJsonlGroups(const std::string& line, ExportReply* r) {
  if (line.find("\"agent\"") == std::string::npos && line.find("\"team\"") == std::string::npos &&
      line.find("\"brand\"") == std::string::npos && line.find("\"date\"") == std::string::npos &&
      line.find("\"created_at\"") == std::string::npos)
    return;
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (!j.is_object()) return;
  r->agent = Bounded(Text(Field(j, "agent")), kMaxNameBytes);
  r->team = Bounded(Text(Field(j, "team")), kMaxNameBytes);
  if (r->team.empty()) r->team = Bounded(Text(Field(j, "brand")), kMaxNameBytes);
  r->month = MonthOf(Field(j, "date"));
  if (r->month.empty()) r->month = MonthOf(Field(j, "created_at"));
}

}  // namespace

std::unique_ptr<RecordSource> RecordSource::Open(const std::string& path,
                                                 const ReaderOptions& options, std::string* error) {
  auto in = InputStream::Open(path, error);
  if (!in) return nullptr;
  return Open(std::move(in), options, error);
}

std::unique_ptr<RecordSource> RecordSource::Open(std::unique_ptr<InputStream> in,
                                                 const ReaderOptions& options, std::string* error) {
  std::unique_ptr<RecordSource> s(new RecordSource);
  s->options_ = options;
  s->in_ = std::move(in);
  s->format_ =
      options.format ? options.format : &GuessFormat(s->in_->name(), s->in_->Peek(64 << 10));
  if (!options.users_file.empty() &&
      !LoadUsers(options.users_file, options.max_bytes, &s->users_, error))
    return nullptr;
  if (s->format_->split == Split::kCsvRows) {
    s->csv_ = std::make_unique<CsvReader>(s->in_.get(), options.csv.delimiter, options.max_bytes);
    CsvRecord header;
    if (!s->csv_->Next(&header)) {
      *error = s->in_->name() + ": empty CSV: no header row";
      return nullptr;
    }
    if (!header.error.empty()) {
      *error = s->in_->name() + ": header row: " + header.error;
      return nullptr;
    }
    if (!s->mapping_.Resolve(options.csv, header.fields, error)) {
      *error = s->in_->name() + ": " + *error;
      return nullptr;
    }
  }
  if (s->format_->split == Split::kMboxMessages)
    s->mbox_ = std::make_unique<MboxSplitter>(s->in_.get(), options.max_bytes);
  return s;
}

bool RecordSource::Next(Item* out) {
  out->bytes.clear();
  out->ready.clear();
  out->has_bytes = out->has_message = false;
  if (format_->split == Split::kCsvRows) {
    CsvRecord record;
    if (!csv_->Next(&record)) return false;
    out->line = record.line;
    out->byte = record.byte;
    mapping_.Row(record, &out->ready);
    return true;  // a customer row leaves `ready` empty: nothing to write
  }
  if (format_->split == Split::kMboxMessages) {
    if (!mbox_->Next(&out->message)) return false;
    out->line = out->message.line;
    out->byte = out->message.byte;
    out->has_message = true;
    return true;
  }
  for (;;) {
    uint64_t byte = in_->offset();
    size_t line = in_->line() + 1;
    bool too_long = false;
    if (!in_->GetLine(options_.max_bytes, &out->bytes, &too_long)) return false;
    if (!too_long && Blank(out->bytes)) continue;
    out->line = line;
    out->byte = byte;
    if (too_long) {
      ExportReply r;
      r.line = line;
      r.byte = byte;
      r.error = "record is larger than the limit of " + std::to_string(options_.max_bytes) +
                " bytes (raise it with --max-bytes)";
      out->ready.push_back(std::move(r));
      out->bytes.clear();
      return true;
    }
    out->has_bytes = true;
    return true;
  }
}

std::vector<ExportReply> RecordSource::Convert(Item& item) const {
  std::vector<ExportReply> out = std::move(item.ready);
  if (item.has_message) {
    out.push_back(MboxReply(item.message, in_->name()));
    return out;
  }
  if (!item.has_bytes) return out;
  auto error_record = [&](std::string message, nlohmann::json id = nullptr) {
    ExportReply r;
    r.id = std::move(id);
    r.line = item.line;
    r.byte = item.byte;
    r.error = std::move(message);
    out.push_back(std::move(r));
  };
  if (!format_->conversation) {  // amends JSONL
    AuditRecord record;
    std::string error;
    if (!ParseAuditRecord(item.bytes, &record, &error)) {
      error_record(error, record.id);
      return out;
    }
    ExportReply r;
    r.id = std::move(record.id);
    r.text = std::move(record.text);
    r.customer_message = std::move(record.customer_message);
    r.customer_name = std::move(record.customer_name);
    r.agent = Bounded(record.agent, kMaxNameBytes);
    r.ticket = Scalar(record.ticket, kMaxNameBytes);
    r.date = Scalar(record.date, kMaxNameBytes);
    r.line = item.line;
    r.byte = item.byte;
    if (options_.groups) AddJsonlGroups(item.bytes, &r);
    out.push_back(std::move(r));
    return out;
  }
  nlohmann::json j = nlohmann::json::parse(item.bytes, nullptr, false);
  if (j.is_discarded()) {
    std::string message;
    try {
      nlohmann::json again = nlohmann::json::parse(item.bytes);
      (void)again;
    } catch (const nlohmann::json::exception& e) {
      message = e.what();
    }
    size_t at = message.find("] ");
    error_record("invalid JSON: " + (at != std::string::npos ? message.substr(at + 2) : message));
    return out;
  }
  if (!j.is_object()) {
    error_record("expected a JSON object");
    return out;
  }
  Conversation conversation;
  std::string error;
  if (!format_->conversation(j, users_, &conversation, &error)) {
    // Look at the id in place and copy it only when it is a string or a
    // number: copying a JSON value recurses once per level of nesting, so an
    // "id" nested a million arrays deep ([[[[…]]]], 2 MB) overflowed the
    // stack here (found while writing fuzz/export_json_fuzzer.cc).
    auto usable = [](const nlohmann::json& v) { return v.is_string() || v.is_number(); };
    const nlohmann::json* id = &Field(j, "id");
    if (!usable(*id)) id = &Field(Field(j, "ticket"), "id");
    error_record(error, usable(*id) ? *id : nlohmann::json());
    return out;
  }
  if (conversation.unknown_roles)
    unknown_roles_.fetch_add(conversation.unknown_roles, std::memory_order_relaxed);
  EmitReplies(conversation, item.line, item.byte, &out);
  return out;
}

}  // namespace amends::exports
