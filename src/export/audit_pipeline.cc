#include "export/audit_pipeline.h"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include <cerrno>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "export/progress.h"
#include "report/json_report.h"
#include "report/sink.h"
#include "summary/facts.h"
#include "util/utf8.h"

namespace amends::exports {
namespace {

// Items read together, so the per-token cost of the pipeline is paid rarely.
constexpr size_t kBatchItems = 32;
constexpr size_t kBatchBytes = 256u << 10;
// The output buffer a batch keeps for the next (see BatchPool).
constexpr size_t kKeptLineBytes = 1u << 20;

// What the output stage needs of one record besides its JSON line.
struct Outcome {
  std::string diagnostic;  // for an error record
  bool error = false;
  bool needs_fix = false;
  summary::ReplyFacts facts;
};

struct Batch {
  std::vector<Item> items;
  // The batch's JSON lines, one per outcome and in its order: written with
  // one call, so output costs a system call per batch, not per record.
  std::string lines;
  std::vector<Outcome> outcomes;
  uint64_t offset = 0;  // input bytes read once this batch was
};

// Batches are used again once written, so their buffers keep their
// capacity: a fresh 200 KB buffer per batch would be mapped and faulted in
// by the kernel each time. It owns every batch it handed out, so none leaks
// when the pipeline stops early.
class BatchPool {
 public:
  Batch* Take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.empty()) {
      all_.push_back(std::make_unique<Batch>());
      return all_.back().get();
    }
    Batch* b = free_.back();
    free_.pop_back();
    return b;
  }
  void Give(Batch* b) {
    b->items.clear();
    b->outcomes.clear();
    // Kept up to a few ordinary batches' worth: the output of one huge
    // record is not held on to.
    if (b->lines.capacity() > kKeptLineBytes) std::string().swap(b->lines);
    else b->lines.clear();
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(b);
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<Batch>> all_;
  std::vector<Batch*> free_;
};

Outcome ErrorOutcome(const ExportReply& r, const std::string& error, const Format& format,
                     const std::string& name, std::string* lines) {
  Outcome o;
  o.error = true;
  nlohmann::ordered_json j;
  if (!r.id.is_null()) j["id"] = r.id;
  j["line"] = r.line;
  if (format.byte_in_errors) j["byte"] = r.byte;
  j["error"] = error;
  *lines += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  *lines += '\n';
  o.diagnostic = "amends: " + EscapeControls(name) + ":" + std::to_string(r.line) + ": " +
                 EscapeControls(error) + "\n";
  return o;
}

std::string JsonText(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `"id":…` and, when the export has them, the ticket, agent and date that
// join the line back to it: the members an output line starts with.
std::string LeadingMembers(const ExportReply& r, const std::string& id_json) {
  std::string members = "\"id\":" + id_json;
  if (!r.ticket.is_null()) members += ",\"ticket\":" + JsonText(r.ticket);
  if (!r.agent.empty()) members += ",\"agent\":" + JsonText(r.agent);
  if (!r.date.is_null()) members += ",\"date\":" + JsonText(r.date);
  return members;
}

Outcome Check(const Analyzer& analyzer, const ExportReply& r, const AuditRun& run,
              const Format& format, const std::string& name, bool want_facts, std::string* lines) {
  Request request;
  request.text = r.text;
  if (r.customer_message) request.customer_message = *r.customer_message;
  request.customer_name = r.customer_name;
  request.force_recovery = run.force_recovery;
  request.assume_english = run.assume_english;
  if (run.max_record.count() > 0)
    request.deadline = std::chrono::steady_clock::now() + run.max_record;
  thread_local Analysis analysis;  // keeps its storage from reply to reply
  analyzer.Analyze(request, &analysis);
  Outcome o;
  if (analysis.out_of_time) {
    o = ErrorOutcome(r,
                     "analysis took longer than the limit of " +
                         std::to_string(run.max_record.count()) +
                         " ms (raise it with --max-record-ms)",
                     format, name, lines);
  } else {
    std::string id = JsonText(r.id);
    std::string leading = LeadingMembers(r, id);
    // Made once: sinks hold no state, so every worker thread shares them.
    static const std::unique_ptr<Sink> json = FindSink("json")->make();
    static const std::unique_ptr<Sink> compact = FindSink("compact")->make();
    SinkInput input{analyzer, analysis, name, run.report};
    input.leading_members = leading;
    (run.compact ? compact : json)->Write(input, lines);  // the line and its newline
    o.needs_fix = !analysis.ready_to_send;
    if (want_facts)
      o.facts = summary::FactsFor(analyzer, analysis, r.text,
                                  {id, r.agent, r.team, r.month, r.customer_message.value_or("")});
  }
  if (analysis.draft.Large()) analysis = Analysis();  // not held on to after a huge reply
  return o;
}

}  // namespace

AuditTotals RunAuditPipeline(const Analyzer& analyzer, RecordSource& source, const AuditRun& run) {
  std::unique_ptr<oneapi::tbb::global_control> limit;
  if (run.threads)
    limit = std::make_unique<oneapi::tbb::global_control>(
        oneapi::tbb::global_control::max_allowed_parallelism, run.threads);
  size_t threads = run.threads ? run.threads : oneapi::tbb::info::default_concurrency();
  AuditTotals totals;
  Progress progress(run.diagnostics, run.progress, source.size());
  const Format& format = source.format();
  const bool want_facts = run.summary != nullptr;
  bool at_end = false;
  BatchPool pool;

  oneapi::tbb::parallel_pipeline(
      threads * 4,
      oneapi::tbb::make_filter<void, Batch*>(
          oneapi::tbb::filter_mode::serial_in_order,
          [&](oneapi::tbb::flow_control& fc) -> Batch* {
            if (at_end || totals.write_failed) {
              fc.stop();
              return nullptr;
            }
            Batch* batch = pool.Take();
            size_t bytes = 0;
            while (batch->items.size() < kBatchItems && bytes < kBatchBytes) {
              Item item;
              if (!source.Next(&item)) {
                at_end = true;
                break;
              }
              bytes += item.bytes.size() + item.message.bytes.size() + 64;
              batch->items.push_back(std::move(item));
            }
            batch->offset = source.offset();
            if (batch->items.empty()) {
              pool.Give(batch);
              fc.stop();
              return nullptr;
            }
            return batch;
          }) &
          oneapi::tbb::make_filter<Batch*, Batch*>(
              oneapi::tbb::filter_mode::parallel,
              [&](Batch* batch) -> Batch* {
                for (Item& item : batch->items) {
                  for (const ExportReply& r : source.Convert(item)) {
                    batch->outcomes.push_back(
                        r.error.empty()
                            ? Check(analyzer, r, run, format, source.name(), want_facts,
                                    &batch->lines)
                            : ErrorOutcome(r, r.error, format, source.name(), &batch->lines));
                  }
                }
                batch->items.clear();
                return batch;
              }) &
          oneapi::tbb::make_filter<Batch*, void>(
              oneapi::tbb::filter_mode::serial_in_order, [&](Batch* batch) {
                const std::string& lines = batch->lines;
                if (!totals.write_failed &&
                    std::fwrite(lines.data(), 1, lines.size(), run.out) != lines.size()) {
                  totals.write_failed = true;
                  totals.write_errno = errno;
                }
                for (Outcome& o : batch->outcomes) {
                  if (o.error) {
                    ++totals.errors;
                    progress.Interrupt();
                    std::fputs(o.diagnostic.c_str(), run.diagnostics);
                    if (run.summary) run.summary->AddError();
                  } else {
                    ++totals.replies;
                    if (o.needs_fix) ++totals.needs_fix;
                    if (run.summary) run.summary->AddReply(o.facts);
                  }
                }
                progress.Update(batch->offset, totals.replies + totals.errors);
                pool.Give(batch);
              }));
  progress.Finish();
  return totals;
}

}  // namespace amends::exports
