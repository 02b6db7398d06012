// What the checks know about names: the customer's, and lists of first
// names and of names that are also everyday words.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"
#include "util/binary_io.h"

namespace amends {

// A set of folded names: one string of all of them, sorted, and where
// each begins (thousands of short strings load faster this way than into a
// hash set, and an image's copy can be used in place).
class NameSet {
 public:
  // Adds the entries of a .list file (one per line, '#' comments).
  void AddList(std::string_view content);
  bool Contains(std::string_view folded) const;
  size_t size() const { return offsets().empty() ? 0 : offsets().size() - 1; }

  // As bytes and back (see util/binary_io.h); Load replaces the contents.
  // With `in_place` the set reads the reader's buffer, which must outlive
  // it (see PhraseSet::Load).
  void Save(BinaryWriter* out) const;
  bool Load(BinaryReader* in, bool in_place = false);

 private:
  std::string_view blob() const { return in_place_ ? image_blob_ : std::string_view(blob_); }
  std::span<const uint32_t> offsets() const {
    return in_place_ ? image_offsets_ : std::span<const uint32_t>(offsets_);
  }
  std::string_view Name(size_t i) const {
    return blob().substr(offsets()[i], offsets()[i + 1] - offsets()[i]);
  }

  std::string blob_;
  std::vector<uint32_t> offsets_;  // size() + 1 of them, the last at the end
  bool in_place_ = false;
  std::string_view image_blob_;
  std::span<const uint32_t> image_offsets_;
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
