#include "email/message.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include "email/charset.h"
#include "email/flowed.h"
#include "util/ascii.h"
#include "util/utf8.h"

namespace amends::email {
namespace {

std::string Str(const char* s) { return s ? std::string(s) : std::string(); }

void InitGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

template <typename T>
struct Unref {
  void operator()(T* p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using Ref = std::unique_ptr<T, Unref<T>>;

Mailbox ToMailbox(InternetAddress* a) {
  Mailbox m;
  m.name = Str(internet_address_get_name(a));
  if (INTERNET_ADDRESS_IS_MAILBOX(a))
    m.address = Str(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)));
  return m;
}

std::vector<Mailbox> Mailboxes(InternetAddressList* list) {
  std::vector<Mailbox> out;
  if (!list) return out;
  int n = internet_address_list_length(list);
  for (int i = 0; i < n && i < 100; ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(a)) {
      std::vector<Mailbox> members =
          Mailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)));
      out.insert(out.end(), members.begin(), members.end());
    } else {
      out.push_back(ToMailbox(a));
    }
  }
  return out;
}

// Counts "multipart/" in Content-Type fields, case-blind, without parsing:
// GMime builds nested multiparts by recursion, so the count is checked first.
size_t CountMultiparts(std::string_view bytes) {
  size_t count = 0;
  std::string_view needle = "multipart/";
  for (size_t i = 0; i + needle.size() <= bytes.size(); ++i) {
    if ((bytes[i] | 0x20) != 'm') continue;
    bool match = true;
    for (size_t k = 1; k < needle.size() && match; ++k)
      match = std::tolower(static_cast<unsigned char>(bytes[i + k])) == needle[k];
    if (match) ++count;
  }
  return count;
}

struct Candidate {
  GMimePart* part = nullptr;
  std::string path;
};

struct Walk {
  const MessageLimits& limits;
  Candidate plain, html;
  size_t visited = 0;
  bool too_deep = false, too_many = false;
};

// Depth-first, bounded; forwarded messages (message/rfc822) are not the
// reply and are not entered.
void Visit(GMimeObject* obj, const std::string& path, size_t depth, Walk* w) {
  if (++w->visited > w->limits.max_parts) {
    w->too_many = true;
    return;
  }
  if (GMIME_IS_MULTIPART(obj)) {
    if (depth >= w->limits.max_depth) {
      w->too_deep = true;
      return;
    }
    int n = g_mime_multipart_get_count(GMIME_MULTIPART(obj));
    for (int i = 0; i < n; ++i) {
      Visit(g_mime_multipart_get_part(GMIME_MULTIPART(obj), i),
            path.empty() ? std::to_string(i + 1) : path + "." + std::to_string(i + 1), depth + 1,
            w);
      if (w->plain.part || w->too_many) return;
    }
    return;
  }
  if (!GMIME_IS_PART(obj)) return;
  GMimeContentDisposition* disp = g_mime_object_get_content_disposition(obj);
  if (disp && g_mime_content_disposition_is_attachment(disp)) return;
  GMimeContentType* ct = g_mime_object_get_content_type(obj);
  std::string p = path.empty() ? "1" : path;
  if (g_mime_content_type_is_type(ct, "text", "plain") && !w->plain.part)
    w->plain = {GMIME_PART(obj), p};
  else if (g_mime_content_type_is_type(ct, "text", "html") && !w->html.part)
    w->html = {GMIME_PART(obj), p};
}

std::string Decoded(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return "";
  Ref<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

std::string NormalizeNewlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Looks for damage GMime repairs silently, so the report can say so.
void NoteDamage(GMimePart* part, std::vector<std::string>* warnings) {
  if (g_mime_part_get_content_encoding(part) == GMIME_CONTENT_ENCODING_BASE64) {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    GMimeStream* raw = content ? g_mime_data_wrapper_get_stream(content) : nullptr;
    if (raw) {
      Ref<GMimeStream> mem(g_mime_stream_mem_new());
      g_mime_stream_reset(raw);
      g_mime_stream_write_to_stream(raw, mem.get());
      g_mime_stream_reset(raw);
      GByteArray* b = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
      size_t chars = 0;
      bool padded_early = false;
      for (guint i = 0; i < b->len; ++i) {
        unsigned char c = b->data[i];
        if (std::isalnum(c) || c == '+' || c == '/') {
          ++chars;
          if (padded_early) break;
        } else if (c == '=') {
          padded_early = true;
        }
      }
      if (!padded_early && chars % 4 != 0)
        warnings->push_back("the base64 text part is truncated; read what was there");
    }
  }
}

}  // namespace

