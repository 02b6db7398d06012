#include "export/fields.h"

#include <ctime>

#include "email/html_text.h"
#include "util/utf8.h"

namespace amends::exports {

const nlohmann::json& Field(const nlohmann::json& obj, std::string_view key) {
  static const nlohmann::json kNull;
  if (!obj.is_object()) return kNull;
  auto it = obj.find(key);
  return it == obj.end() ? kNull : *it;
}

std::string Text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  return "";
}

nlohmann::json Scalar(const nlohmann::json& value, size_t max) {
  if (value.is_string()) return Bounded(value.get_ref<const std::string&>(), max);
  if (value.is_number()) return value;
  return nullptr;
}

namespace {
bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
}  // namespace

std::string MonthOf(const nlohmann::json& value) {
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (s.size() >= 7 && Digits(std::string_view(s).substr(0, 4)) && s[4] == '-' &&
        Digits(std::string_view(s).substr(5, 2)) && s[5] <= '1')
      return s.substr(0, 7);
    if (Digits(s) && s.size() <= 13) return MonthOf(nlohmann::json(std::stoll(s)));
    return "";
  }
  if (value.is_number_integer() || value.is_number_unsigned()) {
    long long seconds = value.get<long long>();
    if (seconds > 100000000000LL) seconds /= 1000;  // milliseconds
    if (seconds <= 0 || seconds > 32503680000LL) return "";
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1);
    return buf;
  }
  return "";
}

std::string HtmlToPlain(std::string_view html) {
  std::string text = email::HtmlToText(html).text;
  size_t end = text.find_last_not_of(" \t\r\n");
  text.resize(end == std::string::npos ? 0 : end + 1);
  size_t begin = text.find_first_not_of(" \t\r\n");
  return begin == std::string::npos ? "" : text.substr(begin);
}

std::string Bounded(std::string_view s, size_t max) {
  std::string out(TruncateUtf8(s, max));
  for (char& c : out)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) c = ' ';
  return out;
}

}  // namespace amends::exports
