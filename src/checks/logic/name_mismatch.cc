// `name-mismatch`: fires when the name in the greeting is not the
// customer's first name (misspelled, the surname, someone else's); n/a
// when either is unknown.
#include "checks/check_def.h"
#include "checks/evaluate.h"
#include "checks/hits_by_tag.h"
#include "checks/logic/findings.h"
#include "checks/logic_kind.h"
#include "checks/names.h"

namespace amends {
namespace {

// What the greeting gets wrong, or "" when it is their name.
std::string Mismatch(NameMatch match, const std::string& greeted, const std::string& name) {
  switch (match) {
    case NameMatch::kSame:
      break;
    case NameMatch::kMisspelled:
      return "\"" + greeted + "\" misspells the customer's name, " + name + ".";
    case NameMatch::kSurname:
      return "The greeting uses the surname alone; greet " + name + " by first name.";
    case NameMatch::kOther:
      return "The greeting says \"" + greeted + "\" but the customer is " + name + ".";
  }
  return "";
}

void Evaluate(const LogicInput& in, CheckResult* r) {
  const Document& doc = in.doc;
  const std::string& customer_name = in.customer.first;
  if (customer_name.empty() || doc.greeting_name.empty()) {
    r->status = Status::kNotApplicable;
    return;
  }
  NameMatch match = CompareNames(doc.greeting_name, in.customer);
  if (match == NameMatch::kSame) {
    r->findings.push_back(Finding{doc.greeting_name_span, "The greeting uses their name.", "", -1});
    return;
  }
  r->findings.push_back(Finding{
      doc.greeting_name_span, r->Keep(Mismatch(match, doc.greeting_name, customer_name)),
      r->Keep("Use their first name, spelled as they spell it: \"" + customer_name + "\"."), -1});
  r->status = in.check.severity;
}

}  // namespace

extern const LogicKind kNameMismatchLogic = {.name = "name-mismatch",
                                             .flags_hits = false,
                                             .parse = &ParseNoArguments,
                                             .evaluate = &Evaluate};

}  // namespace amends
