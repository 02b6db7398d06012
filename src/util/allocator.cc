#include "util/allocator.h"

#include <malloc.h>

namespace amends {

bool KeepFreedMemory() {
  // Setting either turns off glibc's own adjustment of both, so both are
  // set: the mapping threshold must not fall back to 128 KB.
  bool ok = mallopt(M_MMAP_THRESHOLD, kOwnMappingBytes) == 1;
  ok = mallopt(M_TRIM_THRESHOLD, kKeptFreeBytes) == 1 && ok;
  return ok;
}

}  // namespace amends