bool ParseMessage(std::string_view bytes, const std::string& name, const MessageLimits& limits,
                  Message* out, std::string* error) {
  *out = Message{};
  out->has_override = HasOverrideHeader(bytes);
  size_t multiparts = CountMultiparts(bytes);
  if (multiparts > limits.max_multiparts) {
    *error = name + ": the message declares " + std::to_string(multiparts) +
             " multipart containers (the limit is " + std::to_string(limits.max_multiparts) +
             "); refusing to parse it";
    return false;
  }
  InitGMime();
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  Ref<GMimeMessage> msg(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!msg) {
    *error = name + ": not a readable email message (no header block)";
    return false;
  }
  GMimeObject* top = GMIME_OBJECT(msg.get());
  out->from = Mailboxes(g_mime_message_get_from(msg.get())).empty()
                  ? Mailbox{}
                  : Mailboxes(g_mime_message_get_from(msg.get())).front();
  out->to = Mailboxes(g_mime_message_get_to(msg.get()));
  out->subject = Str(g_mime_message_get_subject(msg.get()));
  std::string lower_subject = AsciiLower(out->subject.substr(0, 4));
  out->is_reply = g_mime_object_get_header(top, "In-Reply-To") ||
                  g_mime_object_get_header(top, "References") ||
                  lower_subject.rfind("re:", 0) == 0 || lower_subject.rfind("aw:", 0) == 0 ||
                  lower_subject.rfind("sv:", 0) == 0;

  GMimeObject* body = g_mime_message_get_mime_part(msg.get());
  if (!body) {
    out->warnings.push_back("the message has no body");
    return true;
  }
  Walk walk{limits, {}, {}, 0, false, false};
  Visit(body, "", 0, &walk);
  if (walk.too_deep)
    out->warnings.push_back("parts nested deeper than " + std::to_string(limits.max_depth) +
                            " levels were skipped");
  if (walk.too_many)
    out->warnings.push_back("only the first " + std::to_string(limits.max_parts) +
                            " parts were looked at");
  Candidate chosen = walk.plain.part ? walk.plain : walk.html;
  if (!chosen.part) {
    out->warnings.push_back("the message has no text/plain or text/html part");
    return true;
  }
  GMimeObject* obj = GMIME_OBJECT(chosen.part);
  GMimeContentType* ct = g_mime_object_get_content_type(obj);
  out->has_body = true;
  out->part.path = chosen.path;
  out->part.content_type = walk.plain.part ? "text/plain" : "text/html";
  out->part.charset = AsciiLower(Str(g_mime_content_type_get_parameter(ct, "charset")));
  out->part.transfer_encoding =
      Str(g_mime_content_encoding_to_string(g_mime_part_get_content_encoding(chosen.part)));
  if (out->part.transfer_encoding.empty()) out->part.transfer_encoding = "7bit";

  NoteDamage(chosen.part, &out->warnings);
  std::string raw = Decoded(chosen.part);
  if (raw.size() > limits.max_body_bytes) {
    out->warnings.push_back("the text part is " + std::to_string(raw.size()) +
                            " bytes; only the first " + std::to_string(limits.max_body_bytes) +
                            " were checked");
    raw.resize(limits.max_body_bytes);
  }
  Converted text = ToUtf8(raw, out->part.charset);
  if (text.unknown_charset)
    out->warnings.push_back("unknown charset \"" + out->part.charset + "\"; read as windows-1252");
  if (text.replaced > 0)
    out->warnings.push_back(
        std::to_string(text.replaced) + " byte(s) were not valid " +
        (out->part.charset.empty() ? std::string("us-ascii") : out->part.charset) +
        " and became U+FFFD");
  // A cut multi-byte sequence at the end (the size limit) is already U+FFFD.
  out->body = NormalizeNewlines(text.utf8);
  std::string format = AsciiLower(Str(g_mime_content_type_get_parameter(ct, "format")));
  if (walk.plain.part && format == "flowed") {
    bool delsp = AsciiLower(Str(g_mime_content_type_get_parameter(ct, "delsp"))) == "yes";
    out->body = DecodeFlowed(out->body, delsp);
    out->part.flowed = true;
  }
  return true;
}

}  // namespace amends::email
