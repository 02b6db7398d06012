// The inflected forms of an English word, for `word~` in phrase patterns:
// one rule word stands for its tenses and plural ("refund~" matches
// refund, refunds, refunded, refunding), so a rule holds a phrasing
// family rather than the one form its writer thought of.
//
// Forms are generated, not looked up: the regular endings (-s/-es/-ies,
// -ed/-d/-ied, -ing with the final e dropped, both with and without a
// doubled final consonant) plus a table of the irregular verbs support
// replies use ("send~": sent; "take~": took, taken). A generated form that
// is not a word ("shiped") matches nothing a writer types, so
// over-generating is harmless; missing a real form is not.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace amends {

// `base` (lower case, one word) and its inflected forms, without
// repeats, `base` first.
std::vector<std::string> InflectedForms(std::string_view base);

}  // namespace amends
