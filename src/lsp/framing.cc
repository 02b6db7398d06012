#include "lsp/framing.h"

#include <charconv>

namespace amends::lsp {
namespace {

// Header blocks longer than this are not LSP: a stream of garbage with no
// blank line must not grow the buffer without bound.
constexpr size_t kMaxHeader = 4096;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace

bool MessageReader::ParseHeader(size_t* header_length, size_t* body_length, bool* bad) const {
  *bad = false;
  std::string_view data(buffer_);
  // Lines end with "\r\n"; a bare "\n" is taken too (clients written by hand).
  size_t at = 0;
  bool have_length = false;
  bool have_field = false;
  while (true) {
    size_t nl = data.find('\n', at);
    if (nl == std::string_view::npos) {
      *bad = data.size() > kMaxHeader;
      return false;
    }
    std::string_view line = data.substr(at, nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    at = nl + 1;
    if (line.empty() && !have_field) continue;  // blank lines between messages
    if (line.empty()) {
      if (!have_length) {
        *bad = true;
        return false;
      }
      *header_length = at;
      return true;
    }
    have_field = true;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header: ignored
    std::string_view name = line.substr(0, colon);
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (EqualsIgnoreCase(name, "Content-Length")) {
      size_t n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size()) {
        *bad = true;
        return false;
      }
      *body_length = n;
      have_length = true;
    }
    if (at > kMaxHeader) {
      *bad = true;
      return false;
    }
  }
}

bool MessageReader::Fill() {
  char chunk[65536];
  long n = read_(chunk, sizeof chunk);
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<size_t>(n));
  return true;
}

bool MessageReader::HasBufferedMessage() const {
  size_t header = 0, body = 0;
  bool bad = false;
  return ParseHeader(&header, &body, &bad) && buffer_.size() >= header + body;
}

MessageReader::Result MessageReader::Next(std::string* body) {
  size_t header = 0, length = 0;
  bool bad = false;
  while (!ParseHeader(&header, &length, &bad)) {
    if (bad) return Result::kBadHeader;
    if (!Fill()) {
      // Only spacing left: a clean end between messages.
      bool blank = buffer_.find_first_not_of("\r\n \t") == std::string::npos;
      return blank ? Result::kEnd : Result::kBadHeader;
    }
  }
  if (length > max_body_) {
    // Read past it, keeping nothing of it.
    buffer_.erase(0, header);
    size_t left = length;
    while (true) {
      size_t drop = std::min(left, buffer_.size());
      buffer_.erase(0, drop);
      left -= drop;
      if (left == 0) return Result::kTooLarge;
      if (!Fill()) return Result::kBadHeader;
    }
  }
  while (buffer_.size() < header + length)
    if (!Fill()) return Result::kBadHeader;
  body->assign(buffer_, header, length);
  buffer_.erase(0, header + length);
  return Result::kMessage;
}

std::string FrameMessage(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

}  // namespace amends::lsp
