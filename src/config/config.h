// A team's configuration: extra lexicon folders and per-check overrides.
//
//   # amends.conf
//   lexicon team-rules          # *.rules in this folder (relative to the file)
//   check apology.late
//     status: fix               # fix | consider | off
//
// `amends` reads `--config FILE`, else `amends.conf` or `.amends.conf` in the
// working directory, unless `--no-config` is given.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/check_def.h"

namespace amends {

struct CheckOverride {
  std::string id;
  bool off = false;
  std::optional<Status> status;  // kFix or kConsider
  int line = 0;
  int id_column = 0;
};

struct Config {
  std::string path;                       // "" when there is none
  std::vector<std::string> lexicon_dirs;  // resolved against the file's folder
  std::vector<CheckOverride> checks;
  std::vector<std::string> lines;  // for diagnostics
};

// The config file to use: `explicit_path` when given, else the first of
// amends.conf / .amends.conf in `dir`; "" when there is none.
std::string FindConfigFile(const std::string& explicit_path, const std::string& dir);

// Parses a config file. Returns false and sets `*error` (file:line:column
// with a caret) for unreadable files, unknown keys and bad values.
bool LoadConfig(const std::string& path, Config* out, std::string* error);

// The same for text already read: `name` names it in errors, and `lexicon`
// folders are resolved against `base_dir` (and must exist there).
bool ParseConfig(const std::string& name, std::string_view content, const std::string& base_dir,
                 Config* out, std::string* error);

// Applies the overrides to `checks`. An unknown check id is an error with a
// suggestion.
bool ApplyOverrides(const Config& config, CheckSet* checks, std::string* error);

}  // namespace amends
