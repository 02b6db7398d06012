#include "report/sink.h"

#include <array>

#include "report/compact_report.h"
#include "report/email_json.h"
#include "report/json_report.h"
#include "report/languagetool_report.h"
#include "report/text_report.h"

namespace amends {
namespace {

class TextSink : public Sink {
 public:
  void Write(const SinkInput& input, std::string* out) const override {
    TextReportOptions text;
    text.color = input.color;
    text.show_passes = input.show_passes;
    text.report = input.report;
    out->append(input.preamble);
    *out += TextReport(input.analyzer, input.analysis, std::string(input.name), text);
  }
};

class JsonSink : public Sink {
 public:
  void Write(const SinkInput& input, std::string* out) const override {
    ChecklistFrame frame;
    frame.leading_members = input.leading_members;
    std::string email;
    if (input.email) {
      AppendEmailMember(*input.email, input.customer_message_given, &email);
      frame.trailing_members = email;
      frame.positions_in = input.email->body;
    }
    AppendChecklistJson(input.analyzer, input.analysis, out, frame, input.report);
    *out += '\n';
  }
};

class CompactSink : public Sink {
 public:
  void Write(const SinkInput& input, std::string* out) const override {
    AppendCompactJson(input.analyzer, input.analysis, out, input.leading_members, input.report);
    *out += '\n';
  }
};

// LanguageTool's /v2/check answer; for an email, offsets count in its body.
class LanguageToolSink : public Sink {
 public:
  void Write(const SinkInput& input, std::string* out) const override {
    LanguageToolFrame frame;
    if (input.email) frame.positions_in = input.email->body;
    AppendLanguageToolJson(input.analysis, frame, input.report, out);
    *out += '\n';
  }
};

template <class T>
std::unique_ptr<Sink> Make() {
  return std::make_unique<T>();
}

constexpr std::array kKinds = {
    SinkKind{"text", "the checklist for a person at a terminal (the default)", &Make<TextSink>},
    SinkKind{"json", "the JSON checklist, one object (docs/json-schema.md)", &Make<JsonSink>},
    SinkKind{"compact", "only the checks that fired, as byte spans (amends.compact/1)",
             &Make<CompactSink>},
    SinkKind{"languagetool", "LanguageTool's /v2/check answer, UTF-16 offsets (docs/serve.md)",
             &Make<LanguageToolSink>},
};

}  // namespace

std::span<const SinkKind> SinkKinds() { return kKinds; }

const SinkKind* FindSink(std::string_view name) {
  for (const SinkKind& kind : kKinds)
    if (kind.name == name) return &kind;
  return nullptr;
}

std::string SinkKindsHelp() {
  constexpr size_t kWidth = 14;  // the longest name and two spaces
  std::string out;
  for (const SinkKind& kind : kKinds) {
    if (!out.empty()) out += '\n';
    out += "  ";
    out += kind.name;
    out.append(kind.name.size() < kWidth ? kWidth - kind.name.size() : 1, ' ');
    out += kind.description;
  }
  return out;
}

}  // namespace amends
