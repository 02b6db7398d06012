#include "lsp/document_text.h"

#include <cctype>
#include <limits>

#include "email/detect.h"

namespace amends::lsp {
namespace {

constexpr uint32_t kUnmapped = std::numeric_limits<uint32_t>::max();

void Blank(std::string* text, size_t from, size_t to) {
  for (size_t i = from; i < to && i < text->size(); ++i)
    if ((*text)[i] != '\n' && (*text)[i] != '\r') (*text)[i] = ' ';
}

// The end of the line that holds `at` (at its '\n', or the text's end).
size_t LineEndOf(std::string_view text, size_t at) {
  size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl;
}

// The fence ("```" or "~~~", three or more) that opens the line at
// `start`, after up to three spaces; "" when none.
std::string_view FenceAt(std::string_view text, size_t start) {
  size_t i = start;
  while (i < text.size() && i - start < 3 && text[i] == ' ') ++i;
  if (i >= text.size() || (text[i] != '`' && text[i] != '~')) return {};
  size_t j = i;
  while (j < text.size() && text[j] == text[i]) ++j;
  return j - i >= 3 ? text.substr(i, j - i) : std::string_view();
}

}  // namespace

DocumentKind KindOf(std::string_view uri, std::string_view language_id) {
  if (language_id == "mail" || language_id == "email" || language_id == "eml")
    return DocumentKind::kMail;
  if (language_id == "markdown") return DocumentKind::kMarkdown;
  if (!language_id.empty() && language_id != "plaintext" && language_id != "text")
    return DocumentKind::kText;  // another language the client named: its prose as text
  if (uri.ends_with(".eml")) return DocumentKind::kMail;
  if (uri.ends_with(".md") || uri.ends_with(".markdown")) return DocumentKind::kMarkdown;
  return DocumentKind::kText;
}

const char* KindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kText:
      return "text";
    case DocumentKind::kMarkdown:
      return "markdown";
    case DocumentKind::kMail:
      return "mail";
  }
  return "text";
}

std::string BlankMarkdown(std::string_view markdown) {
  std::string out(markdown);
  std::string_view text = markdown;
  size_t at = 0;
  // Front matter: a first line "---" up to the next "---" line.
  if (text.substr(0, 4) == "---\n" || text.substr(0, 5) == "---\r\n") {
    size_t close = text.find("\n---", 3);
    if (close != std::string_view::npos) {
      size_t end = LineEndOf(text, close + 1);
      Blank(&out, 0, end);
      at = end;
    }
  }
  std::string_view open_fence;
  size_t fence_start = 0;
  while (at < text.size()) {
    size_t end = LineEndOf(text, at);
    std::string_view fence = FenceAt(text, at);
    if (!open_fence.empty()) {
      // Inside a code block: it ends at a fence of the same kind, as long.
      if (!fence.empty() && fence[0] == open_fence[0] && fence.size() >= open_fence.size()) {
        Blank(&out, fence_start, end);
        open_fence = {};
      }
    } else if (!fence.empty()) {
      open_fence = fence;
      fence_start = at;
    } else {
      std::string_view line = text.substr(at, end - at);
      for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '`') {  // inline code: to the next run as long on the line
          size_t run = i;
          while (run < line.size() && line[run] == '`') ++run;
          std::string_view ticks = line.substr(i, run - i);
          size_t close = line.find(ticks, run);
          if (close == std::string_view::npos) {
            i = run - 1;
            continue;
          }
          Blank(&out, at + i, at + close + ticks.size());
          i = close + ticks.size() - 1;
        } else if (c == '<' && i + 1 < line.size() &&
                   (std::isalpha(static_cast<unsigned char>(line[i + 1])) || line[i + 1] == '/')) {
          size_t close = line.find('>', i);  // a tag or an autolink
          if (close == std::string_view::npos) continue;
          Blank(&out, at + i, at + close + 1);
          i = close;
        } else if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {
          size_t close = line.find(')', i);  // a link's target
          if (close == std::string_view::npos) continue;
          Blank(&out, at + i + 1, at + close + 1);
          i = close;
        }
      }
    }
    at = end + 1;
  }
  if (!open_fence.empty()) Blank(&out, fence_start, text.size());  // never closed
  // HTML comments, over lines.
  for (size_t open = text.find("<!--"); open != std::string_view::npos;
       open = text.find("<!--", open + 4)) {
    size_t close = text.find("-->", open + 4);
    size_t end = close == std::string_view::npos ? text.size() : close + 3;
    Blank(&out, open, end);
    if (close == std::string_view::npos) break;
  }
  return out;
}

