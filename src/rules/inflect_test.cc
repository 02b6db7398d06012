#include "rules/inflect.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace amends;

namespace {
bool Has(const std::vector<std::string>& forms, const std::string& f) {
  return std::find(forms.begin(), forms.end(), f) != forms.end();
}
}  // namespace

TEST_CASE("regular forms: -s, -ed, -ing", "[inflect]") {
  auto f = InflectedForms("refund");
  CHECK(f.front() == "refund");
  for (const char* w : {"refunds", "refunded", "refunding"}) CHECK(Has(f, w));
  f = InflectedForms("replace");
  for (const char* w : {"replaces", "replaced", "replacing"}) CHECK(Has(f, w));
  CHECK_FALSE(Has(f, "replaceing"));
  f = InflectedForms("apply");
  for (const char* w : {"applies", "applied", "applying"}) CHECK(Has(f, w));
  CHECK_FALSE(Has(f, "applys"));
  f = InflectedForms("delay");
  for (const char* w : {"delays", "delayed", "delaying"}) CHECK(Has(f, w));
  f = InflectedForms("fix");
  for (const char* w : {"fixes", "fixed", "fixing"}) CHECK(Has(f, w));
  CHECK_FALSE(Has(f, "fixxed"));
  f = InflectedForms("agree");
  for (const char* w : {"agrees", "agreed", "agreeing"}) CHECK(Has(f, w));
}

TEST_CASE("a final consonant may double", "[inflect]") {
  auto f = InflectedForms("ship");
  for (const char* w : {"ships", "shipped", "shipping"}) CHECK(Has(f, w));
  f = InflectedForms("cancel");
  for (const char* w : {"cancelled", "canceled", "cancelling", "canceling"}) CHECK(Has(f, w));
  f = InflectedForms("wait");  // two vowels: no doubling
  CHECK_FALSE(Has(f, "waitted"));
}

TEST_CASE("irregular verbs", "[inflect]") {
  auto f = InflectedForms("send");
  CHECK(Has(f, "sent"));
  CHECK(Has(f, "sends"));
  f = InflectedForms("take");
  for (const char* w : {"took", "taken", "takes", "taking"}) CHECK(Has(f, w));
  f = InflectedForms("lose");
  CHECK(Has(f, "lost"));
  f = InflectedForms("pay");
  CHECK(Has(f, "paid"));
}

TEST_CASE("forms do not repeat", "[inflect]") {
  for (const char* w : {"refund", "cut", "set", "do", "go", "be", "x"}) {
    auto f = InflectedForms(w);
    auto sorted = f;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  }
}
