// The block syntax shared by rule files and checks.def:
//
//   # comment
//   define NAME = VALUE
//   KEYWORD ARG
//     key: value
//     key: value
//
// Parsing only splits lines; what keys mean is up to the caller.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace amends {

struct BlockField {
  std::string key;
  std::string value;
  int line = 0;          // 1-based
  int value_column = 0;  // 1-based byte column where the value starts
};

struct Block {
  std::string keyword;  // "rule", "check", "situation", "define"
  std::string arg;      // "apology.sorry"; for define: NAME
  std::string value;    // define only: the text after '='
  int line = 0;
  int arg_column = 0;
  std::vector<BlockField> fields;

  // Values of every field named `key`, in order.
  std::vector<const BlockField*> All(std::string_view key) const;
  // The single field named `key`, or null.
  const BlockField* Find(std::string_view key) const;
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
bool ParseBlockFile(std::string name, std::string_view content, BlockFile* out,
                    std::string* error);

}  // namespace amends
