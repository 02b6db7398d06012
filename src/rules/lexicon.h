// Rules stage, part 1: rule files parsed and compiled into a Lexicon.
//
// A Lexicon is built once at start-up and is read-only afterwards, so one
// instance can serve any number of threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "rules/block_file.h"
#include "rules/phrase.h"

namespace amends {

enum class RuleKind { kPhrase, kRegex };

// Which text a rule reads.
enum class RuleScope {
  kDraft,     // the agent's reply
  kCustomer,  // the customer's message (situation evidence only)
};

struct RuleExample {
  std::string text;
  int line = 0;
};

struct Rule {
  std::string id;
  int tag = -1;  // index into the tag list given to LoadRules
  RuleKind kind = RuleKind::kPhrase;
  RuleScope scope = RuleScope::kDraft;
  bool regex_on_original = false;  // regex rules: match the unfolded text

  std::vector<uint32_t> phrases;        // kPhrase: patterns in Lexicon::phrases
  std::vector<uint32_t> phrase_unless;  // kPhrase
  std::vector<std::unique_ptr<RE2>> regexes;       // kRegex
  std::vector<std::unique_ptr<RE2>> regex_unless;  // kRegex

  std::string message;     // may be empty: the check's message applies
  std::string suggestion;  // may be empty
  std::vector<RuleExample> fire;  // must hit
  std::vector<RuleExample> pass;  // must not hit

  std::string file;
  int line = 0;
};

struct Lexicon {
  std::vector<Rule> rules;
  PhraseSet phrases;  // every rule's phrase patterns, and the words they name
};

// Compiles every `rule` block of `files` and appends the rules to `*out`
// (which may hold rules already: a rule id must not repeat one of them).
// Tags must be among `tags`. Returns false and sets `*error` to one
// diagnostic per problem found (file:line:column, caret), at most 20,
// newline-separated.
bool LoadRules(const std::vector<BlockFile>& files, const std::vector<std::string>& tags,
               Lexicon* out, std::string* error);

// The compiled lexicon as bytes, and back; regexes are compiled again on
// reading. ReadLexicon returns false when `in` is cut short or a regex no
// longer compiles. Only for bytes this build of amends wrote (see
// PhraseSet::Load).
void WriteLexicon(const Lexicon& lexicon, BinaryWriter* out);
bool ReadLexicon(BinaryReader* in, Lexicon* lexicon);

}  // namespace amends
