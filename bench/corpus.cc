#include "corpus.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace amends::bench {
namespace fs = std::filesystem;
namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void AddJsonl(const fs::path& p, Corpus* c) {
  std::ifstream in(p, std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
    c->replies.push_back(j["text"].get<std::string>());
    auto m = j.find("customer_message");
    c->customer_messages.push_back(m != j.end() && m->is_string() ? m->get<std::string>() : "");
  }
}

Corpus Build() {
  Corpus c;
  fs::path shared = AMENDS_SOURCE_DIR "/../shared/corpora";
  if (const char* env = std::getenv("AMENDS_BENCH_CORPORA")) shared = env;
  for (const char* f : {"dev/replies.jsonl", "pool/replies.jsonl"}) {
    if (fs::exists(shared / f)) AddJsonl(shared / f, &c);
  }
  if (!c.replies.empty()) {
    c.origin = (shared / "{dev,pool}/replies.jsonl").string();
  } else {
    std::vector<fs::path> drafts;
    for (const auto& e : fs::directory_iterator(AMENDS_SOURCE_DIR "/corpora/drafts")) {
      if (e.path().extension() == ".txt") drafts.push_back(e.path());
    }
    std::sort(drafts.begin(), drafts.end());
    for (const auto& p : drafts) {
      c.replies.push_back(ReadFile(p));
      c.customer_messages.push_back("");
    }
    c.origin = AMENDS_SOURCE_DIR "/corpora/drafts/*.txt (fallback)";
  }
  if (c.replies.empty()) {
    std::fprintf(stderr, "amends_bench: no corpus found\n");
    std::abort();
  }
  std::fprintf(stderr, "amends_bench: corpus %s: %zu replies\n", c.origin.c_str(),
               c.replies.size());
  return c;
}

}  // namespace

const Corpus& LoadCorpus() {
  static const Corpus corpus = Build();
  return corpus;
}

std::string DraftOfSize(size_t bytes) {
  const Corpus& c = LoadCorpus();
  std::string out;
  for (size_t i = 0; out.size() < bytes; i = (i + 1) % c.replies.size()) {
    if (!out.empty()) out += "\n\n";
    out += c.replies[i];
  }
  return out;
}

std::vector<std::string> JsonlOfSize(size_t bytes) {
  const Corpus& c = LoadCorpus();
  std::vector<std::string> lines;
  size_t total = 0;
  for (size_t i = 0, n = 0; total < bytes; i = (i + 1) % c.replies.size(), ++n) {
    nlohmann::ordered_json j;
    j["id"] = std::string("b").append(std::to_string(n));
    j["text"] = c.replies[i];
    if (!c.customer_messages[i].empty()) j["customer_message"] = c.customer_messages[i];
    lines.push_back(j.dump());
    total += lines.back().size() + 1;
  }
  return lines;
}

}  // namespace amends::bench
