// Each reader on its fixture in corpora/exports, and on malformed records.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "export/format.h"
#include "export/reader.h"
#include "run_amends.h"

namespace amends::exports {
namespace {

const std::string kExports = std::string(AMENDS_SOURCE_DIR) + "/corpora/exports/";

std::vector<ExportReply> ReadAll(const std::string& path, ReaderOptions options = {}) {
  std::string error;
  auto source = RecordSource::Open(path, options, &error);
  INFO(error);
  REQUIRE(source);
  std::vector<ExportReply> out;
  for (Item item; source->Next(&item);)
    for (auto& r : source->Convert(item)) out.push_back(std::move(r));
  return out;
}

std::string Temp(const std::string& name, const std::string& bytes) {
  std::string path = amends::testing::TempPath("readers-" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST_CASE("formats are guessed from the name and the first line", "[export]") {
  CHECK(GuessFormat("x.csv", "").name == "csv");
  CHECK(GuessFormat("X.TSV", "").name == "csv");
  CHECK(GuessFormat("sent.mbx", "{").name == "mbox");
  CHECK(GuessFormat("-", "From a@b Mon Mar  4 09:45:00 2024\n").name == "mbox");
  CHECK(GuessFormat("-", "{\"ticket\": {}, \"comments\": []}").name == "zendesk");
  CHECK(GuessFormat("-", "{\"id\": 1, \"conversations\": []}").name == "freshdesk");
  CHECK(GuessFormat("-", "{\"id\": 1, \"threads\": 2, \"_embedded\": {}}").name == "helpscout");
  CHECK(GuessFormat("-", "{\"conversation_parts\": {}}").name == "intercom");
  CHECK(GuessFormat("-", "{\"id\": 1, \"text\": \"comments\"}").name == "jsonl");
  CHECK(GuessFormat("-", "").name == "jsonl");
  CHECK(GuessFormat("-", "text").name == "jsonl");
  // A line with the keys of two formats: the one tried first wins.
  CHECK(GuessFormat("-", "{\"comments\": [], \"threads\": 1}").name == "helpscout");
  CHECK(GuessFormat("-", "{\"conversations\": [], \"conversation_parts\": 1}").name == "intercom");
  CHECK(FindFormat("helpscout")->name == "helpscout");
  CHECK(!FindFormat("xml"));
}

TEST_CASE("zendesk: public agent comments, requester name, notes skipped", "[export][zendesk]") {
  auto r = ReadAll(kExports + "zendesk.jsonl");
  REQUIRE(r.size() == 4);
  CHECK(r[0].id == "4711/1003");
  CHECK(r[0].agent == "Alex Turner");
  CHECK(r[0].customer_name == "Mary Smith");
  CHECK(r[0].team == "360001");
  CHECK(r[0].month == "2024-03");
  CHECK(r[0].customer_message.value_or("").find("never arrived") != std::string::npos);
  CHECK(r[0].text.find("courier is responsible for delays & we cannot") != std::string::npos);
  CHECK(r[0].text.find("<p>") == std::string::npos);
  CHECK(r[1].id == "4712/1102");
  CHECK(r[1].agent == "Priya Shah");  // an admin
  CHECK(r[2].error == "\"comments\" must be an array");
  CHECK(r[2].id == 4713);
  CHECK(r[3].error.find("invalid JSON") == 0);
  CHECK(r[3].line == 4);
}

TEST_CASE("zendesk: users from a separate file", "[export][zendesk]") {
  std::string users = Temp(
      "users.json",
      R"({"users":[{"id":1,"name":"Kim Park","role":"agent"},{"id":2,"name":"Eve","role":"end-user"}]})");
  std::string tickets = Temp(
      "t.jsonl",
      R"({"id":9,"requester_id":2,"comments":[{"id":1,"author_id":2,"public":true,"plain_body":"Help"},{"id":2,"author_id":1,"public":true,"body":"Done."}]})"
      "\n");
  ReaderOptions options;
  options.users_file = users;
  auto r = ReadAll(tickets, options);
  REQUIRE(r.size() == 1);
  CHECK(r[0].agent == "Kim Park");
  CHECK(r[0].customer_name == "Eve");
  CHECK(r[0].customer_message == "Help");
}

TEST_CASE("freshdesk: outgoing public conversations, description opens the thread",
          "[export][freshdesk]") {
  auto r = ReadAll(kExports + "freshdesk.jsonl");
  REQUIRE(r.size() == 5);
  CHECK(r[0].id == "20/302");
  CHECK(r[0].agent == "Sam Ortiz");
  CHECK(r[0].customer_message.value_or("").find("cracked jug") != std::string::npos);
  CHECK(r[1].id == "20/304");
  CHECK(r[1].customer_message.value_or("").find("ridiculous") != std::string::npos);
  CHECK(r[1].text.find("I'm sorry, we got this wrong.") != std::string::npos);  // from HTML
  CHECK(r[2].month == "2024-06");                                               // Unix time
  CHECK(r[2].agent == "agent 5002");
  CHECK(r[3].error == "ticket has no \"id\"");
  CHECK(r[4].error == "expected a JSON object");
}

TEST_CASE("helpscout: threads put in time order, notes skipped, HTML made text",
          "[export][helpscout]") {
  auto r = ReadAll(kExports + "helpscout.jsonl");
  REQUIRE(r.size() == 3);
  CHECK(r[0].id == "88001/3");
  CHECK(r[0].customer_name == "Aisha Khan");
  CHECK(r[0].agent == "Dana Lee");
  CHECK(r[0].customer_message.value_or("").find("charged twice") != std::string::npos);
  CHECK(r[1].text.find("<script>") != std::string::npos);  // an entity decoded, as text
  CHECK(r[2].error == "a thread is not an object");
}

TEST_CASE("intercom: admin comments, notes and bots skipped", "[export][intercom]") {
  auto r = ReadAll(kExports + "intercom.jsonl");
  REQUIRE(r.size() == 4);
  CHECK(r[0].id == "1911149811/7003");
  CHECK(r[0].customer_name == "Chris Novak");
  CHECK(r[0].customer_message.value_or("").find("deleted all my notes") != std::string::npos);
  CHECK(r[0].month == "2024-03");
  CHECK(r[1].id == "1911149811/7005");
  CHECK(r[1].customer_message == "So my notes are just gone?");
  CHECK(r[2].agent == "Rui Costa");
  CHECK(r[3].error.find("conversation_parts") != std::string::npos);
}

TEST_CASE("a refused record's id nested a million deep is dropped, not copied", "[export]") {
  // Copying such an id used to overflow the stack. Read from memory, through
  // the stream overload of Open.
  std::string deep(1000000, '[');
  deep.append(1000000, ']');
  std::string bytes = R"({"id": )" + deep +
                      R"(, "conversations": 1})"
                      "\n" +
                      R"({"ticket": {"id": )" + deep +
                      R"(}, "comments": 1})"
                      "\n";
  for (const Format* format : {FindFormat("freshdesk"), FindFormat("zendesk")}) {
    FILE* f = fmemopen(bytes.data(), bytes.size(), "rb");
    REQUIRE(f);
    ReaderOptions options;
    options.format = format;
    std::string error;
    auto source = RecordSource::Open(InputStream::FromFile(f, "deep.jsonl"), options, &error);
    REQUIRE(source);
    std::vector<ExportReply> r;
    for (Item item; source->Next(&item);)
      for (auto& reply : source->Convert(item)) r.push_back(std::move(reply));
    source.reset();
    std::fclose(f);
    REQUIRE(r.size() == 2);
    for (const ExportReply& reply : r) {
      CHECK(!reply.error.empty());
      CHECK(reply.id.is_null());
    }
  }
}

TEST_CASE("csv: column mapping with roles and tickets", "[export][csv]") {
  ReaderOptions options;
  options.csv.text = "body";
  options.csv.id = "comment_id";
  options.csv.role = "author_role";
  options.csv.customer_name = "author_name";
  options.csv.ticket = "ticket_id";
  options.csv.agent = "agent";
  options.csv.date = "created_at";
  auto r = ReadAll(kExports + "tickets.csv", options);
  REQUIRE(r.size() == 4);
  CHECK(r[0].id == "2");
  CHECK(r[0].customer_name == "Mary Smith");
  CHECK(r[0].customer_message.value_or("") ==
        "My parcel never arrived.\nOrder 55120, please help.");
  CHECK(r[0].month == "2024-03");
  CHECK(r[1].customer_name == "Jon \"JB\" Berg");
  CHECK(!r[2].customer_message);  // T-102 has no customer row
  CHECK(r[2].customer_name.empty());
  CHECK(r[3].error.find("closing quote") != std::string::npos);
  CHECK(r[3].line == 10);

  std::string error;
  options.csv.text = "nope";
  CHECK(!RecordSource::Open(kExports + "tickets.csv", options, &error));
  CHECK(error.find("no column named \"nope\"") != std::string::npos);
}

TEST_CASE("csv: invalid UTF-8 and short rows are error records", "[export][csv]") {
  auto r = ReadAll(Temp("bad.csv", "id,text\n1,caf\xE9\n2\n3,fine\n"));
  REQUIRE(r.size() == 3);
  CHECK(r[0].error.find("invalid UTF-8") != std::string::npos);
  CHECK(r[1].error.find("fields") != std::string::npos);
  CHECK(r[2].text == "fine");
}

TEST_CASE("csv: row ids without an id column, notes skipped, the columns named", "[export][csv]") {
  ReaderOptions options;
  options.csv.text = "body";
  options.csv.role = "role";
  auto r = ReadAll(Temp("notes.csv",
                        "body,role\n"
                        "My parcel never arrived.,customer\n"
                        "Courier says lost; refund approved.,note\n"
                        "\"Hi, a new one ships today.\",agent\n"
                        "Thanks!,customer\n"
                        "Glad to help.,Agent\n"),
                   options);
  REQUIRE(r.size() == 2);
  CHECK(r[0].id == "row:3");  // the third row after the header
  CHECK(r[0].customer_message.value_or("") == "My parcel never arrived.");  // not the note
  CHECK(r[1].id == "row:5");
  options.csv.note_roles = {};
  auto with_notes =
      ReadAll(Temp("notes2.csv", "body,role\nA,customer\nB,internal\nC,agent\n"), options);
  REQUIRE(with_notes.size() == 1);
  CHECK(with_notes[0].customer_message.value_or("") == "B");  // read as the customer's

  std::string error;
  options.csv.text = "Body_Text";
  CHECK(!RecordSource::Open(Temp("cols.csv", "id,body,author_role\n1,x,agent\n"), options, &error));
  CHECK(error.find("no column named \"Body_Text\" in the header") != std::string::npos);
  CHECK(error.find("(the columns are: id, body, author_role)") != std::string::npos);
  options.csv.text = "bdy";
  CHECK(!RecordSource::Open(Temp("cols2.csv", "id,body\n1,x\n"), options, &error));
  CHECK(error.find("did you mean 'body'?") != std::string::npos);
}

TEST_CASE("mbox: messages split on From lines, read through the email stage", "[export][mbox]") {
  auto r = ReadAll(kExports + "sent.mbox");
  REQUIRE(r.size() == 3);
  CHECK(r[0].id == "<reply-1@support.example.com>");
  CHECK(r[0].agent == "Alex Turner");
  CHECK(r[0].customer_name == "Mary Smith");
  CHECK(r[0].month == "2024-03");
  CHECK(r[0].customer_message.value_or("").find("never arrived") != std::string::npos);
  CHECK(r[0].text.find("> My parcel") == std::string::npos);
  CHECK(r[1].text.find("From the archive") != std::string::npos);  // >From unquoted
  CHECK(r[1].text.find("<p>") == std::string::npos);
  CHECK(r[2].id == "line:32");
}

TEST_CASE("jsonl: grouping fields and malformed lines", "[export][jsonl]") {
  auto r = ReadAll(kExports + "replies.jsonl");
  REQUIRE(r.size() == 4);
  CHECK(r[0].agent == "Alex Turner");
  CHECK(r[0].team == "Parcels");
  CHECK(r[0].month == "2024-03");
  CHECK(r[3].error == "\"text\" must be a string");
  CHECK(r[3].id == "r4");
  CHECK(r[3].line == 4);
}

}  // namespace amends::exports
