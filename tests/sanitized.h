// Whether the tests run under AddressSanitizer (scripts/sanitize.sh), where
// memory is checked on every access and a test that walks the whole lexicon
// or a million records costs many times what it does in the release tree.
// Such tests run a share of their inputs there; the release tree runs all.
// (GCC says so with __SANITIZE_ADDRESS__, clang with __has_feature.)
// AMENDS_TESTS_SANITIZED is 1 or 0, for a test the preprocessor leaves out.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define AMENDS_TESTS_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AMENDS_TESTS_SANITIZED 1
#endif
#endif
#ifndef AMENDS_TESTS_SANITIZED
#define AMENDS_TESTS_SANITIZED 0
#endif

namespace amends::testing {

inline constexpr bool kSanitized = AMENDS_TESTS_SANITIZED;

}  // namespace amends::testing
