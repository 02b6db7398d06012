#include "summary/team_names.h"

#include <catch2/catch.hpp>

namespace amends::summary {

TEST_CASE("team names: tab or = lines, comments, errors with file:line", "[summary][team-names]") {
  TeamNames names;
  std::string error;
  REQUIRE(ParseTeamNames("\xEF\xBB\xBF# id\tname\n360001\tBilling = EU\n\n  42 = Parcels <b>\r\n",
                         "teams.tsv", &names, &error));
  CHECK(names.size() == 2);
  CHECK(names["360001"] == "Billing = EU");  // split at the tab, not the later =
  CHECK(names["42"] == "Parcels <b>");

  auto fails = [&](const char* text) {
    TeamNames n;
    std::string e;
    CHECK_FALSE(ParseTeamNames(text, "t.txt", &n, &e));
    return e;
  };
  CHECK(fails("1=a\njust a name\n") == "t.txt:2: expected ID<TAB>NAME or ID=NAME");
  CHECK(fails("=Billing\n") == "t.txt:1: empty team id");
  CHECK(fails("7\t \n") == "t.txt:1: empty name for team \"7\"");
  CHECK(fails("7=a\n# x\n7=b\n") == "t.txt:3: team \"7\" already named on line 1");
  CHECK_FALSE(ReadTeamNames("/nonexistent/teams.tsv", &names, &error));
  CHECK(error.rfind("/nonexistent/teams.tsv: cannot read", 0) == 0);
}

}  // namespace amends::summary
