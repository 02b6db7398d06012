#include "lsp/message_json.h"

#include <cstring>
#include <string>

#include "util/hex.h"
#include "util/utf8.h"

namespace amends::lsp {
namespace {

using json = nlohmann::json;

// What the long string is replaced by in the rest of the body; its value,
// decoded. A body that already holds it is parsed the usual way.
constexpr std::string_view kPlaceholderJson = "\"\\u0001amends long string\\u0001\"";
constexpr std::string_view kPlaceholder =
    "\x01"
    "amends long string\x01";

// The closing quote of the string literal that opens at `open`, or npos:
// the first '"' after it not escaped by an odd run of backslashes.
size_t StringEnd(std::string_view s, size_t open) {
  for (size_t at = open + 1;;) {
    const size_t quote = s.find('"', at);
    if (quote == std::string_view::npos) return quote;
    size_t k = quote;
    while (k > open + 1 && s[k - 1] == '\\') --k;
    if ((quote - k) % 2 == 0) return quote;
    at = quote + 1;
  }
}

// The value of the string literal whose content (between the quotes) is
// `raw`, as nlohmann gives it. False for what it would refuse (a control
// character, an unknown escape, ill-formed UTF-8) and for a lone
// surrogate escape (which the server repairs before parsing again).
bool Decode(std::string_view raw, std::string* out) {
  out->clear();
  out->reserve(raw.size());
  size_t run = 0;  // the start of the bytes not yet copied
  auto copy_run = [&](size_t to) {
    std::string_view bytes = raw.substr(run, to - run);
    if (FindInvalidUtf8(bytes) != kValidUtf8) return false;
    out->append(bytes);
    return true;
  };
  for (size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c < 0x20) return false;
    if (c != '\\') continue;
    if (!copy_run(i) || i + 1 >= raw.size()) return false;
    const char e = raw[i + 1];
    i += 1;
    switch (e) {
      case '"':
        out->push_back('"');
        break;
      case '\\':
        out->push_back('\\');
        break;
      case '/':
        out->push_back('/');
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'u': {
        const int unit = FourHexDigits(raw, i + 1);
        if (unit < 0) return false;
        i += 4;
        char32_t cp = static_cast<char32_t>(unit);
        if (unit >= 0xDC00 && unit <= 0xDFFF) return false;  // a low half alone
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          if (i + 2 >= raw.size() || raw[i + 1] != '\\' || raw[i + 2] != 'u') return false;
          const int low = FourHexDigits(raw, i + 3);
          if (low < 0xDC00 || low > 0xDFFF) return false;
          i += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + static_cast<char32_t>(low - 0xDC00);
        }
        AppendUtf8(cp, out);
        break;
      }
      default:
        return false;
    }
    run = i + 1;
  }
  return copy_run(raw.size());
}

// The string values of `v` equal to the placeholder: how many, and the last.
void FindPlaceholder(json& v, json** slot, size_t* count) {
  if (v.is_string()) {
    if (v.get_ref<const std::string&>() == kPlaceholder) {
      *slot = &v;
      ++*count;
    }
  } else if (v.is_structured()) {
    for (json& child : v) FindPlaceholder(child, slot, count);
  }
}

}  // namespace

json ParseMessageJson(std::string_view body, size_t long_string) {
  auto usual = [&] { return json::parse(body, nullptr, /*allow_exceptions=*/false); };
  // The strings, each from its opening quote: outside a string a quote
  // always opens one.
  size_t open = std::string_view::npos, close = 0, longest = 0;
  for (size_t at = 0;;) {
    const size_t q = body.find('"', at);
    if (q == std::string_view::npos) break;
    const size_t end = StringEnd(body, q);
    if (end == std::string_view::npos) return usual();  // not JSON; the usual error
    if (end - q - 1 > longest) {
      longest = end - q - 1;
      open = q;
      close = end;
    }
    at = end + 1;
  }
  if (open == std::string_view::npos || longest < long_string) return usual();
  // An object key this long: left to the usual way.
  const size_t next = body.find_first_not_of(" \t\r\n", close + 1);
  if (next != std::string_view::npos && body[next] == ':') return usual();
  std::string value;
  if (!Decode(body.substr(open + 1, longest), &value)) return usual();
  std::string rest;
  rest.reserve(body.size() - longest + kPlaceholderJson.size());
  rest.append(body.substr(0, open));
  rest.append(kPlaceholderJson);
  rest.append(body.substr(close + 1));
  json message = json::parse(rest, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) return message;  // the rest is not JSON, so neither is the body
  json* slot = nullptr;
  size_t count = 0;
  FindPlaceholder(message, &slot, &count);
  if (count != 1) return usual();
  *slot = std::move(value);
  return message;
}

}  // namespace amends::lsp
