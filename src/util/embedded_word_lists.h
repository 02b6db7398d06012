// The word lists the text and email stages read (lexicons/en/layout/*.list,
// lexicons/mail/*.list), embedded in the binary when amends is built, so an
// installed amends needs nothing on disk. Defined in the generated
// embedded_word_lists.cc (scripts/embed_word_lists.cmake); changing a list
// takes a rebuild.
//
// These are not lexicon files: EmbeddedLexiconFiles() (analyzer/analyzer.h)
// holds the rules, checks and name lists, and --lexicons never replaces
// these.
#pragma once

#include <string_view>
#include <vector>

namespace amends {

// The content of the list at `path`, named from the source root
// ("lexicons/mail/wrote-lines.list"); "" when no list has that path. The
// view is of static storage: valid for the life of the program.
std::string_view EmbeddedWordList(std::string_view path);

// The paths of every embedded list, sorted.
std::vector<std::string_view> EmbeddedWordListPaths();

}  // namespace amends
