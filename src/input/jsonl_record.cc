#include "input/jsonl_record.h"

#include "input/source.h"

namespace amends {

bool ParseAuditRecord(std::string_view line, AuditRecord* out, std::string* error) {
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
  return true;
}

}  // namespace amends
