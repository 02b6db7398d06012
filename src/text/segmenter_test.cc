#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "text/document.h"
#include "text/fold.h"

using namespace amends;

namespace {

// The words of a document as (original text, folded text) pairs.
std::vector<std::pair<std::string, std::string>> Words(const Document& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  for (uint32_t w : doc.words) {
    const Token& t = doc.tokens[w];
    out.emplace_back(std::string(doc.Original({t.start, t.end})), std::string(doc.Folded(t)));
  }
  return out;
}

Segmenter& Seg() {
  static Segmenter s;
  return s;
}

}  // namespace

TEST_CASE("tokens keep exact byte spans of the original", "[segmenter]") {
  std::string text = "We\xE2\x80\x99re SORRY, Zo\xC3\xAB!";
  Document doc = Seg().Segment(text);
  auto words = Words(doc);
  REQUIRE(words.size() == 3);
  CHECK(words[0].first == "We\xE2\x80\x99re");  // curly apostrophe kept in the original
  CHECK(words[0].second == "we're");            // and folded for matching
  CHECK(words[1].second == "sorry");
  CHECK(words[2].first == "Zo\xC3\xAB");
  CHECK(words[2].second == "zo\xC3\xAB");
  for (const Token& t : doc.tokens) CHECK(t.end > t.start);
  CHECK(doc.tokens.front().start == 0);
  CHECK(doc.tokens.back().end == text.size());
}

TEST_CASE("combining marks stay with their letter", "[segmenter]") {
  std::string text = "Jose\xCC\x81 called";  // e + U+0301
  Document doc = Seg().Segment(text);
  auto words = Words(doc);
  REQUIRE(words.size() == 2);
  CHECK(words[0].first == "Jose\xCC\x81");
}

TEST_CASE("emoji are symbols, not words, and keep their spans", "[segmenter]") {
  // Thumbs up with skin tone, then a ZWJ family sequence.
  std::string thumbs = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";
  std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
  std::string text = "ok " + thumbs + " " + family + " done";
  Document doc = Seg().Segment(text);
  CHECK(Words(doc).size() == 2);
  int symbols = 0;
  for (const Token& t : doc.tokens) {
    if (t.kind != TokenKind::kSymbol) continue;
    ++symbols;
    std::string s(doc.Original({t.start, t.end}));
    CHECK((s == thumbs || s == family));
  }
  CHECK(symbols == 2);
}

TEST_CASE("CJK text is cut into words with valid spans", "[segmenter]") {
  std::string text =
      "\xE5\xAF\xB9\xE4\xB8\x8D\xE8\xB5\xB7\xEF\xBC\x8C\xE6\x88\x91\xE4\xBB\xAC\xE4\xBC\x9A\xE9\x80"
      "\x80\xE6\xAC\xBE\xE3\x80\x82";  // 对不起，我们会退款。
  Document doc = Seg().Segment(text);
  CHECK(Words(doc).size() >= 3);
  for (uint32_t w : doc.words) {
    const Token& t = doc.tokens[w];
    CHECK((static_cast<unsigned char>(text[t.start]) & 0xC0) != 0x80);
    CHECK((t.end == text.size() || (static_cast<unsigned char>(text[t.end]) & 0xC0) != 0x80));
  }
}

TEST_CASE("CRLF line ends split sentences and fold to one space", "[segmenter]") {
  std::string text = "Hi Mary,\r\n\r\nSorry for the delay.\r\nIt ships today.\r\n";
  Document doc = Seg().Segment(text);
  REQUIRE(doc.sentences.size() == 3);
  CHECK(doc.Original({doc.sentences[1].start, doc.sentences[1].end}) == "Sorry for the delay.");
  CHECK(doc.sentences[0].paragraph == 0);
  CHECK(doc.sentences[1].paragraph == 1);
  CHECK(doc.folded.find("  ") == std::string::npos);
  CHECK(doc.folded.find('\r') == std::string::npos);
}

TEST_CASE("folded offsets map back to the original bytes", "[segmenter]") {
  std::string text = "\xE2\x80\x9CSorry\xE2\x80\x9D   \xE2\x80\x94 ok";
  Document doc = Seg().Segment(text);
  CHECK(doc.folded == "\"sorry\" - ok");
  size_t at = doc.folded.find("sorry");
  Span s = doc.FoldedToOriginal(static_cast<uint32_t>(at), static_cast<uint32_t>(at + 5));
  CHECK(doc.Original(s) == "Sorry");
  Span quoted = doc.FoldedToOriginal(0, 7);
  CHECK(doc.Original(quoted) == "\xE2\x80\x9CSorry\xE2\x80\x9D");
}

TEST_CASE("a BOM is skipped but offsets stay those of the input", "[segmenter]") {
  std::string text = "\xEF\xBB\xBFHello";
  Document doc = Seg().Segment(text, 3);
  REQUIRE(doc.words.size() == 1);
  CHECK(doc.tokens[doc.words[0]].start == 3);
}

