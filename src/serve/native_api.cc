#include "serve/native_api.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/prepare_input.h"
#include "export/audit_pipeline.h"
#include "export/reader.h"
#include "input/blank.h"
#include "report/sink.h"

namespace amends::serve {

Reply ErrorReply(int status, const std::string& message) {
  nlohmann::ordered_json json = {{"error", message}};
  return Reply{status, json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"};
}

bool ParseJson(std::string_view text, const std::string& what, nlohmann::json* out,
               std::string* error) {
  try {
    *out = nlohmann::json::parse(text);
    return true;
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() ends with what was last read: echoed to the client only.
    *error = what + ": byte " + std::to_string(e.byte) + ": not JSON (" + e.what() + ")";
    return false;
  }
}

namespace {

// A string member, or false with `*error` when it is there but no string.
bool StringMember(const nlohmann::json& object, const char* name, std::optional<std::string>* out,
                  std::string* error) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *error = std::string("request body: \"") + name + "\" must be a string";
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

}  // namespace

Reply CheckNative(const Analyzer& analyzer, std::string_view body, const Budget& budget) {
  // nlohmann rejects ill-formed UTF-8 inside strings, naming the byte.
  nlohmann::json request_json;
  std::string error;
  if (!ParseJson(body, "request body", &request_json, &error)) return ErrorReply(400, error);
  if (!request_json.is_object())
    return ErrorReply(400, "request body: byte 1: expected a JSON object");
  std::optional<std::string> text, customer_message, customer_name, situation;
  if (!StringMember(request_json, "text", &text, &error) ||
      !StringMember(request_json, "customer_message", &customer_message, &error) ||
      !StringMember(request_json, "customer_name", &customer_name, &error) ||
      !StringMember(request_json, "situation", &situation, &error))
    return ErrorReply(400, error);
  if (!text) return ErrorReply(400, "request body: \"text\" is missing");
  Request request;
  if (situation && *situation != "auto") {
    if (*situation == "recovery") request.force_recovery = true;
    else if (*situation == "routine") request.force_recovery = false;
    else return ErrorReply(400, "request body: \"situation\" must be auto, recovery or routine");
  }
  if (customer_message) request.customer_message = *customer_message;
  if (customer_name) request.customer_name = *customer_name;
  Source draft{"text", std::move(*text), 0};
  app::PreparedInput prepared;
  if (!app::PrepareInput("auto", &draft, &prepared, &request, &error))
    return ErrorReply(400, error);
  // As `check` does: an empty draft is not a reply that is ready to send.
  if (IsBlank(request.text.substr(request.begin)))
    return ErrorReply(422, "nothing to check: the draft is empty");
  if (budget.time.count() > 0) request.deadline = std::chrono::steady_clock::now() + budget.time;
  request.keep_findings = budget.max_findings;  // what the report can show
  Analysis analysis = analyzer.Analyze(request);
  if (analysis.out_of_time)
    return ErrorReply(503, "the analysis took longer than the time budget of " +
                               std::to_string(budget.time.count()) + " ms");
  Reply reply;
  // The json sink writes what `check --format json` writes.
  SinkInput input{analyzer, analysis, "body", ReportOptions{budget.max_findings}};
  if (prepared.is_email) input.email = &prepared.reply;
  input.customer_message_given = customer_message.has_value();
  FindSink("json")->make()->Write(input, &reply.body);
  return reply;
}

Reply AuditNative(const Analyzer& analyzer, std::string_view body, const Budget& budget) {
  Reply reply;
  reply.content_type = "application/x-ndjson";
  if (body.empty()) return reply;
  // The pipeline reads and writes stdio streams: the body and the answer
  // as memory streams.
  FILE* in = fmemopen(const_cast<char*>(body.data()), body.size(), "r");
  char* out_buffer = nullptr;
  size_t out_size = 0;
  FILE* out = open_memstream(&out_buffer, &out_size);
  FILE* diagnostics = std::fopen("/dev/null", "w");
  if (!in || !out || !diagnostics) {
    if (in) std::fclose(in);
    if (out) std::fclose(out);
    if (diagnostics) std::fclose(diagnostics);
    std::free(out_buffer);
    return ErrorReply(500, "cannot buffer the audit");
  }
  exports::ReaderOptions reader;
  reader.format = exports::FindFormat("jsonl");
  reader.groups = false;
  reader.max_bytes = body.size();
  std::string error;
  auto source =
      exports::RecordSource::Open(exports::InputStream::FromFile(in, "body"), reader, &error);
  if (source) {
    exports::AuditRun run;
    run.out = out;
    run.diagnostics = diagnostics;  // the error records say it all
    run.threads = 1;                // the server's own threads are the parallelism
    run.report.max_findings = budget.max_findings;
    run.max_record = budget.time;
    exports::RunAuditPipeline(analyzer, *source, run);
    source.reset();
  }
  std::fclose(in);  // the stream does not own it
  std::fclose(out);
  std::fclose(diagnostics);
  if (!error.empty()) {
    std::free(out_buffer);
    return ErrorReply(400, error);
  }
  reply.body.assign(out_buffer, out_size);
  std::free(out_buffer);
  return reply;
}

}  // namespace amends::serve
