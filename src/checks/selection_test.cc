#include "checks/selection.h"

#include <catch2/catch.hpp>

using namespace amends;

namespace {

const std::vector<std::string> kIds = {"apology.missing", "apology.late", "blame.third_party",
                                       "blame.customer",  "excuse",       "tone.shouting"};

// The ids `only` and `skip` keep, space-separated; or "error: …".
std::string Kept(std::vector<std::string> only, std::vector<std::string> skip = {}) {
  std::vector<bool> keep;
  std::string error;
  if (!ResolveSelection(CheckSelection{std::move(only), std::move(skip)}, kIds, &keep, &error))
    return "error: " + error;
  std::string out;
  for (size_t i = 0; i < kIds.size(); ++i)
    if (keep[i]) out += (out.empty() ? "" : " ") + kIds[i];
  return out;
}

CheckSet Checks() {
  CheckSet set;
  for (const std::string& id : kIds) {
    CheckDef c;
    c.id = id;
    set.checks.push_back(c);
  }
  return set;
}

}  // namespace

TEST_CASE("selection: exact ids, comma lists and repeated options", "[selection]") {
  CHECK(Kept({}) ==
        "apology.missing apology.late blame.third_party blame.customer excuse "
        "tone.shouting");
  CHECK(Kept({"excuse"}) == "excuse");
  CHECK(Kept({"excuse,tone.shouting"}) == "excuse tone.shouting");
  CHECK(Kept({"excuse", "tone.shouting"}) == "excuse tone.shouting");
  CHECK(Kept({" excuse , blame.customer "}) == "blame.customer excuse");
}

TEST_CASE("selection: a family by prefix, with or without its dot", "[selection]") {
  CHECK(Kept({"blame."}) == "blame.third_party blame.customer");
  CHECK(Kept({"apology"}) == "apology.missing apology.late");
  CHECK(Kept({"apology.", "excuse"}) == "apology.missing apology.late excuse");
  // Whole dotted parts only: a partial name is no family.
  CHECK(Kept({"blame.th"}).rfind("error: --only: unknown check 'blame.th'", 0) == 0);
  CHECK(Kept({"apol"}).rfind("error: --only: unknown check 'apol'", 0) == 0);
}

TEST_CASE("selection: --only and --skip together, --skip alone", "[selection]") {
  CHECK(Kept({"blame."}, {"blame.customer"}) == "blame.third_party");
  CHECK(Kept({}, {"apology", "tone.shouting"}) == "blame.third_party blame.customer excuse");
  // --skip of a check --only does not select is no error.
  CHECK(Kept({"excuse"}, {"blame."}) == "excuse");
}

TEST_CASE("selection: unknown and empty ids are errors with a suggestion", "[selection]") {
  CHECK(Kept({"blame.thrid_party"}) ==
        "error: --only: unknown check 'blame.thrid_party'; did you mean 'blame.third_party'?");
  CHECK(Kept({"apolgy"}) == "error: --only: unknown check 'apolgy'; did you mean 'apology'?");
  CHECK(Kept({"blam."}) == "error: --only: unknown check 'blam.'; did you mean 'blame.'?");
  CHECK(Kept({}, {"excuses"}) == "error: --skip: unknown check 'excuses'; did you mean 'excuse'?");
  CHECK(Kept({"no.such.thing.at.all"}) ==
        "error: --only: unknown check 'no.such.thing.at.all' ('amends rules' lists the checks)");
  CHECK(Kept({"excuse,,blame."}) == "error: --only: an empty check id in 'excuse,,blame.'");
  CHECK(Kept({""}) == "error: --only: an empty check id in ''");
  CHECK(Kept({"a\x1b[2J"}).find("\x1b") == std::string::npos);
}

TEST_CASE("selection: applied to a check set, composed with checks turned off", "[selection]") {
  std::string error;
  CheckSet set = Checks();
  REQUIRE(ApplySelection(CheckSelection{{"blame."}, {}}, &set, &error));
  std::string on;
  for (const CheckDef& c : set.checks)
    if (c.enabled) on += c.id + " ";
  CHECK(on == "blame.third_party blame.customer ");

  // A check the configuration turned off stays off, whatever --only says.
  set = Checks();
  set.checks[3].enabled = false;  // blame.customer
  REQUIRE(ApplySelection(CheckSelection{{"blame."}, {}}, &set, &error));
  CHECK(set.checks[2].enabled);
  CHECK_FALSE(set.checks[3].enabled);
  CHECK_FALSE(set.checks[0].enabled);

  set = Checks();
  set.checks[3].enabled = false;
  CHECK_FALSE(ApplySelection(CheckSelection{{"blame.customer"}, {}}, &set, &error));
  CHECK(error ==
        "no check left to run: the team configuration turns off blame.customer (status: off; "
        "--no-config ignores the configuration)");

  set = Checks();
  CHECK_FALSE(ApplySelection(CheckSelection{{"excuse"}, {"excuse"}}, &set, &error));
  CHECK(error == "--only and --skip leave no check to run");
  CHECK_FALSE(ApplySelection(CheckSelection{{}, {"apology,blame,excuse,tone"}}, &set, &error));
  CHECK(error == "--skip leaves no check to run");

  // An error changes nothing; an empty selection changes nothing.
  set = Checks();
  CHECK_FALSE(ApplySelection(CheckSelection{{"blame.", "nope"}, {}}, &set, &error));
  REQUIRE(ApplySelection(CheckSelection{}, &set, &error));
  for (const CheckDef& c : set.checks) CHECK(c.enabled);
}

TEST_CASE("selection: the note of which checks ran", "[selection]") {
  CHECK(ChecksRunNote({"a", "b"}, {}).empty());
  CHECK(ChecksRunNote({"blame.customer"}, {"a", "b"}) == "1 of 3 checks ran: blame.customer");
  CHECK(ChecksRunNote({"a", "b", "c"}, {"excuse"}) == "3 of 4 checks ran; not run: excuse");
}