TEST_CASE("greeting, name and sign-off are recognised", "[segmenter]") {
  Document doc = Seg().Segment("Hi Mary,\n\nThanks for waiting.\n\nBest regards,\nSam\n");
  CHECK(doc.Original(doc.greeting) == "Hi Mary,");
  CHECK(doc.greeting_name == "Mary");
  CHECK(doc.Original(doc.signoff) == "Best regards,\nSam");
  CHECK(doc.body_first_sentence == 1);

  Document generic = Seg().Segment("Dear valued customer, your order shipped.");
  CHECK(generic.Original(generic.greeting) == "Dear valued customer,");
  CHECK(generic.greeting_name.empty());

  Document titled = Seg().Segment("Dear Mr. Smith, thanks.");
  CHECK(titled.greeting_name == "Smith");

  Document there = Seg().Segment("Hi there! We fixed it.");
  CHECK(there.greeting_name.empty());
  CHECK(there.Original(there.greeting) == "Hi there!");
}

TEST_CASE("an email closing line is recognised however it is spaced and cased", "[segmenter]") {
  // Spacing, case and trailing punctuation fold away; the letters that
  // remain must be one of the closing phrases exactly.
  for (const char* closing : {"Sincerely yours,", "  SINCERELY \t YOURS !!", "Kindest regards.",
                              "Best   regards , , ,", "Thank\u00A0you!"}) {
    std::string text = std::string("Thanks for waiting.\n\n") + closing + "\nSam\n";
    Document doc = Seg().Segment(text);
    INFO(closing);
    CHECK(doc.Original(doc.signoff) == std::string(closing) + "\nSam");
  }
  for (const char* other : {"Sincerely yours, and thanks again for your patience",
                            "Sincerely yourselves,", "Best regards from all of us here"}) {
    std::string text = std::string("Thanks for waiting.\n\n") + other + "\nSam\n";
    INFO(other);
    CHECK(Seg().Segment(text).signoff.empty());
  }
}

TEST_CASE("greeting and closing words come from lexicons/en/layout", "[segmenter]") {
  // greeting-words.list, with "Good" before one of them.
  Document hiya = Seg().Segment("Hiya Sam, it shipped.");
  CHECK(hiya.Original(hiya.greeting) == "Hiya Sam,");
  CHECK(hiya.greeting_name == "Sam");
  Document good = Seg().Segment("Good evening Mrs. Jones, it shipped.");
  CHECK(good.Original(good.greeting) == "Good evening Mrs. Jones,");
  CHECK(good.greeting_name == "Jones");  // titles.list
  CHECK(Seg().Segment("Welcome Sam, it shipped.").greeting.empty());
  // greeting-fillers.list: no name.
  for (const char* filler : {"Howdy folks!", "Hello Valued Customer,", "Hi Team,", "Hey Y'all,"}) {
    std::string text = std::string(filler) + " It shipped.";
    Document doc = Seg().Segment(text);
    INFO(filler);
    CHECK(doc.Original(doc.greeting) == filler);
    CHECK(doc.greeting_name.empty());
  }
  // closing-lines.list.
  for (const char* closing : {"Best regards,", "Cheers!", "Many thanks.", "Yours", "Take care,"}) {
    std::string text = std::string("It shipped.\n\n") + closing + "\nSam\n";
    Document doc = Seg().Segment(text);
    INFO(closing);
    CHECK(doc.Original(doc.signoff) == std::string(closing) + "\nSam");
  }
  CHECK(Seg().Segment("It shipped.\n\nSee you,\nSam\n").signoff.empty());
}

TEST_CASE("social replies: leading handles and agent initials", "[segmenter]") {
  Document doc = Seg().Segment("@115712 @Acme_Help Sorry about that! We're on it. ^JB");
  CHECK(doc.Original(doc.handles) == "@115712 @Acme_Help");
  CHECK(doc.Original(doc.signoff) == "^JB");
  Document dash = Seg().Segment("@42 Fixed now, thanks for waiting. -Mike");
  CHECK(dash.Original(dash.signoff) == "-Mike");
  Document mail = Seg().Segment("Please re-send the e-mail");
  CHECK(mail.signoff.empty());
}

TEST_CASE("FoldText folds case, quotes and spacing", "[fold]") {
  CHECK(FoldText("  We\xE2\x80\x99RE\t\tSorry ") == "we're sorry");
  CHECK(FoldText("\xC3\x89T\xC3\x89") == "\xC3\xA9t\xC3\xA9");
}

TEST_CASE("quoted passages: double quotes in a paragraph and '>' lines", "[segmenter]") {
  std::string text =
      "You wrote \xE2\x80\x9Cyou should have shipped it\xE2\x80\x9D and I agree.\n"
      "> it never arrived\n"
      "An unpaired \" mark.\n\nNew \"paragraph\".";
  Document doc = Seg().Segment(text);
  REQUIRE(doc.quoted.size() == 3);
  CHECK(doc.Original(doc.quoted[0]) == "\xE2\x80\x9Cyou should have shipped it\xE2\x80\x9D");
  CHECK(doc.Original(doc.quoted[1]) == "> it never arrived");
  CHECK(doc.Original(doc.quoted[2]) == "\"paragraph\"");
  size_t at = text.find("should");
  CHECK(doc.IsQuoted({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 6)}));
  at = text.find("agree");
  CHECK_FALSE(doc.IsQuoted({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 5)}));
}

