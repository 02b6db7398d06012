#include "input/jsonl_record.h"

#include <simdjson.h>

#include "input/source.h"

namespace amends {
namespace {

// Which fields a line has named so far: a repeated key goes to the full
// parser, which keeps the last.
struct Seen {
  bool id = false, text = false, message = false, name = false;
  bool ticket = false, agent = false, date = false, created = false;
};

// A field named once whose value is null (nothing in *text) or a string.
bool ReadOptionalString(simdjson::dom::element value, bool* seen,
                        std::optional<std::string_view>* text) {
  if (*seen) return false;
  *seen = true;
  if (value.is_null()) return true;
  std::string_view got;
  if (value.get(got)) return false;
  *text = got;
  return true;
}

// A join field named once: a string or integer is kept in *out, a float
// left to the full parser (its text must come out as that parser prints
// it), anything else is as if absent.
bool ReadScalar(simdjson::dom::element value, bool* seen, nlohmann::json* out) {
  if (*seen) return false;
  *seen = true;
  std::string_view text;
  int64_t signed_value;
  uint64_t unsigned_value;
  if (!value.get(text)) *out = std::string(text);
  else if (value.is_int64() && !value.get(signed_value)) *out = signed_value;
  else if (value.is_uint64() && !value.get(unsigned_value)) *out = unsigned_value;
  else if (value.is_number()) return false;
  return true;
}

// "agent": a scalar, or a boolean, as its text.
bool ReadAgent(simdjson::dom::element value, bool* seen, std::string* out) {
  nlohmann::json agent;
  if (!ReadScalar(value, seen, &agent)) return false;
  bool flag;
  if (agent.is_string()) *out = agent.get<std::string>();
  else if (agent.is_number()) *out = agent.dump();
  else if (!value.get(flag)) *out = flag ? "true" : "false";
  return true;
}

// "id": absent, null, a string or an integer.
bool ReadId(simdjson::dom::element value, bool* seen, nlohmann::json* out) {
  if (*seen) return false;
  *seen = true;
  std::string_view text;
  int64_t signed_id;
  uint64_t unsigned_id;
  if (value.is_null()) return true;
  if (!value.get(text)) *out = std::string(text);
  else if (value.is_int64() && !value.get(signed_id)) *out = signed_id;
  else if (value.is_uint64() && !value.get(unsigned_id)) *out = unsigned_id;
  else return false;  // a float, or a type the full parser refuses
  return true;
}

// One field into *out; false when the full parser must decide the line.
// Fields amends does not read are skipped.
bool ReadField(std::string_view key, simdjson::dom::element value, Seen* seen,
               nlohmann::json* created_at, AuditRecord* out) {
  if (key == "ticket") return ReadScalar(value, &seen->ticket, &out->ticket);
  if (key == "date") return ReadScalar(value, &seen->date, &out->date);
  if (key == "created_at") return ReadScalar(value, &seen->created, created_at);
  if (key == "agent") return ReadAgent(value, &seen->agent, &out->agent);
  if (key == "id") return ReadId(value, &seen->id, &out->id);
  if (key == "text") {
    if (seen->text) return false;
    seen->text = true;
    std::string_view text;
    if (value.get(text)) return false;
    out->text.assign(text);
    return true;
  }
  std::optional<std::string_view> got;
  if (key == "customer_message") {
    if (!ReadOptionalString(value, &seen->message, &got)) return false;
    if (got) out->customer_message.emplace(*got);
  } else if (key == "customer_name") {
    if (!ReadOptionalString(value, &seen->name, &got)) return false;
    if (got) out->customer_name.assign(*got);
  }
  return true;
}

// The common case through simdjson: a valid object whose "id" is absent,
// null, a string or an integer, whose other fields have the types they
// should, and that names none of them twice. Anything else returns false
// without a word, and the full parser below decides, so results and
// messages are the full parser's whichever path a line takes.
bool ParseCommonRecord(std::string_view line, AuditRecord* out) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  // realloc_if_needed: the line is copied into the parser's padded buffer.
  if (parser.parse(line.data(), line.size(), true).get(root)) return false;
  simdjson::dom::object object;
  if (root.get(object)) return false;
  Seen seen;
  nlohmann::json created_at;
  for (simdjson::dom::key_value_pair field : object)
    if (!ReadField(field.key, field.value, &seen, &created_at, out)) return false;
  if (out->date.is_null()) out->date = std::move(created_at);
  return seen.text;
}

}  // namespace

bool ParseAuditRecord(std::string_view line, AuditRecord* out, std::string* error) {
  *out = AuditRecord{};
  if (ParseCommonRecord(line, out)) return true;
  return ParseAuditRecordFully(line, out, error);
}

bool operator==(const AuditRecord& a, const AuditRecord& b) {
  return a.id == b.id && a.text == b.text && a.customer_message == b.customer_message &&
         a.customer_name == b.customer_name && a.ticket == b.ticket && a.date == b.date &&
         a.agent == b.agent;
}

bool ParseAuditRecordFully(std::string_view line, AuditRecord* out, std::string* error) {
  *out = AuditRecord{};
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line.begin(), line.end());
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: …"
    size_t colon = what.find("column");
    *error = "invalid JSON at byte " + std::to_string(e.byte) +
             (colon != std::string::npos ? what.substr(what.find(':', colon)) : ": " + what);
    return false;
  } catch (const nlohmann::json::exception& e) {
    // Valid syntax the parser still refuses, such as a number out of range
    // ("1e999"); without this catch one such line ended the whole audit.
    std::string what = e.what();
    size_t bracket = what.find("] ");
    *error = "invalid JSON: " + (bracket != std::string::npos ? what.substr(bracket + 2) : what);
    return false;
  }
  if (!j.is_object()) {
    *error = "expected a JSON object";
    return false;
  }
  if (auto it = j.find("id"); it != j.end()) {
    if (it->is_string() || it->is_number()) out->id = *it;
    else if (!it->is_null()) {
      *error = "\"id\" must be a string or a number";
      return false;
    }
  }
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) {
    *error = text == j.end() ? "missing \"text\"" : "\"text\" must be a string";
    return false;
  }
  out->text = text->get<std::string>();
  if (auto it = j.find("customer_message"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) {
      *error = "\"customer_message\" must be a string or null";
      return false;
    }
    out->customer_message = it->get<std::string>();
  }
  if (auto it = j.find("customer_name"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) {
      *error = "\"customer_name\" must be a string or null";
      return false;
    }
    out->customer_name = it->get<std::string>();
  }
  auto scalar = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && (it->is_string() || it->is_number()) ? *it : nlohmann::json();
  };
  out->ticket = scalar("ticket");
  out->date = scalar("date");
  if (out->date.is_null()) out->date = scalar("created_at");
  if (auto it = j.find("agent"); it != j.end()) {
    if (it->is_string()) out->agent = it->get<std::string>();
    else if (it->is_number() || it->is_boolean()) out->agent = it->dump();
  }
  return true;
}

}  // namespace amends
