// Checks stage: which checks a run keeps, from `--only` and `--skip`.
//
// Each item names one check or a family of them:
//   blame.customer   the check with that id
//   blame.           every check whose id starts with "blame."
//   blame            the same as "blame." when no check is called "blame"
//                    (a check id always wins over a family of that name)
// Items are given comma-separated, in one option or several; spaces around
// an item are ignored. A family matches whole dotted parts only: "bla." is
// no family, so it is an unknown item (with a suggestion), not a surprise.
//
// The checks kept are those `only` names (all of them when `only` is
// empty) minus those `skip` names, and then only those still turned on: a
// team configuration's `status: off` is never overridden (`--no-config`
// ignores the configuration).
#pragma once

#include <string>
#include <vector>

#include "checks/check_def.h"

namespace amends {

struct CheckSelection {
  std::vector<std::string> only;  // as given on the command line
  std::vector<std::string> skip;
  bool empty() const { return only.empty() && skip.empty(); }
};

// Whether each of `ids` is kept by `selection`, ignoring whether it is
// turned on: one flag per id, in order. Returns false and sets `*error`
// ("--only: unknown check 'x'; did you mean 'y'?") for an empty or unknown
// item.
bool ResolveSelection(const CheckSelection& selection, const std::vector<std::string>& ids,
                      std::vector<bool>* keep, std::string* error);

// Turns off the checks of `checks` that `selection` leaves out. Returns
// false and sets `*error` for an empty or unknown item, and when no check
// would be left to run. An empty selection changes nothing.
bool ApplySelection(const CheckSelection& selection, CheckSet* checks, std::string* error);

// Which checks ran, for a person, when not all did: "2 of 23 checks ran:
// blame.customer, blame.third_party" (the ids that ran when they are the
// fewer) or "21 of 23 checks ran; not run: excuse, tone.shouting"; "" when
// `not_run` is empty.
std::string ChecksRunNote(const std::vector<std::string>& ran,
                          const std::vector<std::string>& not_run);

}  // namespace amends
