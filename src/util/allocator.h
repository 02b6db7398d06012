// How the process's allocator hands memory back to the system.
#pragma once

namespace amends {

// Keeps memory freed between one reply and the next for the next one,
// instead of handing it back to the system at once. By default glibc
// trims a heap as soon as 128 KB lie free at its top, so a run that
// allocates and frees a few hundred KB per reply (CLD2 does, on every reply
// that is not plainly English) pays two system calls and fresh page faults
// each time: in an audit, an eighth of the time. Afterwards, up to
// kKeptFreeBytes stay mapped per heap, and blocks under kOwnMappingBytes
// come from the heaps rather than from a mapping of their own (a huge
// reply's buffers still do, and are returned when freed).
//
// Call once, from main, before any thread starts. Returns false when the
// allocator refused a setting (the defaults then stay: nothing is lost but
// speed).
bool KeepFreedMemory();

inline constexpr int kKeptFreeBytes = 32 << 20;
inline constexpr int kOwnMappingBytes = 4 << 20;

}  // namespace amends
