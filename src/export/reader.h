// Export stage, the whole of it: an export file to a stream of work items.
// Splitting (one line, one CSV row, one mbox message) is serial and cheap;
// turning an item into replies (JSON parsing, HTML to text, MIME) is done by
// Convert, which is thread-safe, so an audit can spread it over cores.
//
//   ReaderOptions options;  // format guessed from the name and first line
//   std::string error;
//   auto source = RecordSource::Open(path, options, &error);  // null: *error says why
//   for (Item item; source->Next(&item);)
//     for (ExportReply& r : source->Convert(item)) …
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "export/csv_mapping.h"
#include "export/format.h"
#include "export/helpdesk.h"
#include "export/input_stream.h"
#include "export/mbox.h"
#include "export/reply.h"

namespace amends::exports {

struct ReaderOptions {
  const Format* format = nullptr;  // null: guess
  size_t max_bytes = 64u << 20;    // one record (line, row, message)
  CsvColumns csv;
  std::string users_file;  // Zendesk users JSON, when not side-loaded per ticket
  // Whether replies need the agent, team and month a summary groups by.
  // Without, a JSON line is not searched for them.
  bool groups = true;
};

// One unit of input: raw bytes still to convert, or replies already made.
struct Item {
  std::string bytes;               // a JSON line
  MboxMessage message;             // an mbox message
  std::vector<ExportReply> ready;  // CSV rows, records refused while splitting
  size_t line = 0;
  uint64_t byte = 0;
  bool has_bytes = false;
  bool has_message = false;
};

class RecordSource {
 public:
  // Opens the input and, for CSV, reads the header. Null with `*error` on a
  // file that cannot be read, a CSV header without the mapped columns, or
  // an unreadable users file.
  static std::unique_ptr<RecordSource> Open(const std::string& path, const ReaderOptions& options,
                                            std::string* error);
  // The same on a stream already open (stdin, an fmemopen buffer); the
  // format is guessed from `in->name()` when `options.format` is unset.
  static std::unique_ptr<RecordSource> Open(std::unique_ptr<InputStream> in,
                                            const ReaderOptions& options, std::string* error);

  bool Next(Item* out);  // false at the end of the input

  const Format& format() const { return *format_; }
  const std::string& name() const { return in_->name(); }
  uint64_t offset() const { return in_->offset(); }
  size_t line() const { return in_->line(); }  // lines read so far
  uint64_t size() const { return in_->size(); }
  bool failed() const { return in_->failed(); }

  // The replies (or one error record) in `item`. Thread-safe.
  std::vector<ExportReply> Convert(Item& item) const;
  // Messages converted so far whose author's role was unknown (neither
  // agent nor customer as far as the export says).
  uint64_t unknown_roles() const { return unknown_roles_.load(std::memory_order_relaxed); }

 private:
  RecordSource() = default;
  ReaderOptions options_;
  const Format* format_ = nullptr;
  std::unique_ptr<InputStream> in_;
  std::unique_ptr<CsvReader> csv_;
  CsvMapping mapping_;
  std::unique_ptr<MboxSplitter> mbox_;
  UserTable users_;
  mutable std::atomic<uint64_t> unknown_roles_{0};
};

}  // namespace amends::exports
