# Included from the top-level CMakeLists.txt before any target is defined.
#
#   AMENDS_SANITIZE=ON  everything built with ASan + UBSan (gcc or clang);
#                       UBSan findings abort, so the test suite fails on them.
#   AMENDS_FUZZ=ON      clang only: everything instrumented for libFuzzer
#                       (and ASan + UBSan), and the fuzz_* binaries built.
if(AMENDS_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "AMENDS_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
if(AMENDS_SANITIZE OR AMENDS_FUZZ)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined)
endif()
if(AMENDS_FUZZ)
  # Coverage instrumentation for every target; only the fuzz_* binaries link
  # libFuzzer's main (-fsanitize=fuzzer, in fuzz/CMakeLists.txt).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
