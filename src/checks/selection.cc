#include "checks/selection.h"

#include <set>

#include "util/diagnostic.h"
#include "util/utf8.h"

namespace amends {
namespace {

// The items of one option's values: split on commas, trimmed.
bool SplitItems(const char* option, const std::vector<std::string>& values,
                std::vector<std::string>* items, std::string* error) {
  for (const std::string& value : values) {
    size_t start = 0;
    while (true) {
      size_t comma = value.find(',', start);
      std::string item =
          value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      size_t first = item.find_first_not_of(" \t");
      size_t last = item.find_last_not_of(" \t");
      item = first == std::string::npos ? "" : item.substr(first, last - first + 1);
      if (item.empty()) {
        *error = std::string(option) + ": an empty check id in '" + EscapeControls(value) + "'";
        return false;
      }
      items->push_back(std::move(item));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return true;
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Marks in `*hit` the ids one option's items name.
bool Mark(const char* option, const std::vector<std::string>& values,
          const std::vector<std::string>& ids, std::vector<bool>* hit, std::string* error) {
  std::vector<std::string> items;
  if (!SplitItems(option, values, &items, error)) return false;
  for (const std::string& item : items) {
    bool found = false;
    for (size_t i = 0; i < ids.size(); ++i)
      if (ids[i] == item) (*hit)[i] = found = true;
    if (!found) {
      const std::string family = item.back() == '.' ? item : item + ".";
      for (size_t i = 0; i < ids.size(); ++i)
        if (StartsWith(ids[i], family)) (*hit)[i] = found = true;
    }
    if (found) continue;
    // Suggest among the ids and the families, written as the item is
    // (with its trailing dot or without).
    const size_t with_dot = item.back() == '.' ? 1 : 0;
    std::set<std::string> candidates(ids.begin(), ids.end());
    for (const std::string& id : ids)
      for (size_t dot = id.find('.'); dot != std::string::npos; dot = id.find('.', dot + 1))
        candidates.insert(id.substr(0, dot + with_dot));
    std::string hint =
        DidYouMean(item, std::vector<std::string>(candidates.begin(), candidates.end()));
    *error = std::string(option) + ": unknown check '" + EscapeControls(item) + "'" +
             (hint.empty() ? " ('amends rules' lists the checks)" : hint);
    return false;
  }
  return true;
}

}  // namespace

bool ResolveSelection(const CheckSelection& selection, const std::vector<std::string>& ids,
                      std::vector<bool>* keep, std::string* error) {
  std::vector<bool> only(ids.size(), selection.only.empty());
  std::vector<bool> skip(ids.size(), false);
  if (!Mark("--only", selection.only, ids, &only, error) ||
      !Mark("--skip", selection.skip, ids, &skip, error))
    return false;
  keep->assign(ids.size(), false);
  for (size_t i = 0; i < ids.size(); ++i) (*keep)[i] = only[i] && !skip[i];
  return true;
}

bool ApplySelection(const CheckSelection& selection, CheckSet* checks, std::string* error) {
  if (selection.empty()) return true;
  std::vector<std::string> ids;
  for (const CheckDef& c : checks->checks) ids.push_back(c.id);
  std::vector<bool> keep;
  if (!ResolveSelection(selection, ids, &keep, error)) return false;
  std::string selected_but_off;
  bool any_kept = false, any_runs = false;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (!keep[i]) continue;
    any_kept = true;
    if (checks->checks[i].enabled) any_runs = true;
    else selected_but_off += (selected_but_off.empty() ? "" : ", ") + ids[i];
  }
  if (!any_kept) {
    // --only alone always keeps what it names.
    *error = std::string(selection.only.empty() ? "--skip leaves" : "--only and --skip leave") +
             " no check to run";
    return false;
  }
  if (!any_runs) {
    *error = "no check left to run: the team configuration turns off " + selected_but_off +
             " (status: off; --no-config ignores the configuration)";
    return false;
  }
  for (size_t i = 0; i < ids.size(); ++i)
    if (!keep[i]) checks->checks[i].enabled = false;
  return true;
}

std::string ChecksRunNote(const std::vector<std::string>& ran,
                          const std::vector<std::string>& not_run) {
  if (not_run.empty()) return "";
  auto list = [](const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + id;
    return s;
  };
  std::string note = std::to_string(ran.size()) + " of " +
                     std::to_string(ran.size() + not_run.size()) + " checks ran";
  if (ran.size() <= not_run.size()) return note + ": " + list(ran);
  return note + "; not run: " + list(not_run);
}

}  // namespace amends
