#include "util/word_list.h"

#include <catch2/catch.hpp>

#include "util/embedded_word_lists.h"
#include "util/utf8.h"

using namespace amends;

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
  return out;
}

}  // namespace

TEST_CASE("a word list skips comments and blank lines and trims its entries", "[word_list]") {
  WordList list(
      "# A header comment.\n"
      "hello\n"
      "\n"
      "  \t\n"
      "  # an indented comment\n"
      "  good morning \t\r\n"
      "hi\r\n"
      "hello\n"
      "last without a line end");
  CHECK(list.entries() ==
        std::vector<std::string>{"good morning", "hello", "hi", "last without a line end"});
  CHECK(list.size() == 4);
  CHECK(list.longest() == std::string_view("last without a line end").size());
  CHECK(list.Contains("hello"));
  CHECK(list.Contains("good morning"));
  CHECK_FALSE(list.Contains("good"));
  CHECK_FALSE(list.Contains("hello "));
  CHECK_FALSE(list.Contains("# A header comment."));
  CHECK_FALSE(list.Contains(""));
}

TEST_CASE("a word list with nothing in it matches nothing", "[word_list]") {
  for (std::string_view content : {"", "\n\n", "# only a comment\n"}) {
    WordList list(content);
    CHECK(list.empty());
    CHECK(list.longest() == 0);
    CHECK_FALSE(list.Contains(""));
    CHECK_FALSE(list.AnySuffixOf("wrote:"));
  }
}

TEST_CASE("a word list's entries are normalised as its caller says", "[word_list]") {
  WordList list("hello\nWorld\n# Comment\n", Upper);
  CHECK(list.entries() == std::vector<std::string>{"HELLO", "WORLD"});
  CHECK(list.Contains("WORLD"));
  CHECK_FALSE(list.Contains("World"));
  // An entry that normalises to nothing is dropped.
  WordList dropped("a\nb\n",
                   [](std::string_view e) { return e == "a" ? std::string() : std::string(e); });
  CHECK(dropped.entries() == std::vector<std::string>{"b"});
}

TEST_CASE("a word list finds an entry ending a text", "[word_list]") {
  WordList list(
      "wrote:\na \xC3\xA9"
      "crit :\n");
  CHECK(list.AnySuffixOf("On Mon, Mary <m@x.org> wrote:"));
  CHECK(
      list.AnySuffixOf("Le lun., Marie a \xC3\xA9"
                       "crit :"));
  CHECK(list.AnySuffixOf("wrote:"));
  CHECK_FALSE(list.AnySuffixOf("wrote: "));
  CHECK_FALSE(list.AnySuffixOf("rote:"));
  CHECK_FALSE(list.AnySuffixOf("Mary WROTE:"));
}

TEST_CASE("every built-in word list is there, well-formed and says what it is for", "[word_list]") {
  std::vector<std::string_view> paths = EmbeddedWordListPaths();
  CHECK(paths == std::vector<std::string_view>{
                     "lexicons/en/layout/closing-lines.list",
                     "lexicons/en/layout/greeting-fillers.list",
                     "lexicons/en/layout/greeting-words.list",
                     "lexicons/en/layout/titles.list",
                     "lexicons/mail/forward-separators.list",
                     "lexicons/mail/mobile-signatures.list",
                     "lexicons/mail/wrote-lines.list",
                 });
  for (std::string_view path : paths) {
    INFO(path);
    std::string_view content = EmbeddedWordList(path);
    CHECK(content.starts_with("# "));  // the header: what the list is for, how it matches
    CHECK(content.find("\n# Matching: ") != std::string_view::npos);
    CHECK(content.ends_with("\n"));
    CHECK(FindInvalidUtf8(content) == kValidUtf8);
    CHECK(WordList(content).size() >= 5);
  }
  CHECK(EmbeddedWordList("lexicons/mail/no-such.list").empty());
}
