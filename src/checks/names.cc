#include "checks/names.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <vector>

#include "text/fold.h"
#include "util/diagnostic.h"

namespace amends {

void NameSet::AddList(std::string_view content) {
  // Lists are sorted by their capitalised spelling, so folded they are
  // nearly sorted: keep the ascending run and sort only what breaks it,
  // then merge (linear for a sorted list, n log n at worst).
  std::vector<std::string> run, rest;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    std::string folded = FoldText(line);
    if (folded.empty()) continue;
    if (run.empty() || run.back() <= folded) run.push_back(std::move(folded));
    else rest.push_back(std::move(folded));
  }
  std::sort(rest.begin(), rest.end());
  std::vector<std::string> names;
  for (size_t i = 0; i < size(); ++i) names.emplace_back(names_[i]);
  for (std::vector<std::string>* part : {&run, &rest}) {
    std::vector<std::string> merged;
    merged.reserve(names.size() + part->size());
    std::merge(std::make_move_iterator(names.begin()), std::make_move_iterator(names.end()),
               std::make_move_iterator(part->begin()), std::make_move_iterator(part->end()),
               std::back_inserter(merged));
    names = std::move(merged);
  }
  names.erase(std::unique(names.begin(), names.end()), names.end());
  names_ = StringTable();
  for (const std::string& n : names) names_.Append(n);
}

bool NameSet::Contains(std::string_view folded) const {
  size_t lo = 0, hi = size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = names_[mid].compare(folded);
    if (c == 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

std::string FoldName(std::string_view name) {
  std::string folded = FoldText(name);
  bool ascii = std::all_of(folded.begin(), folded.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return folded;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return folded;
  icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(folded), status);
  if (U_FAILURE(status)) return folded;
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  bare.toUTF8String(out);
  return out;
}

namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == ',') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool IsTitle(std::string w) {
  w = FoldText(w);
  if (!w.empty() && w.back() == '.') w.pop_back();
  return w == "mr" || w == "mrs" || w == "ms" || w == "miss" || w == "mx" || w == "dr" ||
         w == "prof" || w == "sir" || w == "madam";
}

}  // namespace

Customer ParseCustomerName(std::string_view name) {
  Customer c;
  bool surname_first = name.find(',') != std::string_view::npos;
  std::vector<std::string> words = Words(name);
  words.erase(std::remove_if(words.begin(), words.end(), IsTitle), words.end());
  if (words.empty()) return c;
  if (surname_first && words.size() >= 2) {
    c.last = words.front();
    c.first = words[1];
  } else {
    c.first = words.front();
    if (words.size() >= 2) c.last = words.back();
  }
  return c;
}

const Token* FindNameUse(const Document& doc, const NameLists& names, const std::string& first) {
  const std::string folded = FoldName(first);
  if (folded.empty()) return nullptr;
  const bool word_like = names.IsWord(folded);
  for (uint32_t w = 0; w < doc.words.size(); ++w) {
    const Token& t = doc.tokens[doc.words[w]];
    if (!doc.signoff.empty() && t.start >= doc.signoff.start) continue;
    if (FoldName(doc.Folded(t)) != folded) continue;
    if (!word_like) return &t;
    unsigned char c0 = static_cast<unsigned char>(doc.text[t.start]);
    if (!(c0 >= 'A' && c0 <= 'Z')) continue;
    bool in_greeting =
        t.start >= doc.greeting.start && t.end <= doc.greeting.end && !doc.greeting.empty();
    bool first_in_sentence = doc.sentences[t.sentence].first_word == w;
    size_t after = t.end;
    while (after < doc.text.size() && doc.text[after] == ' ') ++after;
    size_t before = t.start;
    while (before > 0 && doc.text[before - 1] == ' ') --before;
    bool set_off =
        (after < doc.text.size() && (doc.text[after] == ',' || doc.text[after] == '!')) ||
        (before > 0 && doc.text[before - 1] == ',');
    if (in_greeting || set_off || !first_in_sentence) return &t;
  }
  return nullptr;
}

void RecogniseLowercaseGreetingName(const NameLists& names, Document* doc) {
  if (doc->greeting.empty() || !doc->greeting_name.empty()) return;
  bool first = true;  // skip the greeting word itself
  for (uint32_t w : doc->words) {
    const Token& t = doc->tokens[w];
    if (t.start < doc->greeting.start) continue;
    if (t.end > doc->greeting.end) break;
    if (first) {
      first = false;
      continue;
    }
    std::string folded = FoldName(doc->Folded(t));
    if (names.IsFirstName(folded) && !names.IsWord(folded)) {
      doc->greeting_name_span = {t.start, t.end};
      doc->greeting_name = std::string(doc->Original(doc->greeting_name_span));
    }
    return;  // only the word right after the greeting word
  }
}

NameMatch CompareNames(std::string_view greeting_name, const Customer& customer) {
  std::string g = FoldName(greeting_name);
  std::string first = FoldName(customer.first);
  if (g == first) return NameMatch::kSame;
  if (!customer.last.empty() && g == FoldName(customer.last)) return NameMatch::kSurname;
  // A nickname that begins the name ("Liz" for "Elizabeth" does not, "Sam"
  // for "Samantha" does) is the customer's own.
  if (g.size() >= 3 && first.compare(0, g.size(), g) == 0) return NameMatch::kSame;
  size_t d = EditDistance(g, first);
  if (d <= (first.size() >= 6 ? 2u : 1u)) return NameMatch::kMisspelled;
  return NameMatch::kOther;
}

}  // namespace amends
