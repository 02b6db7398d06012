// The block syntax shared by rule files, macro files and checks.def:
//
//   # comment
//   define NAME = VALUE
//   define NAME =              a list: the value is "(item one|item two)"
//     - item one
//     - item two
//   KEYWORD ARG
//     key: value
//     key: a value that goes on
//          on lines indented deeper than its key
//
// A value may continue on the lines after it that are indented deeper than
// its field (any indented line, for a define); they are joined with one
// space. A value left empty whose continuation lines all start with "- " is
// a list. Comment and blank lines may sit between continuation lines.
//
// Parsing only splits lines; what keys mean is up to the caller.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amends {

// Where a value's text came from: each piece of it starts at `offset` of
// the value and was written at `line`:`column` (1-based; column in bytes).
// The "(", "|" and ")" a list adds belong to the piece before them.
struct ValuePiece {
  uint32_t offset = 0;
  int line = 0;
  int column = 0;
};

// The line and column where byte `offset` of a value was written.
std::pair<int, int> LocateInValue(const std::vector<ValuePiece>& pieces, size_t offset);

struct BlockField {
  std::string key;
  std::string value;
  int line = 0;                    // 1-based: the line of the key
  int value_column = 0;            // 1-based byte column where the value starts
  bool list = false;               // the value was written as "- item" lines
  std::vector<ValuePiece> pieces;  // never empty

  std::pair<int, int> Locate(size_t offset) const { return LocateInValue(pieces, offset); }
};

struct Block {
  std::string keyword;  // "rule", "check", "situation", "define"
  std::string arg;      // "apology.sorry"; for define: NAME
  std::string value;    // define only: the text after '=', continued or listed
  int line = 0;
  int arg_column = 0;
  bool list = false;                     // define only: written as a list
  std::vector<ValuePiece> value_pieces;  // define only; never empty
  std::vector<BlockField> fields;

  // Values of every field named `key`, in order.
  std::vector<const BlockField*> All(std::string_view key) const;
  // The single field named `key`, or null.
  const BlockField* Find(std::string_view key) const;
  // Where byte `offset` of a define's value was written.
  std::pair<int, int> LocateValue(size_t offset) const {
    return LocateInValue(value_pieces, offset);
  }
};

// A parsed file, with its lines kept for error messages.
struct BlockFile {
  std::string name;
  std::vector<std::string> lines;
  std::vector<Block> blocks;

  // A diagnostic pointing at `line`/`column` of this file.
  std::string Error(int line, int column, std::string_view message) const;
};

// Splits `content` into blocks. Returns false and sets `*error` (a
// diagnostic with file:line:column) on a line that fits no form.
bool ParseBlockFile(std::string name, std::string_view content, BlockFile* out, std::string* error);

}  // namespace amends