TEST_CASE("a span is quoted when one passage holds it, among many", "[segmenter]") {
  Segmenter segmenter;
  std::string text;
  for (int i = 0; i < 300; ++i) text += "> line " + std::to_string(i) + "\nsaid \"a b\" c\n";
  Document doc = segmenter.Segment(text);
  REQUIRE(doc.quoted.size() == 600);
  size_t at = text.find("> line 150");
  CHECK(doc.IsQuoted({static_cast<uint32_t>(at + 2), static_cast<uint32_t>(at + 6)}));
  size_t said = text.find("said", at);
  CHECK_FALSE(doc.IsQuoted({static_cast<uint32_t>(said), static_cast<uint32_t>(said + 4)}));
  size_t a = text.find("\"a b\"", at);
  CHECK(doc.IsQuoted({static_cast<uint32_t>(a + 1), static_cast<uint32_t>(a + 4)}));
  // Across two passages is not inside either.
  CHECK_FALSE(doc.IsQuoted({static_cast<uint32_t>(at), static_cast<uint32_t>(a + 2)}));
}

TEST_CASE("a BreakCache cuts a text as cutting it afresh does", "[segmenter]") {
  // Each text the last one edited: lines kept, changed, added, moved; some
  // of them only ICU cuts (CJK, a combining mark, a BOM in mid-text).
  const std::vector<std::string> texts = {
      "Hi Mary,\n\nSorry for the delay.\nIt ships today.\n",
      "Hi Mary,\n\nSorry for the long delay.\nIt ships today.\n",
      "Hi Mary,\n\nSorry for the long delay.\nIt ships today.\nZo\xC3\xAB \xF0\x9F\x98\x94 ok",
      "Hi Mary,\r\n\r\nSorry for the long delay.\nIt ships today.\n\xE5\xAF\xB9\xE4\xB8\x8D"
      "\xE8\xB5\xB7\xE3\x80\x82\n",
      "It ships today.\nHi Mary,\r\n\r\nSorry for the long delay.\nJose\xCC\x81 called.\n",
      "It ships today.\n\xEF\xBB\xBFHi Mary,\r\n\r\nSorry for the long delay.\nU.S. etc.\n",
      "It ships today.\n\xEF\xBB\xBFHi Mary,\r\n\r\nSorry for the long delay.\nU.S. etc.\n",
      "",
      "\n\n\n",
      "Hi Mary,\n\nSorry for the delay.\nIt ships today.\n",
  };
  auto same = [](const Document& a, const Document& b) {
    if (a.folded != b.folded || a.folded_origin != b.folded_origin || a.words != b.words ||
        a.tokens.size() != b.tokens.size() || a.sentences.size() != b.sentences.size())
      return false;
    for (size_t i = 0; i < a.tokens.size(); ++i) {
      const Token &x = a.tokens[i], &y = b.tokens[i];
      if (x.start != y.start || x.end != y.end || x.folded_start != y.folded_start ||
          x.folded_end != y.folded_end || x.sentence != y.sentence || x.kind != y.kind)
        return false;
    }
    for (size_t i = 0; i < a.sentences.size(); ++i) {
      const Sentence &x = a.sentences[i], &y = b.sentences[i];
      if (x.start != y.start || x.end != y.end || x.first_word != y.first_word ||
          x.end_word != y.end_word || x.paragraph != y.paragraph)
        return false;
    }
    return a.greeting.start == b.greeting.start && a.greeting.end == b.greeting.end &&
           a.signoff.start == b.signoff.start && a.signoff.end == b.signoff.end &&
           a.greeting_name == b.greeting_name && a.body_first_sentence == b.body_first_sentence;
  };
  Segmenter segmenter;
  BreakCache cache;
  Document doc;
  size_t reused = 0;
  for (const std::string& text : texts) {
    segmenter.Segment(text, 0, &doc, &cache);
    INFO(text);
    CHECK(same(doc, Seg().Segment(text)));
    reused += cache.last_reused();
    // Only the last text's lines are kept.
    size_t lines = 0;
    for (size_t at = 0; at < text.size(); ++lines) {
      size_t nl = text.find('\n', at);
      at = nl == std::string::npos ? text.size() : nl + 1;
    }
    CHECK(cache.lines() <= lines);
  }
  CHECK(reused >= 15);
  // From a byte on (after a BOM), as Segment takes it.
  const std::string bom = "\xEF\xBB\xBFHi Mary,\n\nSorry.\n";
  segmenter.Segment(bom, 3, &doc, &cache);
  CHECK(same(doc, Seg().Segment(bom, 3)));
}
