// GET /: one self-contained page (no external scripts, fonts or styles) to
// paste a draft and see its checklist as you type.
#pragma once

#include <string_view>

namespace amends::serve {

std::string_view PageHtml();

}  // namespace amends::serve
