#include "lsp/message_json.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

using namespace amends::lsp;
using nlohmann::json;

namespace {

// ParseMessageJson against json::parse on `body`, with a long string of
// any length (0: every body that has a string takes the fast way).
void Same(const std::string& body, size_t long_string = 0) {
  json fast = ParseMessageJson(body, long_string);
  json usual = json::parse(body, nullptr, /*allow_exceptions=*/false);
  INFO(body);
  REQUIRE(fast.is_discarded() == usual.is_discarded());
  if (!usual.is_discarded()) REQUIRE(fast == usual);
}

std::string Change(const std::string& text_json) {
  return R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":)"
         R"({"uri":"file:///a.txt","version":3},"contentChanges":[{"text":)" +
         text_json + "}]}}";
}

}  // namespace

TEST_CASE("lsp: a message's long string is read as json::parse reads it", "[lsp]") {
  // What the fast way decodes, and what it must leave to the usual way.
  const std::vector<std::string> texts = {
      R"("")",
      R"("plain text")",
      R"("quotes \" and \\ and \/ and \b\f\n\r\t")",
      R"("\\\"")",
      R"("ends in a backslash \\")",
      R"("\u0000 \u001f \u00e9 \u00E9 \u20ac \ud83d\ude14 \uD83D\uDE14")",
      "\"raw UTF-8: Zo\xC3\xAB \xF0\x9F\x98\x94 \xE2\x80\x99\"",
      R"("a lone high half \ud83d here")",
      R"("a lone low half \ude14 here")",
      R"("a high half at the end \ud83d")",
      R"("a high half then another \ud83d\ud83d")",
      R"("a bad escape \x41")",
      R"("a short escape \u12")",
      R"("a bad hex \u12g4")",
      "\"a raw control character \x01 here\"",
      "\"a raw tab \t here\"",
      "\"ill-formed UTF-8 \xC3\x28 here\"",
      "\"a surrogate in UTF-8 \xED\xA0\x80 here\"",
      "\"an overlong form \xC0\xAF here\"",
      "\"cut short \xE2\x80\"",
      R"("the placeholder \u0001amends long string\u0001")",
      R"("an escape cut \)",
      R"("never closed)",
  };
  for (const std::string& t : texts) {
    Same(Change(t));
    Same("[" + t + "]");
    Same(t);
    Same("{" + t + ":1}");  // a key
    Same("{" + t + " :1}");
    Same("{\"a\":" + t + ",}");  // not JSON around it
    Same(Change(t) + " x");
  }
  // The placeholder elsewhere in the body than the long string.
  Same(R"({"a":"\u0001amends long string\u0001","b":"a longer string than that one is"})");
  Same(R"({"b":"a longer string than that one is","a":"\u0001amends long string\u0001"})");
  // The threshold: a short body is parsed the usual way, the same.
  Same(Change(R"("short")"), 4096);
  Same(Change("\"" + std::string(5000, 'x') + "\""), 4096);
}

TEST_CASE("lsp: a message's long string is read as json::parse reads it, at random", "[lsp]") {
  // Bodies from pieces of strings and escapes, now and then one the fast
  // way does not take, some cut or changed at a random byte: valid and
  // invalid JSON alike.
  const std::vector<std::string> pieces = {
      "a",
      "Sorry",
      " ",
      "\\n",
      "\\r\\n",
      "\\\"",
      "\\\\",
      "\\/",
      "\\t",
      "\\u00e9",
      "\\ud83d\\ude14",
      "\\u0001",
      "\xC3\xAB",
      "\xF0\x9F\x98\x94",
      "\xE2\x80\x99",
  };
  const std::vector<std::string> refused = {"\\ud83d", "\\ude14", "\x01", "\xC3",
                                            "\\",      "\"",      "\\x",  "\\u12"};
  std::mt19937 rnd(20261203);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rnd); };
  for (int i = 0; i < 4000; ++i) {
    std::string text;
    for (size_t k = 0, n = pick(60); k < n; ++k)
      text += pick(100) == 0 ? refused[pick(refused.size())] : pieces[pick(pieces.size())];
    std::string body = Change("\"" + text + "\"");
    if (pick(6) == 0) body[pick(body.size())] = "\"\\{}[],:x\x01"[pick(10)];
    if (pick(10) == 0) body.erase(pick(body.size()));
    Same(body, pick(3) == 0 ? 0 : pick(40));
  }
}
