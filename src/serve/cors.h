// Which browser origins may call the server (--allow-origin).
#pragma once

#include <string>
#include <vector>

namespace amends::serve {

// Whether `origin` is one of `allowed`: equal, or starting with an entry's
// text before a final '*' ("moz-extension://*"); "*" allows every origin.
bool OriginAllowed(const std::string& origin, const std::vector<std::string>& allowed);

// Whether two secrets are equal, in time that does not depend on where they
// differ.
bool SameSecret(const std::string& a, const std::string& b);

}  // namespace amends::serve
