#include "util/allocator.h"

#include <malloc.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "sanitized.h"

using namespace amends;

// Under AddressSanitizer malloc is the sanitizer's, which mallopt does not
// steer; the sanitizer tree leaves this case out.
#if !AMENDS_TESTS_SANITIZED
TEST_CASE("freed memory is kept for the next reply instead of mapped afresh", "[allocator]") {
  REQUIRE(KeepFreedMemory());
  // A block the size of CLD2's per-call buffers: with glibc's defaults it
  // would be a mapping of its own once the dynamic threshold fell back.
  const size_t mapped_before = mallinfo2().hblks;
  void* block = std::malloc(kOwnMappingBytes / 2);
  REQUIRE(block);
  CHECK(mallinfo2().hblks == mapped_before);  // from the heap
  std::free(block);
  // Freed at the top of the heap, it stays: under the trim threshold.
  CHECK(mallinfo2().fordblks >= kOwnMappingBytes / 2);
  void* huge = std::malloc(2 * static_cast<size_t>(kOwnMappingBytes));
  REQUIRE(huge);
  CHECK(mallinfo2().hblks == mapped_before + 1);  // a huge reply's buffer is its own mapping
  std::free(huge);
  CHECK(mallinfo2().hblks == mapped_before);  // and is returned
}
#endif
