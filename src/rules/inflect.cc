#include "rules/inflect.h"

#include <algorithm>
#include <array>

namespace amends {
namespace {

struct Irregular {
  std::string_view base;
  std::array<std::string_view, 3> forms;  // past, participle, another spelling ("" if none)
};

// Irregular verbs of support replies. Regular forms are generated too
// ("sended" is harmless), so only the irregular ones are listed.
constexpr Irregular kIrregular[] = {
    {"be", {"was", "were", "been"}},
    {"become", {"became", "become", ""}},
    {"begin", {"began", "begun", ""}},
    {"break", {"broke", "broken", ""}},
    {"bring", {"brought", "brought", ""}},
    {"buy", {"bought", "bought", ""}},
    {"catch", {"caught", "caught", ""}},
    {"choose", {"chose", "chosen", ""}},
    {"come", {"came", "come", ""}},
    {"cost", {"cost", "cost", ""}},
    {"cut", {"cut", "cut", ""}},
    {"deal", {"dealt", "dealt", ""}},
    {"do", {"did", "done", "does"}},
    {"draw", {"drew", "drawn", ""}},
    {"drive", {"drove", "driven", ""}},
    {"eat", {"ate", "eaten", ""}},
    {"fall", {"fell", "fallen", ""}},
    {"feel", {"felt", "felt", ""}},
    {"fight", {"fought", "fought", ""}},
    {"find", {"found", "found", ""}},
    {"fly", {"flew", "flown", ""}},
    {"forget", {"forgot", "forgotten", ""}},
    {"forgive", {"forgave", "forgiven", ""}},
    {"freeze", {"froze", "frozen", ""}},
    {"get", {"got", "gotten", ""}},
    {"give", {"gave", "given", ""}},
    {"go", {"went", "gone", "goes"}},
    {"grow", {"grew", "grown", ""}},
    {"hang", {"hung", "hung", ""}},
    {"have", {"had", "had", "has"}},
    {"hear", {"heard", "heard", ""}},
    {"hide", {"hid", "hidden", ""}},
    {"hit", {"hit", "hit", ""}},
    {"hold", {"held", "held", ""}},
    {"hurt", {"hurt", "hurt", ""}},
    {"keep", {"kept", "kept", ""}},
    {"know", {"knew", "known", ""}},
    {"lay", {"laid", "laid", ""}},
    {"lead", {"led", "led", ""}},
    {"leave", {"left", "left", ""}},
    {"lend", {"lent", "lent", ""}},
    {"let", {"let", "let", ""}},
    {"lose", {"lost", "lost", ""}},
    {"make", {"made", "made", ""}},
    {"mean", {"meant", "meant", ""}},
    {"meet", {"met", "met", ""}},
    {"mislead", {"misled", "misled", ""}},
    {"misunderstand", {"misunderstood", "misunderstood", ""}},
    {"overpay", {"overpaid", "overpaid", ""}},
    {"pay", {"paid", "paid", ""}},
    {"prepay", {"prepaid", "prepaid", ""}},
    {"put", {"put", "put", ""}},
    {"quit", {"quit", "quit", ""}},
    {"read", {"read", "read", ""}},
    {"rebuild", {"rebuilt", "rebuilt", ""}},
    {"redo", {"redid", "redone", "redoes"}},
    {"refit", {"refit", "refit", ""}},
    {"repay", {"repaid", "repaid", ""}},
    {"resend", {"resent", "resent", ""}},
    {"reset", {"reset", "reset", ""}},
    {"ride", {"rode", "ridden", ""}},
    {"ring", {"rang", "rung", ""}},
    {"rise", {"rose", "risen", ""}},
    {"run", {"ran", "run", ""}},
    {"say", {"said", "said", ""}},
    {"see", {"saw", "seen", ""}},
    {"seek", {"sought", "sought", ""}},
    {"sell", {"sold", "sold", ""}},
    {"send", {"sent", "sent", ""}},
    {"set", {"set", "set", ""}},
    {"shake", {"shook", "shaken", ""}},
    {"show", {"showed", "shown", ""}},
    {"shut", {"shut", "shut", ""}},
    {"sit", {"sat", "sat", ""}},
    {"sleep", {"slept", "slept", ""}},
    {"speak", {"spoke", "spoken", ""}},
    {"spend", {"spent", "spent", ""}},
    {"split", {"split", "split", ""}},
    {"spread", {"spread", "spread", ""}},
    {"stand", {"stood", "stood", ""}},
    {"steal", {"stole", "stolen", ""}},
    {"stick", {"stuck", "stuck", ""}},
    {"strike", {"struck", "struck", ""}},
    {"swap", {"swapped", "swapped", ""}},
    {"take", {"took", "taken", ""}},
    {"teach", {"taught", "taught", ""}},
    {"tear", {"tore", "torn", ""}},
    {"tell", {"told", "told", ""}},
    {"think", {"thought", "thought", ""}},
    {"throw", {"threw", "thrown", ""}},
    {"understand", {"understood", "understood", ""}},
    {"undo", {"undid", "undone", "undoes"}},
    {"upset", {"upset", "upset", ""}},
    {"wake", {"woke", "woken", ""}},
    {"wear", {"wore", "worn", ""}},
    {"win", {"won", "won", ""}},
    {"withdraw", {"withdrew", "withdrawn", ""}},
    {"withhold", {"withheld", "withheld", ""}},
    {"write", {"wrote", "written", ""}},
};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::vector<std::string> InflectedForms(std::string_view base) {
  std::vector<std::string> out;
  auto add = [&](std::string form) {
    if (!form.empty() && std::find(out.begin(), out.end(), form) == out.end())
      out.push_back(std::move(form));
  };
  std::string b(base);
  add(b);
  if (b.empty()) return out;
  const char last = b.back();
  const bool consonant_y = last == 'y' && b.size() > 1 && !IsVowel(b[b.size() - 2]);
  const std::string stem_y = consonant_y ? b.substr(0, b.size() - 1) : b;
  // -s: plural and third person.
  if (consonant_y) add(stem_y + "ies");
  else if (b.ends_with("s") || b.ends_with("x") || b.ends_with("z") || b.ends_with("ch") ||
           b.ends_with("sh") || b.ends_with("o"))
    add(b + "es");
  if (!consonant_y) add(b + "s");
  // -ed and -ing.
  if (last == 'e') {
    add(b + "d");
    if (b.ends_with("ie")) add(b.substr(0, b.size() - 2) + "ying");
    else if (b.ends_with("ee") || b.ends_with("ye") || b.ends_with("oe")) add(b + "ing");
    else add(b.substr(0, b.size() - 1) + "ing");
  } else if (consonant_y) {
    add(stem_y + "ied");
    add(b + "ing");
  } else {
    add(b + "ed");
    add(b + "ing");
    // A final consonant after one vowel may double ("ship": shipped,
    // "cancel": cancelled); both spellings are kept.
    bool cvc = b.size() >= 2 && !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
               IsVowel(b[b.size() - 2]) && (b.size() < 3 || !IsVowel(b[b.size() - 3]));
    if (cvc) {
      add(b + last + "ed");
      add(b + last + "ing");
    }
  }
  for (const Irregular& v : kIrregular) {
    if (v.base != base) continue;
    for (std::string_view f : v.forms) add(std::string(f));
  }
  return out;
}

}  // namespace amends
