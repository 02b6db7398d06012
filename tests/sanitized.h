// Whether the tests run under AddressSanitizer (scripts/sanitize.sh), where
// memory is checked on every access and a test that walks the whole lexicon
// or a million records costs many times what it does in the release tree.
// Such tests run a share of their inputs there; the release tree runs all.
// (GCC says so with __SANITIZE_ADDRESS__, clang with __has_feature.)
#pragma once

namespace amends::testing {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

}  // namespace amends::testing
