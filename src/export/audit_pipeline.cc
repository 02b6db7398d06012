#include "export/audit_pipeline.h"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include <cerrno>
#include <memory>
#include <string>
#include <vector>

#include "export/progress.h"
#include "report/json_report.h"
#include "summary/facts.h"
#include "util/utf8.h"

namespace amends::exports {
namespace {

// Items read together, so the per-token cost of the pipeline is paid rarely.
constexpr size_t kBatchItems = 32;
constexpr size_t kBatchBytes = 256u << 10;

struct Outcome {
  std::string line;        // the JSON line, '\n' included
  std::string diagnostic;  // for an error record
  bool error = false;
  bool needs_fix = false;
  summary::ReplyFacts facts;
};

struct Batch {
  std::vector<Item> items;
  std::vector<Outcome> outcomes;
  uint64_t offset = 0;  // input bytes read once this batch was
};

std::string Dump(const nlohmann::ordered_json& j) {
  std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  s += '\n';
  return s;
}

Outcome ErrorOutcome(const ExportReply& r, Format format, const std::string& name) {
  Outcome o;
  o.error = true;
  nlohmann::ordered_json j;
  if (!r.id.is_null()) j["id"] = r.id;
  j["line"] = r.line;
  if (format != Format::kJsonl) j["byte"] = r.byte;
  j["error"] = r.error;
  o.line = Dump(j);
  o.diagnostic = "amends: " + EscapeControls(name) + ":" + std::to_string(r.line) + ": " +
                 EscapeControls(r.error) + "\n";
  return o;
}

Outcome Check(const Analyzer& analyzer, const ExportReply& r, const AuditRun& run,
              bool want_facts) {
  Request request;
  request.text = r.text;
  if (r.customer_message) request.customer_message = *r.customer_message;
  request.customer_name = r.customer_name;
  request.force_recovery = run.force_recovery;
  Analysis analysis = analyzer.Analyze(request);
  std::string id = r.id.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Outcome o;
  AppendChecklistJson(analyzer, analysis, &o.line, id);
  o.line += '\n';
  o.needs_fix = !analysis.ready_to_send;
  if (want_facts)
    o.facts = summary::FactsFor(analyzer, analysis, r.text, {id, r.agent, r.team, r.month});
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
  const Format format = source.format();
  const bool want_facts = run.summary != nullptr;
  bool at_end = false;

  oneapi::tbb::parallel_pipeline(
      threads * 4,
      oneapi::tbb::make_filter<void, Batch*>(
          oneapi::tbb::filter_mode::serial_in_order,
          [&](oneapi::tbb::flow_control& fc) -> Batch* {
            if (at_end || totals.write_failed) {
              fc.stop();
              return nullptr;
            }
            auto batch = std::make_unique<Batch>();
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
              fc.stop();
              return nullptr;
            }
            return batch.release();
          }) &
          oneapi::tbb::make_filter<Batch*, Batch*>(
              oneapi::tbb::filter_mode::parallel,
              [&](Batch* batch) -> Batch* {
                for (Item& item : batch->items) {
                  for (const ExportReply& r : source.Convert(item)) {
                    batch->outcomes.push_back(r.error.empty() ? Check(analyzer, r, run, want_facts)
                                                              : ErrorOutcome(r, format, source.name()));
                  }
                }
                batch->items.clear();
                return batch;
              }) &
          oneapi::tbb::make_filter<Batch*, void>(
              oneapi::tbb::filter_mode::serial_in_order, [&](Batch* raw) {
                std::unique_ptr<Batch> batch(raw);
                for (Outcome& o : batch->outcomes) {
                  if (!totals.write_failed &&
                      std::fwrite(o.line.data(), 1, o.line.size(), run.out) != o.line.size()) {
                    totals.write_failed = true;
                    totals.write_errno = errno;
                  }
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
              }));
  progress.Finish();
  return totals;
}

}  // namespace amends::exports
