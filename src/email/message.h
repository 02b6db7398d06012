// Email stage: an RFC 5322 / MIME message (through GMime) to the text part
// a person reads as the reply, decoded to UTF-8, plus the header facts the
// checks want (who it is to, who it is from).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace amends::email {

struct MessageLimits {
  size_t max_depth = 32;             // multipart nesting walked; deeper parts are skipped
  size_t max_parts = 1000;           // parts looked at; the rest are skipped
  size_t max_body_bytes = 1u << 20;  // decoded reply text kept (cut on a UTF-8 boundary)
  size_t max_multiparts = 256;       // multipart containers before parsing is refused
};

struct Mailbox {
  std::string name;     // display name, RFC 2047 decoded; may be ""
  std::string address;  // may be ""
};

// Which MIME part the body came from.
struct PartInfo {
  std::string path;               // IMAP section number: "1", "1.2", "2.1.1"
  std::string content_type;       // "text/plain" or "text/html"
  std::string charset;            // as labelled, lower case; "" when none
  std::string transfer_encoding;  // "7bit", "quoted-printable", "base64"…
  bool flowed = false;            // format=flowed was undone
};

struct Message {
  Mailbox from;               // the agent
  std::vector<Mailbox> to;    // the customer first
  std::string subject;        // RFC 2047 decoded
  bool is_reply = false;      // In-Reply-To / References, or "Re:"
  bool has_override = false;  // an X-Amends-Override header with a value
  bool has_body = false;      // false: no text part at all
  PartInfo part;
  std::string body;                   // UTF-8, "\n" line ends; HTML still HTML when part is html
  std::vector<std::string> warnings;  // what was repaired or skipped, for the report
};

// Parses `bytes`. Returns false with `*error` ("NAME: …") only when nothing
// usable can be read (not a message at all, too many nested containers);
// damage inside a part (truncated base64, a missing closing boundary, a
// bad charset) becomes a warning and a best-effort body.
//
// Two libraries define it: amends_mime parses with GMime directly
// (tests, fuzzers, benchmarks); amends_mime_loader, which the `amends`
// program links, loads amends_mime as the module amends-mime.so the first
// time a message is read, so that GLib and GMime (a good part of start-up
// time) are loaded only when there is email. Without the module it fails
// with an error that says where it looked.
bool ParseMessage(std::string_view bytes, const std::string& name, const MessageLimits& limits,
                  Message* out, std::string* error);

// What amends-mime.so exports, by the C name "amends_mime_module_v1".
struct MimeModule {
  bool (*parse_message)(std::string_view bytes, const std::string& name,
                        const MessageLimits& limits, Message* out, std::string* error);
};

// True when the header block of `bytes` has an X-Amends-Override field with
// a non-empty value. A plain scan that needs no MIME parser, so an override
// works on any message.
bool HasOverrideHeader(std::string_view bytes);

}  // namespace amends::email
