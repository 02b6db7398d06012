// Export stage: the audit of a whole export. Three stages through oneTBB's
// parallel_pipeline: split the input (serial), convert and check each reply
// (parallel, over every core), write the lines and count them into the
// summary (serial, in input order). At most a fixed number of batches are
// in flight, so memory stays flat however large the export.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "analyzer/analyzer.h"
#include "export/reader.h"
#include "report/report_options.h"
#include "summary/summary.h"

namespace amends::exports {

struct AuditRun {
  std::optional<bool> force_recovery;
  bool assume_english = false;          // --language en (Request::assume_english)
  FILE* out = stdout;                   // one JSON line per reply or error record
  FILE* diagnostics = stderr;           // "amends: FILE:LINE: message" per error record
  summary::Summary* summary = nullptr;  // filled when set
  bool progress = false;
  size_t threads = 0;    // 0: every core
  ReportOptions report;  // what each reply's line holds
  bool compact = false;  // lines in the compact form (report/compact_report.h)
  // A reply whose analysis runs longer becomes an error record naming the
  // limit; zero: no limit. Wall-clock time, looked at between the
  // analyzer's stages (Request::deadline).
  std::chrono::milliseconds max_record{0};
};

struct AuditTotals {
  uint64_t replies = 0;  // checked
  uint64_t errors = 0;   // error records
  uint64_t needs_fix = 0;
  bool write_failed = false;
  int write_errno = 0;  // errno of the failed write
  uint64_t records() const { return replies + errors; }
};

AuditTotals RunAuditPipeline(const Analyzer& analyzer, RecordSource& source, const AuditRun& run);

}  // namespace amends::exports
