#include "serve/lt_api.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "report/languagetool_report.h"
#include "report/positions.h"
#include "serve/form.h"
#include "util/utf8.h"

namespace amends::serve {
namespace {

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string item = s.substr(start, comma - start);
    size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    start = comma + 1;
  }
  return out;
}

// `data`: {"annotation": [{"text": …} | {"markup": …, "interpretAs"?: …}]}.
bool ReadAnnotation(const nlohmann::json& data, LtRequest* out, std::string* error) {
  if (!data.is_object() || !data.contains("annotation") || !data["annotation"].is_array()) {
    *error = "data: expected {\"annotation\": [...]}";
    return false;
  }
  uint32_t original = 0;
  const nlohmann::json& items = data["annotation"];
  for (size_t i = 0; i < items.size(); ++i) {
    const nlohmann::json& item = items[i];
    std::string where = "data: annotation[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      *error = where + ": expected an object";
      return false;
    }
    auto text = item.find("text"), markup = item.find("markup");
    TextPiece piece{};
    piece.plain_begin = static_cast<uint32_t>(out->text.size());
    piece.original_utf16 = original;
    if (text != item.end() && text->is_string()) {
      const std::string& t = text->get_ref<const std::string&>();
      out->text += t;
      piece.original_utf16_length = Utf16Length(t);
    } else if (markup != item.end() && markup->is_string()) {
      piece.markup = true;
      piece.original_utf16_length = Utf16Length(markup->get_ref<const std::string&>());
      auto as = item.find("interpretAs");
      if (as != item.end()) {
        if (!as->is_string()) {
          *error = where + ": \"interpretAs\" must be a string";
          return false;
        }
        out->text += as->get_ref<const std::string&>();
      }
    } else {
      *error = where + ": needs a string \"text\" or \"markup\"";
      return false;
    }
    piece.plain_end = static_cast<uint32_t>(out->text.size());
    original += piece.original_utf16_length;
    out->pieces.push_back(piece);
  }
  return true;
}

// The fields as strings, from a form or a JSON object.
bool ReadFields(std::string_view body, std::map<std::string, std::string>* fields,
                nlohmann::json* data_object, std::string* error) {
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || body[first] != '{') return ParseForm(body, fields, error);
  nlohmann::json json;
  if (!ParseJson(body, "request body", &json, error)) return false;
  if (!json.is_object()) {
    *error = "request body: byte 1: expected a JSON object";
    return false;
  }
  for (auto& [name, value] : json.items()) {
    if (value.is_string()) (*fields)[name] = value.get<std::string>();
    else if (value.is_boolean()) (*fields)[name] = value.get<bool>() ? "true" : "false";
    else if (name == "data") *data_object = value;
    else if (!value.is_null()) {
      *error = "request body: \"" + name + "\" must be a string";
      return false;
    }
  }
  return true;
}

}  // namespace

bool ParseLtRequest(std::string_view body, LtRequest* out, std::string* error) {
  std::map<std::string, std::string> fields;
  nlohmann::json data_object;
  if (!ReadFields(body, &fields, &data_object, error)) return false;
  for (const auto& [name, value] : fields) {
    if (size_t bad = FindInvalidUtf8(value); bad != kValidUtf8) {
      *error = name + ": byte " + std::to_string(bad + 1) + " (after decoding): invalid UTF-8";
      return false;
    }
  }
  auto field = [&](const char* name) -> const std::string* {
    auto it = fields.find(name);
    return it == fields.end() ? nullptr : &it->second;
  };
  if (const std::string* text = field("text")) {
    out->text = *text;
  } else if (const std::string* data = field("data")) {
    nlohmann::json parsed;
    if (!ParseJson(*data, "data", &parsed, error)) return false;
    if (!ReadAnnotation(parsed, out, error)) return false;
  } else if (!data_object.is_null()) {
    if (!ReadAnnotation(data_object, out, error)) return false;
  } else {
    *error = "request: needs a \"text\" or a \"data\" field";
    return false;
  }
  if (const std::string* language = field("language")) {
    if (*language != "auto" && *language != "en" && language->rfind("en-", 0) != 0) {
      *error = "language: '" + EscapeControls(*language) +
               "' is not supported (amends reads English: en, en-US, en-GB… or auto)";
      return false;
    }
    if (*language != "auto") out->language = *language;
  }
  if (const std::string* level = field("level");
      level && *level != "default" && *level != "picky") {
    *error = "level: must be default or picky";
    return false;
  }
  if (const std::string* list = field("enabledRules"))
    for (std::string& id : SplitList(*list)) out->enabled.insert(std::move(id));
  if (const std::string* list = field("disabledRules"))
    for (std::string& id : SplitList(*list)) out->disabled.insert(std::move(id));
  if (const std::string* only = field("enabledOnly")) {
    if (*only != "true" && *only != "false") {
      *error = "enabledOnly: must be true or false";
      return false;
    }
    out->enabled_only = *only == "true";
  }
  return true;
}

