// `name`: fires on a generic salutation ("Dear customer"), or when the
// customer's first name is known and never used.
#include "checks/check_def.h"
#include "checks/evaluate.h"
#include "checks/hits_by_tag.h"
#include "checks/logic/findings.h"
#include "checks/logic_kind.h"
#include "checks/names.h"

namespace amends {
namespace {

// The tag of the lexicon's generic salutations, which this kind reads.
constexpr const char* kGenericSalutation = "generic_salutation";

std::string Parse(const LogicKind& kind, std::span<const std::string> args, CheckSet* set,
                  CheckDef* check) {
  if (std::string error = ParseNoArguments(kind, args, set, check); !error.empty()) return error;
  check->tags.push_back(set->AddTag(kGenericSalutation));
  set->generic_salutation_tag = check->tags.back();
  return "";
}

void Evaluate(const LogicInput& in, CheckResult* r) {
  const CheckDef& check = in.check;
  const Document& doc = in.doc;
  const std::string& customer_name = in.customer.first;
  auto& findings = r->findings;
  auto generic = HitsOf(in.hits, check.tags);
  if (!generic.empty()) {
    for (const Hit* h : generic) findings.push_back(FindingFor(check, in.lexicon, *h));
    r->status = check.severity;
    return;
  }
  if (customer_name.empty()) {
    // "Hi Mary," with no name given: the reply greets someone by name,
    // which is what the check asks for (name.mismatch needs the name).
    if (!doc.greeting_name.empty())
      findings.push_back(Finding{doc.greeting, "The greeting uses a name.", "", -1});
    else r->status = Status::kNotApplicable;
    return;
  }
  if (const Token* t = FindNameUse(doc, in.names, customer_name)) {
    findings.push_back(Finding{{t->start, t->end}, "The customer's name is used.", "", -1});
  } else if (!doc.greeting_name.empty()) {
    // Greeted by a name that is not theirs: name.mismatch says so once.
    findings.push_back(
        Finding{doc.greeting_name_span, "The greeting uses a name; see name.mismatch.", "", -1});
  } else {
    Finding f = MissingFinding(check, doc);
    if (!doc.greeting.empty()) f.span = doc.greeting;
    f.suggestion = r->Keep("Greet them by first name: \"Hi " + customer_name + ",\"");
    findings.push_back(f);
    r->status = check.severity;
  }
}

}  // namespace

extern const LogicKind kNameLogic = {
    .name = "name", .left_out = true, .parse = &Parse, .evaluate = &Evaluate};

}  // namespace amends
