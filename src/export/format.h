// Export stage: the export formats `amends audit --input` names, and the
// guess made when it is left out.
#pragma once

#include <optional>
#include <string_view>

namespace amends::exports {

enum class Format { kJsonl, kZendesk, kFreshdesk, kHelpScout, kIntercom, kCsv, kMbox };

// "jsonl", "zendesk", "freshdesk", "helpscout", "intercom", "csv", "mbox".
std::optional<Format> ParseFormatName(std::string_view name);
const char* FormatName(Format format);

// Guesses from the file name's extension and the first bytes of the input:
// ".csv" is CSV, ".mbox" or a leading "From " line is mbox, a JSON object per
// line is told apart by its keys (comments → Zendesk, conversations →
// Freshdesk, _embedded/threads → Help Scout, conversation_parts → Intercom,
// anything else → amends JSONL).
Format GuessFormat(std::string_view path, std::string_view head);

}  // namespace amends::exports
