// ParseMessage for the `amends` program: loads amends-mime.so on first use
// (message.h says why). It is looked for, in order, at
//   $AMENDS_MIME_MODULE,
//   <folder of the running amends>/amends-mime.so        (a build tree),
//   <folder of the running amends>/AMENDS_MIME_RELDIR/amends-mime.so
//                                                        (an installed one).
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

#include "email/message.h"
#include "util/executable_dir.h"

#ifndef AMENDS_MIME_RELDIR
#define AMENDS_MIME_RELDIR "../lib/amends"
#endif

namespace amends::email {
namespace {

constexpr char kModuleFile[] = "amends-mime.so";

struct Loaded {
  const MimeModule* module = nullptr;
  std::string error;  // why it is null
};

Loaded Load() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("AMENDS_MIME_MODULE"); env && *env) candidates.push_back(env);
  std::string dir = ExecutableDir();
  candidates.push_back(dir + "/" + kModuleFile);
  candidates.push_back(dir + "/" AMENDS_MIME_RELDIR "/" + kModuleFile);
  Loaded out;
  std::string tried;
  for (const std::string& path : candidates) {
    if (access(path.c_str(), F_OK) != 0) {
      tried += "\n  " + path + ": not found";
      continue;
    }
    // RTLD_LOCAL: the module's copies of amends code stay its own.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = dlerror();
      tried += "\n  " + path + ": " + (why ? why : "cannot be loaded");
      continue;
    }
    using Entry = const MimeModule* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, "amends_mime_module_v1"));
    if (!entry || !entry() || !entry()->parse_message) {
      tried += "\n  " + path + ": not an amends-mime module of this version";
      continue;
    }
    out.module = entry();
    return out;  // stays loaded for the life of the process
  }
  out.error = std::string("reading email needs the module ") + kModuleFile +
              ", installed with amends; it was not found:" + tried;
  return out;
}

}  // namespace

bool ParseMessage(std::string_view bytes, const std::string& name, const MessageLimits& limits,
                  Message* out, std::string* error) {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = Load(); });
  if (!loaded.module) {
    *error = name + ": " + loaded.error;
    return false;
  }
  return loaded.module->parse_message(bytes, name, limits, out, error);
}

}  // namespace amends::email
