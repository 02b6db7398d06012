#include "config/config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/block_file.h"
#include "util/diagnostic.h"

namespace amends {

std::string FindConfigFile(const std::string& explicit_path, const std::string& dir) {
  if (!explicit_path.empty()) return explicit_path;
  for (const char* name : {"amends.conf", ".amends.conf"}) {
    std::filesystem::path p = std::filesystem::path(dir) / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
  }
  return "";
}

bool LoadConfig(const std::string& path, Config* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot read the config file";
    return false;
  }
  std::ostringstream content;
  content << in.rdbuf();
  return ParseConfig(path, content.str(), std::filesystem::path(path).parent_path().string(), out,
                     error);
}

bool ParseConfig(const std::string& path, std::string_view content, const std::string& base_dir,
                 Config* out, std::string* error) {
  BlockFile file;
  if (!ParseBlockFile(path, content, &file, error)) return false;
  out->path = path;
  out->lines = file.lines;
  std::filesystem::path base = base_dir;
  std::string errors;
  auto fail = [&](int line, int column, const std::string& message) {
    if (!errors.empty()) errors += "\n";
    errors += file.Error(line, column, message);
  };
  for (const Block& b : file.blocks) {
    if (b.keyword == "lexicon") {
      if (b.arg.empty()) {
        fail(b.line, 1, "'lexicon' needs a folder");
        continue;
      }
      std::filesystem::path dir = base / b.arg;
      std::error_code ec;
      if (!std::filesystem::is_directory(dir, ec)) {
        fail(b.line, b.arg_column, "no such folder: " + dir.string());
        continue;
      }
      out->lexicon_dirs.push_back(dir.string());
      if (!b.fields.empty()) fail(b.fields[0].line, 1, "'lexicon' takes no fields");
    } else if (b.keyword == "check") {
      CheckOverride o;
      o.id = b.arg;
      o.line = b.line;
      o.id_column = b.arg_column;
      for (const BlockField& f : b.fields) {
        if (f.key != "status") {
          fail(f.line, 3, "unknown key '" + f.key + "'" + DidYouMean(f.key, {"status"}));
        } else if (f.value == "off") {
          o.off = true;
        } else if (Status s;
                   ParseStatus(f.value, &s) && (s == Status::kFix || s == Status::kConsider)) {
          o.status = s;
        } else {
          fail(f.line, f.value_column, "status must be fix, consider or off");
        }
      }
      out->checks.push_back(std::move(o));
    } else {
      fail(b.line, 1,
           "unknown key '" + b.keyword + "'" + DidYouMean(b.keyword, {"lexicon", "check"}));
    }
  }
  if (!errors.empty()) {
    *error = errors;
    return false;
  }
  return true;
}

bool ApplyOverrides(const Config& config, CheckSet* checks, std::string* error) {
  std::vector<std::string> ids;
  for (const CheckDef& c : checks->checks) ids.push_back(c.id);
  for (const CheckOverride& o : config.checks) {
    CheckDef* c = checks->FindCheck(o.id);
    if (!c) {
      std::string_view line = o.line <= static_cast<int>(config.lines.size())
                                  ? std::string_view(config.lines[o.line - 1])
                                  : std::string_view();
      *error = FormatDiagnostic(config.path, o.line, o.id_column,
                                "unknown check '" + o.id + "'" + DidYouMean(o.id, ids), line);
      return false;
    }
    if (o.off) c->enabled = false;
    if (o.status) c->severity = *o.status;
  }
  return true;
}

}  // namespace amends
