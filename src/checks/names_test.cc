#include "checks/names.h"

#include <catch2/catch.hpp>

using namespace amends;

namespace {
Segmenter& Seg() {
  static Segmenter s;
  return s;
}
NameLists Lists() {
  NameLists n;
  n.first_names.AddList("# test\nMary\nWill\nGrace\n");
  n.name_words.AddList("will\ngrace\n");
  return n;
}
std::string Use(const std::string& text, const std::string& name) {
  static NameLists lists = Lists();
  Document doc = Seg().Segment(text);
  const Token* t = FindNameUse(doc, lists, name);
  return t ? std::to_string(t->start) : "none";
}
}  // namespace

TEST_CASE("customer names: first and last from what was given", "[names]") {
  Customer a = ParseCustomerName("Mary Ann Smith");
  CHECK(a.first == "Mary");
  CHECK(a.last == "Smith");
  Customer b = ParseCustomerName("Smith, Mary");
  CHECK(b.first == "Mary");
  CHECK(b.last == "Smith");
  Customer c = ParseCustomerName("Mr. John Smith");
  CHECK(c.first == "John");
  Customer d = ParseCustomerName("  Cher ");
  CHECK(d.first == "Cher");
  CHECK(d.last.empty());
  CHECK(ParseCustomerName("").first.empty());
}

TEST_CASE("a name that is a word counts only where it reads as a name", "[names]") {
  CHECK(Use("We will send it today.", "Will") == "none");
  CHECK(Use("Will you check the tracking page?", "Will") == "none");
  CHECK(Use("Hi Will, we sent it.", "Will") == "3");
  CHECK(Use("Thanks, Will. It ships today.", "Will") == "8");
  CHECK(Use("It ships today, Grace.", "Grace") == "16");
  CHECK(Use("Mary, it ships today.", "Mary") == "0");
  CHECK(Use("it ships today mary", "Mary") == "15");  // not a word: any use counts
}

TEST_CASE("the sign-off is not the customer's name", "[names]") {
  CHECK(Use("It ships today.\n\nThanks,\nMary", "Mary") == "none");
}

TEST_CASE("greeting names compared with the customer's", "[names]") {
  Customer mary{"Mary", "Smith"};
  CHECK(CompareNames("Mary", mary) == NameMatch::kSame);
  CHECK(CompareNames("MARY", mary) == NameMatch::kSame);
  CHECK(CompareNames("Marry", mary) == NameMatch::kMisspelled);
  CHECK(CompareNames("Smith", mary) == NameMatch::kSurname);
  CHECK(CompareNames("John", mary) == NameMatch::kOther);
  Customer sam{"Samantha", ""};
  CHECK(CompareNames("Sam", sam) == NameMatch::kSame);
  CHECK(CompareNames("Samanta", sam) == NameMatch::kMisspelled);
}

TEST_CASE("accents do not make a different name", "[names]") {
  CHECK(FoldName("Zo\xC3\xAB") == "zoe");
  CHECK(FoldName("JOS\xC3\x89") == "jose");
  CHECK(CompareNames("Zo\xC3\xAB", Customer{"Zoe", ""}) == NameMatch::kSame);
  CHECK(Use("Hi Zo\xC3\xAB, it ships today.", "Zoe") == "3");
}

TEST_CASE("a lower-case greeting name counts when it is a known name, not a word", "[names]") {
  static NameLists lists = Lists();
  Document a = Seg().Segment("hi mary, it ships today.");
  RecogniseLowercaseGreetingName(lists, &a);
  CHECK(a.greeting_name == "mary");
  Document b = Seg().Segment("hi will, it ships today.");
  RecogniseLowercaseGreetingName(lists, &b);
  CHECK(b.greeting_name.empty());
  Document c = Seg().Segment("hi there, it ships today.");
  RecogniseLowercaseGreetingName(lists, &c);
  CHECK(c.greeting_name.empty());
}

TEST_CASE("a name list need not be sorted and may repeat itself", "[names]") {
  NameSet set;
  set.AddList("Zoe\n# comment\nAnna\nMARY\nanna\n\nÉlodie\nBob");
  set.AddList("Aaron\n");
  CHECK(set.size() == 6);
  for (const char* name : {"zoe", "anna", "mary", "élodie", "bob", "aaron"}) {
    INFO(name);
    CHECK(set.Contains(name));
  }
  CHECK_FALSE(set.Contains("Anna"));  // lookups are folded first
  CHECK_FALSE(set.Contains("ann"));
}
