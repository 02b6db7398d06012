#include "input/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <cstdio>
#include <memory>

namespace amends {
namespace {

struct CloseConverter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Line and column (in bytes of the input) of `offset`.
std::string Where(const std::string& bytes, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

bool Convert(const std::string& name, size_t skip, Source* source, std::string* error) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, CloseConverter> from(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status) || !from) {
    *error = source->name + ": unknown encoding '" + name + "' (uconv -l lists them)";
    return false;
  }
  // Stop at the first byte the encoding cannot map, rather than writing a
  // replacement character the checks would then read as text.
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::unique_ptr<UConverter, CloseConverter> to(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) {
    *error = source->name + ": cannot open a UTF-8 converter: " + u_errorName(status);
    return false;
  }
  const std::string& in = source->bytes;
  std::string out;
  out.resize(in.size() * 3 + 16);  // UTF-8 of any one input byte fits in 3 bytes
  char* target = out.data();
  const char* input = in.data() + skip;
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &input,
                 in.data() + in.size(), pivot, &pivot_source, &pivot_target, pivot + 1024,
                 /*reset=*/true, /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    // `input` has passed the bad sequence: find where it starts.
    char bad[32];
    int8_t bad_length = sizeof bad;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(from.get(), bad, &bad_length, &ignored);
    size_t offset = static_cast<size_t>(input - in.data());
    if (bad_length > 0 && static_cast<size_t>(bad_length) <= offset) offset -= bad_length;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(in[offset]));
    *error = source->name + ":" + Where(in, offset) + ": not " + name + " (byte " + byte +
             " at offset " + std::to_string(offset) + ")";
    return false;
  }
  out.resize(static_cast<size_t>(target - out.data()));
  source->bytes = std::move(out);
  source->begin = 0;
  return true;
}

}  // namespace

bool DecodeSource(const std::string& encoding, Source* source, std::string* decoded_from,
                  std::string* error) {
  decoded_from->clear();
  const std::string& b = source->bytes;
  if (encoding.empty() || encoding == "auto") {
    std::string utf16;
    if (b.size() >= 2 && b[0] == '\xFF' && b[1] == '\xFE') utf16 = "UTF-16LE";
    if (b.size() >= 2 && b[0] == '\xFE' && b[1] == '\xFF') utf16 = "UTF-16BE";
    if (utf16.empty()) return true;  // UTF-8 (or not): ValidateSource says
    if (!Convert(utf16, 2, source, error)) return false;
    *decoded_from = utf16;
    return true;
  }
  if (!Convert(encoding, 0, source, error)) return false;
  *decoded_from = encoding;
  // A UTF-8 byte-order mark left by the conversion (a UTF-16 file named
  // with --encoding utf-16) is skipped as in any UTF-8 draft.
  if (source->bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) source->begin = 3;
  return true;
}

std::string WithEncodingHint(const std::string& error) {
  if (error.find("invalid UTF-8") == std::string::npos) return error;
  return error +
         "; if the file is in another encoding, name it: --encoding windows-1252 "
         "(or latin1, utf-16le, …)";
}

}  // namespace amends
