// application/x-www-form-urlencoded bodies, as LanguageTool clients send them.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace amends::serve {

// Splits `body` at '&' and '=' and decodes '+' and %XX. A later field of the
// same name wins. Returns false with `*error` naming the byte (1-based) of a
// malformed escape; does not check the decoded bytes' encoding.
bool ParseForm(std::string_view body, std::map<std::string, std::string>* fields,
               std::string* error);

}  // namespace amends::serve
