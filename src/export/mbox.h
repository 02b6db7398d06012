// Export stage: an mbox of sent mail, split into messages ("From " lines
// after a blank line start one; mboxrd ">From " quoting is undone), each
// read through the email stage (src/email/reply.h) into one reply.
#pragma once

#include <string>

#include "export/input_stream.h"
#include "export/reply.h"

namespace amends::exports {

struct MboxMessage {
  std::string bytes;      // the message without its "From " line
  std::string from_line;  // the "From sender date" line
  size_t line = 0;        // 1-based line of the "From " line
  uint64_t byte = 0;
  bool too_long = false;  // cut at the byte limit
};

class MboxSplitter {
 public:
  MboxSplitter(InputStream* in, size_t max_bytes) : in_(in), max_bytes_(max_bytes) {}
  bool Next(MboxMessage* out);  // false at the end

 private:
  InputStream* in_;
  size_t max_bytes_;
  bool started_ = false;
  bool have_pending_ = false;
  std::string pending_;  // a "From " line already read
  size_t pending_line_ = 0;
  uint64_t pending_byte_ = 0;
};

// The agent's reply in one message: its own words, the quoted customer
// message, the name it is addressed to, the sender as the agent, the month
// from the "From " line or Date:, the Message-ID (else "line:N") as the id.
// Thread-safe.
ExportReply MboxReply(const MboxMessage& message, const std::string& file_name);

}  // namespace amends::exports
