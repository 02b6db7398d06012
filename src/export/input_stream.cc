#include "export/input_stream.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace amends::exports {

std::unique_ptr<InputStream> InputStream::Open(const std::string& path, std::string* error) {
  std::unique_ptr<InputStream> in(new InputStream);
  in->capacity_ = 1u << 20;
  in->buffer_.reset(new char[in->capacity_]);
  if (path == "-") {
    in->name_ = "<stdin>";
    in->file_ = stdin;
  } else {
    in->name_ = path;
    in->file_ = std::fopen(path.c_str(), "rb");
    if (!in->file_) {
      *error = path + ": " + std::strerror(errno);
      return nullptr;
    }
    in->owned_ = true;
  }
  struct stat st;
  if (fstat(fileno(in->file_), &st) == 0 && S_ISREG(st.st_mode)) in->size_ = st.st_size;
  return in;
}

std::unique_ptr<InputStream> InputStream::FromFile(FILE* file, std::string name) {
  std::unique_ptr<InputStream> in(new InputStream);
  in->capacity_ = 1u << 16;
  in->buffer_.reset(new char[in->capacity_]);
  in->name_ = std::move(name);
  in->file_ = file;
  return in;
}

InputStream::~InputStream() {
  if (owned_) std::fclose(file_);
}

bool InputStream::Fill() {
  if (pos_ < len_) return true;
  pos_ = len_ = 0;
  if (failed_) return false;
  len_ = std::fread(buffer_.get(), 1, capacity_, file_);
  if (len_ == 0 && std::ferror(file_)) failed_ = true;
  return len_ > 0;
}

std::string_view InputStream::Peek(size_t n) {
  if (n > capacity_) n = capacity_;
  if (len_ - pos_ < n && !failed_) {
    // Move what is left to the front and read more behind it.
    std::memmove(buffer_.get(), buffer_.get() + pos_, len_ - pos_);
    len_ -= pos_;
    pos_ = 0;
    while (len_ < n) {
      size_t got = std::fread(buffer_.get() + len_, 1, capacity_ - len_, file_);
      if (got == 0) {
        if (std::ferror(file_)) failed_ = true;
        break;
      }
      len_ += got;
    }
  }
  return std::string_view(buffer_.get() + pos_, std::min(n, len_ - pos_));
}

bool InputStream::GetLine(size_t max, std::string* out, bool* too_long) {
  out->clear();
  *too_long = false;
  bool any = false;
  while (pos_ < len_ || Fill()) {
    any = true;
    const char* start = buffer_.get() + pos_;
    size_t avail = len_ - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    size_t take = nl ? static_cast<const char*>(nl) - start : avail;
    size_t room = out->size() < max ? max - out->size() : 0;
    if (take > room) *too_long = true;
    out->append(start, std::min(take, room));
    pos_ += take;
    offset_ += take;
    if (nl) {
      ++pos_;
      ++offset_;
      ++line_;
      return true;
    }
  }
  return any;
}

}  // namespace amends::exports
