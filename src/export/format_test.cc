// The table of export formats: every format found by name, in audit's
// --help and the docs, and a format made of nothing but its record reads.
#include "export/format.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "export/reader.h"
#include "run_amends.h"

namespace amends::exports {
namespace {

std::string ReadDoc(const std::string& name) { return testing::ReadDoc(name); }

}  // namespace

TEST_CASE("every export format is found by its name, in --help and the docs", "[export]") {
  REQUIRE(Formats().size() >= 7);
  CHECK(Formats().front()->name == "jsonl");  // what a guess falls back to
  const std::string docs = ReadDoc("audit.md");
  REQUIRE_FALSE(docs.empty());
  std::string help = FormatsHelp(80);
  std::replace(help.begin(), help.end(), '\n', ' ');
  std::set<std::string_view> names;
  for (const Format* f : Formats()) {
    INFO(f->name);
    CHECK(names.insert(f->name).second);  // no name twice
    CHECK(FindFormat(f->name) == f);
    CHECK(FormatNames().find(std::string(f->name)) != std::string::npos);
    CHECK(help.find(" " + std::string(f->name)) != std::string::npos);
    CHECK(docs.find("| `" + std::string(f->name) + "` |") != std::string::npos);
    // A format is split by the reader, or a helpdesk object it converts.
    CHECK((f->split != Split::kLines || f->conversation || f == Formats().front()));
  }
  CHECK(FindFormat("auto") == nullptr);
  CHECK(FindFormat("JSONL") == nullptr);
}

TEST_CASE("the manual page's audit entry names every export format", "[export]") {
  const std::string page = ReadDoc("amends.1");
  size_t at = page.find("Check every reply of an export (");
  REQUIRE(at != std::string::npos);
  std::string list = page.substr(at, page.find(')', at) - at);
  std::replace(list.begin(), list.end(), '\n', ' ');
  for (const Format* f : Formats()) {
    INFO(f->name);
    const std::string name(f->name);
    CHECK((list.find(" " + name + ",") != std::string::npos ||
           list.find("(" + name + ",") != std::string::npos ||
           list.find(" " + name + ")") != std::string::npos || list.ends_with(" " + name)));
  }
}

TEST_CASE("the formats' help is wrapped at the width asked", "[export]") {
  const std::string help = FormatsHelp(40);
  CHECK(help.rfind("Formats (--input): jsonl", 0) == 0);
  CHECK(help.back() == '.');
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 40);
}

namespace {

// A helpdesk that is nothing but its record: {"said": TEXT} is one agent reply.
bool SaidConversation(const nlohmann::json& record, const UserTable&, Conversation* out,
                      std::string* error) {
  if (!record.contains("said")) {
    *error = "no \"said\"";
    return false;
  }
  ConversationMessage m;
  m.id = "1";
  m.author = Author::kAgent;
  m.text = record["said"].get<std::string>();
  out->id = "t";
  out->messages.push_back(std::move(m));
  return true;
}

const Format kSaid = {.name = "said", .keys = {"said"}, .conversation = &SaidConversation};

}  // namespace

TEST_CASE("a format made of a record and its hook is read like the others", "[export]") {
  std::string bytes = "{\"said\": \"Sorry for the wait.\"}\n{\"other\": 1}\n";
  FILE* f = fmemopen(bytes.data(), bytes.size(), "rb");
  REQUIRE(f);
  ReaderOptions options;
  options.format = &kSaid;
  std::string error;
  auto source = RecordSource::Open(InputStream::FromFile(f, "said.jsonl"), options, &error);
  REQUIRE(source);
  CHECK(&source->format() == &kSaid);
  std::vector<ExportReply> replies;
  for (Item item; source->Next(&item);)
    for (ExportReply& r : source->Convert(item)) replies.push_back(std::move(r));
  REQUIRE(replies.size() == 2);
  CHECK(replies[0].text == "Sorry for the wait.");
  CHECK(replies[0].id == "t/1");
  CHECK(replies[0].error.empty());
  CHECK(replies[1].error == "no \"said\"");
}

}  // namespace amends::exports
