// What the checks know about names: the customer's, and lists of first
// names and of names that are also everyday words.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"
#include "util/binary_io.h"

namespace amends {

// A set of folded names, kept as one sorted array (thousands of short
// strings load faster this way than into a hash set).
class NameSet {
 public:
  // Adds the entries of a .list file (one per line, '#' comments).
  void AddList(std::string_view content);
  bool Contains(std::string_view folded) const {
    return std::binary_search(names_.begin(), names_.end(), folded, std::less<>());
  }
  size_t size() const { return names_.size(); }

  // As bytes and back (see util/binary_io.h); Load replaces the contents.
  void Save(BinaryWriter* out) const {
    out->U64(names_.size());
    for (const std::string& n : names_) out->Str(n);
  }
  bool Load(BinaryReader* in) {
    names_.clear();
    uint64_t n = in->U64();
    for (uint64_t i = 0; i < n && in->ok(); ++i) names_.emplace_back(in->Str());
    return in->ok() && std::is_sorted(names_.begin(), names_.end());
  }

 private:
  std::vector<std::string> names_;  // sorted, unique
};

struct NameLists {
  NameSet first_names;
  NameSet name_words;  // "will", "grace", "may"

  bool IsFirstName(std::string_view folded) const { return first_names.Contains(folded); }
  bool IsWord(std::string_view folded) const { return name_words.Contains(folded); }
};

// The customer, as the checks see them.
struct Customer {
  std::string first;  // "" when unknown
  std::string last;   // "" when unknown or a single name was given
};

// "Mary Ann Smith" → {Mary, Smith}; "Smith, Mary" → {Mary, Smith};
// "Mr. John Smith" → {John, Smith}.
Customer ParseCustomerName(std::string_view name);

// Where the draft addresses the customer by first name, or null. A name
// that is also a word ("Will") counts only where it reads as a name:
// capitalised and either in the greeting, set off by a comma, or not first
// in its sentence. The sign-off is not searched.
const Token* FindNameUse(const Document& doc, const NameLists& names, const std::string& first);

// Folded, without accents: "Zoë" and "ZOE" both give "zoe".
std::string FoldName(std::string_view name);

// The segmenter takes a capitalised word in the greeting for a name ("Hi
// Mary,"). A lower-case one counts too when it is a known first name that
// is not also a word ("hi mary," but not "hi will,"): sets
// doc->greeting_name and its span then.
void RecogniseLowercaseGreetingName(const NameLists& names, Document* doc);

// How the greeting's name relates to the customer's.
enum class NameMatch { kSame, kMisspelled, kSurname, kOther };
NameMatch CompareNames(std::string_view greeting_name, const Customer& customer);

}  // namespace amends
