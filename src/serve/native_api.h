// The native API: POST /v1/check and POST /v1/audit, the same bytes
// `amends check --format json` and `amends audit` write.
#pragma once

#include <chrono>
#include <string_view>

#include "analyzer/analyzer.h"
#include "serve/reply.h"

namespace amends::serve {

struct Budget {
  size_t max_findings = 50;           // per check, as --max-findings
  std::chrono::milliseconds time{0};  // per request (/v1/check) or record; 0: none
};

// {"text", "customer_message"?, "customer_name"?, "situation"?} in; the
// amends.checklist/1 object and a newline out. A text that starts with mail
// headers is read as a whole message, as `check` does.
Reply CheckNative(const Analyzer& analyzer, std::string_view body, const Budget& budget);

// JSON lines in, one checklist (or error record) line out per line.
Reply AuditNative(const Analyzer& analyzer, std::string_view body, const Budget& budget);

}  // namespace amends::serve