bool DocumentText::Prepare(DocumentKind kind, std::string_view text, Request* request,
                           std::string* error) {
  kind_ = kind;
  document_.assign(text);
  is_email_ = false;
  body_to_document_.clear();
  analysed_.clear();
  source_ = Source();
  source_.name = "document";
  if (kind == DocumentKind::kMail && email::LooksLikeMessage(document_)) {
    source_.bytes = document_;
    prepared_ = app::PreparedInput();
    if (!app::PrepareInput("email", &source_, &prepared_, request, error)) return false;
    is_email_ = true;
    // The body's lines, found in order in the message after its header block.
    const std::string& body = prepared_.reply.body;
    body_to_document_.assign(body.size() + 1, kUnmapped);
    std::string_view doc(document_);
    size_t lf = doc.find("\n\n");
    size_t crlf = doc.find("\r\n\r\n");
    size_t j = doc.size();
    if (lf != std::string_view::npos) j = lf + 2;
    if (crlf != std::string_view::npos && crlf < lf) j = crlf + 4;
    size_t i = 0;
    while (i <= body.size() && j <= doc.size()) {
      size_t line_end = body.find('\n', i);
      bool last = line_end == std::string::npos;
      if (last) line_end = body.size();
      std::string_view line(body.data() + i, line_end - i);
      // Searched for near where it should be: a line the transfer encoding
      // changed is not found, and the search stays short.
      std::string_view window = doc.substr(j, std::min(doc.size() - j, 2 * line.size() + 512));
      size_t found = window.find(line);
      while (found != std::string_view::npos && !last) {
        size_t after = found + line.size();
        if (after < window.size() && (window[after] == '\n' || window[after] == '\r')) break;
        if (after >= window.size() && j + after >= doc.size()) break;
        found = window.find(line, found + 1);
      }
      if (found != std::string_view::npos) {
        size_t at = j + found;
        for (size_t k = 0; k <= line.size(); ++k)
          body_to_document_[i + k] = static_cast<uint32_t>(at + k);
        j = at + line.size();
        if (j < doc.size() && doc[j] == '\r') ++j;
        if (j < doc.size() && doc[j] == '\n') ++j;
      }
      if (last) break;
      i = line_end + 1;
    }
    return true;
  }
  if (kind == DocumentKind::kMarkdown) {
    analysed_ = BlankMarkdown(document_);
    source_.bytes = analysed_;
  } else {
    source_.bytes = document_;
  }
  if (!ValidateSource(&source_, error)) return false;
  request->text = source_.bytes;
  request->begin = source_.begin;
  return true;
}

std::optional<std::pair<uint32_t, uint32_t>> DocumentText::ToDocument(uint32_t start,
                                                                      uint32_t end) const {
  if (!is_email_) {
    if (end > document_.size() || start > end) return std::nullopt;
    return std::make_pair(start, end);
  }
  if (end >= body_to_document_.size() || start > end) return std::nullopt;
  uint32_t a = body_to_document_[start];
  if (a == kUnmapped) return std::nullopt;
  if (start == end) return std::make_pair(a, a);
  uint32_t b = body_to_document_[end - 1];
  if (b == kUnmapped || b < a) return std::nullopt;
  return std::make_pair(a, b + 1);
}

bool DocumentText::Unchanged(uint32_t start, uint32_t end) const {
  std::string_view analysed =
      is_email_ ? std::string_view(prepared_.reply.analyzed) : std::string_view(source_.bytes);
  auto at = ToDocument(start, end);
  if (!at || end > analysed.size()) return false;
  return std::string_view(document_).substr(at->first, at->second - at->first) ==
         analysed.substr(start, end - start);
}

}  // namespace amends::lsp
