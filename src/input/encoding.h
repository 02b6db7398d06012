// Input stage: drafts in other encodings than UTF-8, decoded before
// anything reads them. A UTF-16 file announces itself with a byte-order
// mark; any other encoding (Latin-1, Windows-1252, Shift_JIS…) is named by
// the user and decoded through ICU's converters.
//
// After decoding, `Source::bytes` holds UTF-8 and the offsets reported
// later count its bytes, not those of the file.
#pragma once

#include <string>

#include "input/source.h"

namespace amends {

// Decodes `source->bytes` in place to UTF-8. `encoding` is "" (or "auto")
// to decode only a UTF-16 file with its byte-order mark, or a name ICU
// knows ("latin1", "windows-1252", "utf-16le", …; see `uconv -l`).
// Returns false with `*error` ("NAME: …" or "NAME:LINE:COLUMN: …" at the
// first byte the encoding cannot map) for an unknown name or bytes that
// are not in that encoding. Sets `*decoded_from` to the encoding used, ""
// when the bytes were left as they were.
bool DecodeSource(const std::string& encoding, Source* source, std::string* decoded_from,
                  std::string* error);

// `error` with a hint to name the encoding when it is an invalid-UTF-8
// error; otherwise `error` unchanged.
std::string WithEncodingHint(const std::string& error);

}  // namespace amends