namespace {

bool Named(const std::set<std::string>& names, const std::string& id) {
  if (names.count(id)) return true;
  std::string family = id.substr(0, id.find('.'));
  return names.count(family) || names.count(family + ".");
}

// Maps a byte offset of the analysed text to UTF-16 units of the client's.
class OffsetMap {
 public:
  explicit OffsetMap(const LtRequest& request) : request_(request), index_(request.text, 0) {}
  uint32_t At(uint32_t offset, bool is_end) const {
    if (request_.pieces.empty()) return index_.At(offset).utf16;
    // A start belongs to the last piece that starts at or before it, an
    // end to the first that ends at or after it (binary searches: the
    // pieces are in text order).
    const std::vector<TextPiece>& pieces = request_.pieces;
    auto it =
        is_end ? std::lower_bound(pieces.begin(), pieces.end(), offset,
                                  [](const TextPiece& p, uint32_t o) { return p.plain_end < o; })
               : std::upper_bound(pieces.begin(), pieces.end(), offset,
                                  [](uint32_t o, const TextPiece& p) { return o < p.plain_begin; });
    if (!is_end) it = it == pieces.begin() ? it : it - 1;
    if (it == pieces.end()) it = pieces.end() - 1;
    const TextPiece* piece = &*it;
    if (piece->markup) return piece->original_utf16 + (is_end ? piece->original_utf16_length : 0);
    return piece->original_utf16 + index_.At(offset).utf16 - index_.At(piece->plain_begin).utf16;
  }

 private:
  const LtRequest& request_;
  PositionIndex index_;
};

}  // namespace

Reply CheckLanguageTool(const Analyzer& analyzer, std::string_view body, const Budget& budget) {
  LtRequest lt;
  std::string error;
  if (!ParseLtRequest(body, &lt, &error)) return ErrorReply(400, error);
  Request request;
  request.text = lt.text;
  request.keep_findings = budget.max_findings;  // what the answer can show, as /v1/check
  if (budget.time.count() > 0) request.deadline = std::chrono::steady_clock::now() + budget.time;
  Analysis analysis = analyzer.Analyze(request);
  if (analysis.out_of_time)
    return ErrorReply(503, "the analysis took longer than the time budget of " +
                               std::to_string(budget.time.count()) + " ms");
  OffsetMap map(lt);
  LanguageToolFrame frame;
  frame.language = lt.language;
  frame.wanted = [&lt](const CheckDef& check) {
    return !Named(lt.disabled, check.id) && (!lt.enabled_only || Named(lt.enabled, check.id));
  };
  frame.utf16_offset = [&map](uint32_t offset, bool is_end) { return map.At(offset, is_end); };
  Reply reply;
  AppendLanguageToolJson(analysis, frame, ReportOptions{budget.max_findings}, &reply.body);
  return reply;
}

Reply LanguageToolLanguages() {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const char* code : {"en", "en-US", "en-GB", "en-AU", "en-CA"}) {
    std::string c = code;
    out.push_back({{"name", LanguageToolLanguageName(c)}, {"code", "en"}, {"longCode", c}});
  }
  return Reply{200, out.dump()};
}

}  // namespace amends::serve
