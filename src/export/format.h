// Export stage: the export formats `amends audit --input` names, one table
// of records (Formats), and the guess made when --input is left out. A
// helpdesk format (one JSON object per line) is one file in
// src/export/helpdesk/ holding its record and converter, and one row in
// format.cc; the reader, the guess, audit's --input list and --help, and
// the docs test all read the table.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "export/conversation.h"
#include "export/helpdesk.h"

namespace amends::exports {

// How the reader splits a file of the format into records.
enum class Split { kLines, kCsvRows, kMboxMessages };

struct Format {
  std::string_view name = {};  // what --input takes
  std::string_view help = {};  // for audit's --help: said after the name, may be empty
  Split split = Split::kLines;
  // The guess: file name endings (matched in any case), a start of the
  // first line, JSON keys of the first line. Formats with keys are tried
  // in `guess_order`, lowest first: one line can hold keys of two.
  std::string_view extensions[2] = {};
  std::string_view line_start = {};
  std::string_view keys[2] = {};
  int guess_order = 0;
  // Whether an error record gives the byte offset of the record beside its
  // line (amends JSONL's have only ever given the line).
  bool byte_in_errors = true;
  // A helpdesk object (one JSON line) to a Conversation; false with
  // `*error` when it lacks what it needs. Null for the formats that are not
  // helpdesk objects (jsonl, csv, mbox: the reader knows them).
  bool (*conversation)(const nlohmann::json& record, const UserTable& users, Conversation* out,
                       std::string* error) = nullptr;
};

// Every format, in the order --help lists them; the first, amends' own
// JSONL, is what a guess falls back to.
std::span<const Format* const> Formats();

// The format called `name`, or null.
const Format* FindFormat(std::string_view name);

// The names joined by ", ": "jsonl, zendesk, …".
std::string FormatNames();

// "Formats (--input): jsonl (amends' own lines), …." wrapped at `width`
// columns, for audit's --help; no newline at the end.
std::string FormatsHelp(size_t width);

// Guesses from the file name's extension and the first bytes of the input:
// ".csv" is CSV, ".mbox" or a leading "From " line is mbox, a JSON object per
// line is told apart by its keys (comments → Zendesk, conversations →
// Freshdesk, _embedded/threads → Help Scout, conversation_parts → Intercom,
// anything else → amends JSONL).
const Format& GuessFormat(std::string_view path, std::string_view head);

}  // namespace amends::exports
