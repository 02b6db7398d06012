// Rules stage, part 1: rule files parsed and compiled into a Lexicon.
//
// A Lexicon is built once at start-up and is read-only afterwards, so one
// instance can serve any number of threads.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "rules/block_file.h"
#include "rules/phrase.h"
#include "rules/replacement.h"
#include "rules/rule_kind.h"

namespace amends {

// Which text a rule reads.
enum class RuleScope {
  kDraft,     // the agent's reply
  kCustomer,  // the customer's message (situation evidence only)
};

// A rule's regex. The built-in lexicon's are read from its image as text
// and compiled on first use: most drafts need few of them, and a process
// that checks one draft should not pay for the rest.
class RuleRegex {
 public:
  explicit RuleRegex(std::string pattern) : pattern_(std::move(pattern)) {}
  explicit RuleRegex(std::unique_ptr<RE2> compiled)
      : pattern_(compiled->pattern()), re_(std::move(compiled)) {}
  const std::string& pattern() const { return pattern_; }
  // The compiled regex (with CompileRuleRegex's options). Safe to call
  // from many threads.
  const RE2& re() const;

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

// A regex as rule files get it: a 2 MiB memory budget, errors not logged.
std::unique_ptr<RE2> CompileRuleRegex(std::string_view pattern);

struct RuleExample {
  std::string text;
  int line = 0;
};

// `fixes: BEFORE => AFTER`: the rule fires on BEFORE, and its literal
// replacement there gives AFTER exactly.
struct FixExample {
  std::string before, after;
  int line = 0;
};

struct Rule {
  std::string id;
  int tag = -1;       // index into the tag list given to LoadRules
  uint32_t kind = 0;  // index into RuleKinds() (rules/rule_kind.h): 0 phrase, 1 regex
  RuleScope scope = RuleScope::kDraft;
  bool regex_on_original = false;  // regex rules: match the unfolded text
  // Regex rules: strings of which every match holds one (`needs: >`). The
  // rule then stays out of the regex set every draft is run through, and
  // is tried only on a text that holds one of them.
  std::vector<std::string> regex_needs;
  // Phrase rules: every word of a match must be written in capitals (at
  // least two letters, none lower-case), as shouting is. `case: upper`.
  bool upper_case = false;
  // Phrase rules: hits only in a sentence that ends with a question mark,
  // and a hit runs on to the sentence's end, so that an antipattern
  // anywhere in the rest of the question cancels it. `sentence: question`.
  bool in_question = false;

  // What the kind compiled `match` and `unless` to: phrase patterns (in
  // Lexicon::phrases) or regexes.
  std::vector<uint32_t> phrases;
  std::vector<uint32_t> phrase_unless;
  // Phrase rules: patterns the sentence of a match must also hold, each
  // somewhere in it, before or after the match (`with:`). A construction
  // of two parts whose order and distance vary: a third party named, and
  // in the same sentence what it did or where the customer is sent.
  std::vector<uint32_t> phrase_with;
  // Phrase rules: patterns of which none may be anywhere in the sentence
  // of a match (`without:`). Where an `unless` cancels only the hits it
  // overlaps, this cancels every hit of the rule in the sentence: a
  // failure owned in the same sentence ("…, but that's no excuse") turns
  // an excuse or a third party's fault into an explanation, wherever the
  // two parts lie.
  std::vector<uint32_t> phrase_without;
  std::vector<std::unique_ptr<RuleRegex>> regexes;
  std::vector<std::unique_ptr<RuleRegex>> regex_unless;

  std::string message;            // may be empty: the check's message applies
  std::string suggestion;         // may be empty
  std::vector<RuleExample> fire;  // must hit
  std::vector<RuleExample> pass;  // must not hit
  // `replace: FROM => TO`, tried in order (rules/replacement.h), and the
  // examples that prove them (one at least when there is a replacement).
  std::vector<LiteralReplacement> replacements;
  std::vector<FixExample> fixes;

  std::string file;
  int line = 0;
};

struct Lexicon {
  std::vector<Rule> rules;
  PhraseSet phrases;  // every rule's phrase patterns, and the words they name
};

// Whether a lexicon file holds shared macros (its name ends in ".macros"):
// only `define` blocks, seen by every rule file in the same folder.
inline bool IsMacroFile(std::string_view name) { return name.ends_with(".macros"); }

// Compiles every `rule` block of `files` and appends the rules to `*out`
// (which may hold rules already: a rule id must not repeat one of them).
// Macro files are compiled first, whatever their place in `files`; a
// rule file sees its folder's shared macros and its own defines above the
// use.
// Tags must be among `tags`. Returns false and sets `*error` to one
// diagnostic per problem found (file:line:column, caret), at most 20,
// newline-separated. `kinds` (default: RuleKinds()) is the table of rule
// kinds `kind:` picks from; tests pass their own.
bool LoadRules(const std::vector<BlockFile>& files, const std::vector<std::string>& tags,
               Lexicon* out, std::string* error, std::span<const RuleKindDef* const> kinds = {});

// The compiled lexicon as bytes, and back (regexes as their text).
// ReadLexicon returns false when `in` is cut short. Only for bytes this
// build of amends wrote (see PhraseSet::Load).
// `in_place`: see PhraseSet::Load.
// `keep_examples` false skips every rule's `fire`, `pass` and `fixes` examples
// (left empty): only `lexicon test` and `explain` read them, and copying
// some 5,000 strings is most of what reading the image costs.
void WriteLexicon(const Lexicon& lexicon, BinaryWriter* out);
bool ReadLexicon(BinaryReader* in, Lexicon* lexicon, bool in_place = false,
                 bool keep_examples = true);

}  // namespace amends
