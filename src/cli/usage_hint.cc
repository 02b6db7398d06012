#include "cli/usage_hint.h"

#include <CLI/CLI.hpp>

#include "util/diagnostic.h"

namespace amends::cli {
namespace {

// "amends check": the command as a person types it.
std::string CommandName(const CLI::App* app) {
  std::string name;
  for (; app; app = app->get_parent()) name = app->get_name() + (name.empty() ? "" : " " + name);
  return name;
}

// An option of `app` or of a command above it (options fall through).
const CLI::Option* FindOption(const CLI::App* app, const std::string& name) {
  for (; app; app = app->get_parent())
    if (const CLI::Option* o = app->get_option_no_throw(name)) return o;
  return nullptr;
}

std::vector<std::string> OptionNames(const CLI::App* app) {
  std::vector<std::string> names = {"--help"};
  for (; app; app = app->get_parent())
    for (const CLI::Option* o : app->get_options())
      for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
  return names;
}

}  // namespace

std::string UsageHint(const CLI::App& app, const std::vector<std::string>& args) {
  const CLI::App* at = &app;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return "";  // the rest is a command's (gate) or file names
    if (arg.size() > 1 && arg[0] == '-') {
      if (arg.compare(0, 2, "--") != 0) continue;  // short flags: CLI11's message is clear
      std::string name = arg.substr(0, arg.find('='));
      if (name == "--help" || name == "--version") return "";
      const CLI::Option* o = FindOption(at, name);
      if (!o)
        return "unknown option '" + name + "' for '" + CommandName(at) + "'" +
               DidYouMean(name, OptionNames(at));
      if (o->get_type_size_min() > 0 && arg.find('=') == std::string::npos) ++i;  // its value
      continue;
    }
    std::vector<std::string> commands;
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : at->get_subcommands([](const CLI::App*) { return true; })) {
      commands.push_back(sub->get_name());
      if (sub->get_name() == arg) next = sub;
    }
    if (next) {
      at = next;
    } else if (!commands.empty() && at->get_require_subcommand_min() > 0) {
      return "unknown command '" + arg + "'" +
             (at == &app ? "" : " for '" + CommandName(at) + "'") + DidYouMean(arg, commands);
    }
  }
  return "";
}

}  // namespace amends::cli
