#include "input/source.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "util/utf8.h"

namespace amends {
namespace {

bool ReadStream(FILE* f, const std::string& name, size_t max_bytes, std::string* out,
                std::string* error) {
  char buf[1 << 16];
  for (;;) {
    size_t n = std::fread(buf, 1, sizeof buf, f);
    if (n > 0) {
      if (out->size() + n > max_bytes) {
        *error = name + ": input is larger than the limit of " + std::to_string(max_bytes) +
                 " bytes (raise it with --max-bytes)";
        return false;
      }
      out->append(buf, n);
    }
    if (n < sizeof buf) {
      if (std::ferror(f)) {
        *error = name + ": read error: " + std::strerror(errno);
        return false;
      }
      return true;
    }
  }
}

std::string InvalidUtf8Message(std::string_view bytes, size_t offset, size_t* line_out,
                               size_t* col_out) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset;) {
    if (bytes[i] == '\n') {
      ++line;
      col = 1;
      ++i;
    } else {
      i += Utf8SequenceLength(static_cast<unsigned char>(bytes[i]));
      ++col;
    }
  }
  *line_out = line;
  *col_out = col;
  char buf[96];
  std::snprintf(buf, sizeof buf, "invalid UTF-8 (byte 0x%02x at offset %zu)",
                static_cast<unsigned char>(bytes[offset]), offset);
  return buf;
}

}  // namespace

bool ReadSource(const std::string& path, const InputLimits& limits, Source* out,
                std::string* error) {
  out->bytes.clear();
  out->begin = 0;
  if (path == "-") {
    out->name = "<stdin>";
    return ReadStream(stdin, out->name, limits.max_bytes, &out->bytes, error);
  }
  out->name = path;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  bool ok = ReadStream(f, path, limits.max_bytes, &out->bytes, error);
  std::fclose(f);
  return ok;
}

bool ValidateSource(Source* source, std::string* error) {
  const std::string& b = source->bytes;
  size_t bad = FindInvalidUtf8(b);
  if (bad != kValidUtf8) {
    size_t line, col;
    std::string what = InvalidUtf8Message(b, bad, &line, &col);
    *error = source->name + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + what;
    return false;
  }
  source->begin = (b.size() >= 3 && b.compare(0, 3, "\xEF\xBB\xBF") == 0) ? 3 : 0;
  return true;
}

std::string DescribeInvalidUtf8(std::string_view bytes) {
  size_t bad = FindInvalidUtf8(bytes);
  if (bad == kValidUtf8) return "";
  size_t line, col;
  return InvalidUtf8Message(bytes, bad, &line, &col);
}

}  // namespace amends
