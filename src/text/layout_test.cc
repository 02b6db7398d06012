#include "text/layout.h"

#include <catch2/catch.hpp>

#include "text/document.h"

using namespace amends;

namespace {

// The words and sentences of `text`, with no layout found yet.
Document Plain(std::string_view text) {
  Segmenter segmenter;
  return segmenter.SegmentPlain(text, 0);
}

std::string_view Of(const Document& doc, Span span) { return doc.Original(span); }

}  // namespace

TEST_CASE("layout: quoted lines and paired double quotes", "[layout]") {
  std::string text = "> you never sent it\nWe did. You said \"it's broken\" then.\n\"unpaired";
  Document doc = Plain(text);
  layout::FindQuoted(doc);
  REQUIRE(doc.quoted.size() == 2);
  CHECK(Of(doc, doc.quoted[0]) == "> you never sent it");
  CHECK(Of(doc, doc.quoted[1]) == "\"it's broken\"");
  CHECK(doc.quoted_reach == std::vector<uint32_t>{doc.quoted[0].end, doc.quoted[1].end});
  CHECK(doc.IsQuoted(doc.quoted[1]));
  CHECK_FALSE(doc.IsQuoted({0, static_cast<uint32_t>(text.size())}));
}

TEST_CASE("layout: quotes in different paragraphs do not pair", "[layout]") {
  Document doc = Plain("He said \"wait.\n\nThen \"go.");
  layout::FindQuoted(doc);
  CHECK(doc.quoted.empty());
}

TEST_CASE("layout: leading handles, then where the text goes on", "[layout]") {
  Document doc = Plain("@acme .@sam Sorry about that!");
  layout::AfterHandles after = layout::FindHandles(doc);
  CHECK(Of(doc, doc.handles) == "@acme .@sam");
  CHECK(after.end == doc.handles.end);
  CHECK(doc.Folded(doc.tokens[after.token]) == "sorry");

  Document none = Plain("Sorry @acme");
  after = layout::FindHandles(none);
  CHECK(none.handles.empty());
  CHECK(after.end == 0);
  CHECK(after.token == 0);
}

TEST_CASE("layout: greetings with and without a name", "[layout]") {
  struct Case {
    const char* text;
    const char* greeting;
    const char* name;
  };
  for (const Case& c : {Case{"Hi Mary, thanks for waiting.", "Hi Mary,", "Mary"},
                        Case{"Dear Mr. Smith: your order shipped.", "Dear Mr. Smith:", "Smith"},
                        Case{"Good morning all! It is fixed.", "Good morning all!", ""},
                        Case{"Hello there\nIt is fixed.", "Hello there", ""}}) {
    INFO(c.text);
    Document doc = Plain(c.text);
    uint32_t body = layout::FindGreeting(doc, layout::FindHandles(doc));
    CHECK(Of(doc, doc.greeting) == c.greeting);
    CHECK(doc.greeting_name == c.name);
    CHECK(body == doc.greeting.end);
  }
  // More than five words before any stop: the greeting word alone.
  Document run_on = Plain("Hi it seems the parcel went to the wrong depot again");
  layout::FindGreeting(run_on, layout::FindHandles(run_on));
  CHECK(Of(run_on, run_on.greeting) == "Hi");
  CHECK(run_on.greeting_name.empty());
  // No greeting word: none.
  for (const char* text : {"Thanks for waiting.", "Good news, it shipped."}) {
    INFO(text);
    Document doc = Plain(text);
    CHECK(layout::FindGreeting(doc, layout::FindHandles(doc)) == 0);
    CHECK(doc.greeting.empty());
  }
}

TEST_CASE("layout: the body starts at the first sentence past the greeting", "[layout]") {
  Document doc = Plain("Hi Mary. Sorry for the wait. It shipped.");
  layout::FindBodyStart(doc, layout::FindGreeting(doc, layout::FindHandles(doc)));
  CHECK(doc.body_first_sentence == 1);
  Document empty = Plain("");
  layout::FindBodyStart(empty, 0);
  CHECK(empty.body_first_sentence == 0);
}

TEST_CASE("layout: sign-offs, initials and closing lines", "[layout]") {
  struct Case {
    const char* text;
    const char* signoff;
  };
  for (const Case& c :
       {Case{"Sorry about that! ^JB", "^JB"}, Case{"It is fixed -Mike https://t.co/x1", "-Mike"},
        Case{"It is fixed.\n\nBest regards,\nSam\n\n", "Best regards,\nSam"},
        Case{"Thanks,\nAnn", "Thanks,\nAnn"}, Case{"It is well-known", ""},
        Case{"Best regards to your team, we will call you.", ""}}) {
    INFO(c.text);
    Document doc = Plain(c.text);
    layout::FindSignoff(doc);
    CHECK(Of(doc, doc.signoff) == c.signoff);
  }
}
