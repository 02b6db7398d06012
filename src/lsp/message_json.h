// A message body's JSON, read faster when it is mostly one long string
// (a didChange or didOpen of a long document: the whole text, escaped).
//
// nlohmann's lexer reads a string a character at a time; for a 50 KB
// document that was a third of handling a change. Here the body's longest
// string, when long, is cut out and decoded on its own, and the rest of
// the body (a few hundred bytes) is parsed as usual with a placeholder
// where it was. The result is the value json::parse(body) gives: whenever
// the fast way cannot tell that it is (an escape or a byte it does not
// take, a long object key, a placeholder already in the body), the body is
// parsed the usual way.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

namespace amends::lsp {

// nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false): the
// value, or a discarded value when `body` is not JSON. A string is decoded
// apart when it is the body's longest and holds at least `long_string`
// bytes as written.
nlohmann::json ParseMessageJson(std::string_view body, size_t long_string = 4096);

}  // namespace amends::lsp
