// Summary stage: the names of teams. Exports carry group, mailbox or
// assignee ids ("360001234567"); a team-names file maps them to names
// people know, for the HTML report only (the summary keeps the ids, so
// shard summaries still merge exactly).
//
// The file: UTF-8 text, one team a line, `ID<TAB>NAME` or `ID=NAME` (split
// at the first tab when the line has one, else at the first `=`), spaces
// around either part ignored. Blank lines and lines starting with `#` are
// skipped. A line with neither separator, an empty id or name, or an id
// given twice is an error `FILE:LINE: message`. A two-column TSV saved from
// a spreadsheet is such a file.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace amends::summary {

using TeamNames = std::map<std::string, std::string>;  // id -> name

// Parses `content`, named `file` in errors. False with `*error` set on the
// first bad line.
bool ParseTeamNames(std::string_view content, const std::string& file, TeamNames* out,
                    std::string* error);

// Reads and parses `path`; a file that cannot be read is an error too.
bool ReadTeamNames(const std::string& path, TeamNames* out, std::string* error);

}  // namespace amends::summary
