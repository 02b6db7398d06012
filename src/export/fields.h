// Export stage: small helpers the readers share to pull values out of an
// export's JSON and make them safe to check and report.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace amends::exports {

// `obj[key]` when `obj` is an object holding it, else null.
const nlohmann::json& Field(const nlohmann::json& obj, std::string_view key);

// A string as is, a number or boolean as its JSON text, anything else "".
std::string Text(const nlohmann::json& value);

// `value` when it is a string (cut as Bounded does, to `max` bytes) or a
// number, else null: a ticket id or date copied from the export.
nlohmann::json Scalar(const nlohmann::json& value, size_t max);

// "YYYY-MM" from an ISO 8601 date ("2024-03-05T10:00:00Z") or Unix seconds
// (or milliseconds); "" when it is neither.
std::string MonthOf(const nlohmann::json& value);

// Text a reader sees in an HTML body (through the email stage's converter).
std::string HtmlToPlain(std::string_view html);

// `s` cut to at most `max` bytes on a UTF-8 boundary, control characters
// other than tab and newline turned into spaces.
std::string Bounded(std::string_view s, size_t max);

}  // namespace amends::exports
