// Report stage: every output format is a sink behind one interface, chosen
// by name from one table (kSinkKinds), so `check --format`, its --help and
// the docs list the same kinds.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "analyzer/analyzer.h"
#include "email/reply.h"
#include "report/report_options.h"

namespace amends {

// Everything a sink may write about one analysed draft. Views only: the
// caller keeps each alive for the Write call.
struct SinkInput {
  const Analyzer& analyzer;
  const Analysis& analysis;  // analysis.draft.text still alive
  std::string_view name;     // the input's name, as a person knows it ("-", a path)
  ReportOptions report;
  // When the input was a whole email message: its reply, for the position
  // fix-ups and the "email" member (report/email_json.h). Null for a draft.
  const email::Reply* email = nullptr;
  bool customer_message_given = false;  // --customer-message replaced the quoted thread
  // Text for a person to read before the checklist (the email summary of
  // app::EmailSummary, already escaped); sinks for programs leave it out.
  std::string_view preamble;
  // JSON members written first as is in the json and compact objects (an
  // audit's `"id":…,"ticket":…`).
  std::string_view leading_members;
  bool color = false;        // ANSI colours, in sinks for a terminal
  bool show_passes = false;  // passing and n/a checks too, in sinks for a person
};

class Sink {
 public:
  virtual ~Sink() = default;
  // Appends the report of `input` to `*out`, ending with a newline. A sink
  // holds no state: one may write from many threads at once.
  virtual void Write(const SinkInput& input, std::string* out) const = 0;
};

struct SinkKind {
  std::string_view name;         // what --format takes
  std::string_view description;  // one line, for --help
  std::unique_ptr<Sink> (*make)();
};

// Every kind, in the order --help lists them; the first is the default.
std::span<const SinkKind> SinkKinds();

// The kind called `name`, or null.
const SinkKind* FindSink(std::string_view name);

// "  NAME  description" lines, one per kind, for --help; no newline at the end.
std::string SinkKindsHelp();

}  // namespace amends
