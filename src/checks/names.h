// What the checks know about names: the customer's, and lists of first
// names and of names that are also everyday words.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"
#include "util/binary_io.h"
#include "util/string_table.h"

namespace amends {

// A set of folded names, sorted in a StringTable (thousands of short
// strings load faster this way than into a hash set, and an image's copy
// can be used in place).
class NameSet {
 public:
  // Adds the entries of a .list file (one per line, '#' comments).
  void AddList(std::string_view content);
  bool Contains(std::string_view folded) const;
  size_t size() const { return names_.size(); }

  // As bytes and back (see util/binary_io.h); Load replaces the contents.
  // With `in_place` the set reads the reader's buffer, which must outlive
  // it (see PhraseSet::Load).
  void Save(BinaryWriter* out) const { names_.Save(out); }
  bool Load(BinaryReader* in, bool in_place = false) { return names_.Load(in, in_place); }

 private:
  StringTable names_;  // sorted, unique
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
