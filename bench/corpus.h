// Benchmark corpora, built at run time from real replies.
//
// The text comes from ../shared/corpora/{dev,pool}/replies.jsonl (or the
// folder named by $AMENDS_BENCH_CORPORA). Most of it may not be copied into
// the repository (CC BY-NC-SA), so nothing here is ever written to disk
// under the source tree. When the shared folder is absent the repository's
// own corpora/drafts/*.txt are used instead.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace amends::bench {

struct Corpus {
  std::string origin;                          // where the replies came from (for the log)
  std::vector<std::string> replies;            // reply texts, well-formed UTF-8
  std::vector<std::string> customer_messages;  // same length; "" when unknown
};

// Loads the replies once per process (later calls return the same corpus).
const Corpus& LoadCorpus();

// Whole replies joined by blank lines, repeated as needed, until the text is
// at least `bytes` long. Deterministic for a given corpus and size.
std::string DraftOfSize(size_t bytes);

// JSONL audit records ({"id","text","customer_message"?}), one per line,
// repeated as needed until at least `bytes` long.
std::vector<std::string> JsonlOfSize(size_t bytes);

}  // namespace amends::bench
