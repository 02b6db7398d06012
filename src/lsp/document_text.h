// What of an open document the analyzer reads, by the document's kind, and
// the way back from the analysed text's offsets to the document's bytes.
//
//   plain text  the document as is;
//   markdown    the document with code, HTML comments, link targets and
//               front matter blanked to spaces (same offsets), so no check
//               reads a code sample as the reply;
//   mail        a whole message (`.eml`, languageId "mail"): read by the
//               email stage (app/prepare_input.h); the decoded body's
//               offsets are mapped back onto the message's bytes where the
//               body appears in them as written (7bit/8bit parts; a line
//               of quoted-printable or base64 cannot be pointed into, and
//               its findings are dropped). A "mail" document without a
//               header block is read as plain text.
//
// Not thread-safe; holds its own copies, so the document may change after
// Prepare.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/analyzer.h"
#include "app/prepare_input.h"
#include "input/source.h"

namespace amends::lsp {

enum class DocumentKind { kText, kMarkdown, kMail };

// By the languageId the client gave, else the URI's extension.
DocumentKind KindOf(std::string_view uri, std::string_view language_id);
const char* KindName(DocumentKind kind);

// `markdown` with its markup that is not prose blanked: every byte of a
// fenced code block, inline code, an HTML comment or tag, a link's target,
// front matter, replaced by a space (line breaks kept), so offsets stay.
std::string BlankMarkdown(std::string_view markdown);

class DocumentText {
 public:
  // Fills the request for `text` of `kind`. Returns false with `*error`
  // when the document cannot be read (not UTF-8, a message with no body).
  bool Prepare(DocumentKind kind, std::string_view text, Request* request, std::string* error);

  // The document's bytes [start, end) for the analysed [start, end), or
  // nullopt when that span is not in the document as written.
  std::optional<std::pair<uint32_t, uint32_t>> ToDocument(uint32_t start, uint32_t end) const;

  // Whether the analysed bytes [start, end) are the document's own bytes
  // there, unchanged (a replacement may be offered only then).
  bool Unchanged(uint32_t start, uint32_t end) const;

 private:
  DocumentKind kind_ = DocumentKind::kText;
  std::string document_;  // the document's bytes
  std::string analysed_;  // markdown: the blanked copy
  Source source_;
  app::PreparedInput prepared_;
  bool is_email_ = false;
  // Mail: body offset → document offset, for the body's first bytes that
  // appear in the document as written (kUnmapped past that).
  std::vector<uint32_t> body_to_document_;
};

}  // namespace amends::lsp
