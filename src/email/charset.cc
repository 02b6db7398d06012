#include "email/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <memory>

#include "util/ascii.h"
#include "util/utf8.h"

namespace amends::email {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Counts substitutions while still substituting U+FFFD, so a mislabelled
// part gives a best-effort text and a warning instead of an error.
struct Counter {
  size_t count = 0;
};

void CountingCallback(const void* context, UConverterToUnicodeArgs* args, const char* units,
                      int32_t length, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
    const_cast<Counter*>(static_cast<const Counter*>(context))->count +=
        static_cast<size_t>(length);
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, reason, err);
}

// Replaces ill-formed UTF-8 with U+FFFD, counting the bad bytes.
std::string RepairUtf8(std::string_view in, size_t* replaced) {
  std::string out;
  out.reserve(in.size());
  while (!in.empty()) {
    size_t bad = FindInvalidUtf8(in);
    if (bad == kValidUtf8) {
      out.append(in);
      break;
    }
    out.append(in.substr(0, bad));
    out.append("\xEF\xBF\xBD");
    ++*replaced;
    in.remove_prefix(bad + 1);
  }
  return out;
}

}  // namespace

Converted ToUtf8(std::string_view bytes, std::string_view charset) {
  Converted out;
  std::string label = AsciiLower(charset);
  if (label.empty() || label == "us-ascii" || label == "ascii" || label == "utf-8" ||
      label == "utf8") {
    out.charset = label.empty() ? "us-ascii" : label;
    out.utf8 = RepairUtf8(bytes, &out.replaced);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(label.c_str(), &status));
  if (U_FAILURE(status) || !conv) {
    out.unknown_charset = true;
    status = U_ZERO_ERROR;
    conv.reset(ucnv_open("windows-1252", &status));
    if (U_FAILURE(status) || !conv) {  // ICU without converter data: last resort
      out.charset = "utf-8";
      out.utf8 = RepairUtf8(bytes, &out.replaced);
      return out;
    }
  }
  out.charset = ucnv_getName(conv.get(), &status);
  Counter counter;
  status = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv.get(), CountingCallback, &counter, nullptr, nullptr, &status);

  // Convert to UTF-16 in chunks, then UTF-16 to UTF-8, so memory stays
  // proportional to the input whatever the charset.
  UErrorCode u8status = U_ZERO_ERROR;
  UConverter* utf8 = ucnv_open("UTF-8", &u8status);
  ConverterPtr utf8_guard(utf8);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  UChar buf16[4096];
  char buf8[4096 * 3 + 8];
  for (;;) {
    UChar* t = buf16;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &t, buf16 + 4096, &src, src_end, nullptr, /*flush=*/true, &status);
    if (U_SUCCESS(u8status) && utf8) {
      const UChar* s16 = buf16;
      char* t8 = buf8;
      UErrorCode e = U_ZERO_ERROR;
      ucnv_fromUnicode(utf8, &t8, buf8 + sizeof buf8, &s16, t, nullptr, false, &e);
      out.utf8.append(buf8, t8 - buf8);
    }
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
  }
  if (U_SUCCESS(u8status) && utf8) {  // a dangling high surrogate becomes U+FFFD
    const UChar* s16 = buf16;
    char* t8 = buf8;
    UErrorCode e = U_ZERO_ERROR;
    ucnv_fromUnicode(utf8, &t8, buf8 + sizeof buf8, &s16, s16, nullptr, true, &e);
    out.utf8.append(buf8, t8 - buf8);
  }
  out.replaced = counter.count;
  return out;
}

}  // namespace amends::email
