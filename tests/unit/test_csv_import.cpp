#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <map>

#include "bundled_corpus.h"
#include "core/csv_import.h"
#include "core/quote_check.h"
#include "core/text_file.h"

using namespace nhsx;

namespace {
std::string readFile(const std::filesystem::path& p) {
  std::string text;
  REQUIRE(readTextFile(p.string(), text));
  return text;
}

const std::string kEntHead = "id,kind,type,name,date,source_title,source_publisher,source_url,quote\n";
const std::string kSrc = "Report,Publisher,https://example.org/r,";
// Two good entities; tests add rows that break one thing.
const std::string kEnts = kEntHead +
                          "org-a,organisation,charity,A,1987~," + kSrc + "A is a charity\n"
                          "org-b,organisation,nhs-trust,B,,,,https://example.org/r,B is a trust\n";
const std::string kRelHead = "from,type,to,source_url,quote\n";

std::vector<std::string> errorsOf(const std::string& entities, const std::string& relations = "") {
  CsvImportResult r = importCsv(entities, "entities.csv", relations, "relations.csv");
  std::vector<std::string> out;
  for (const Diagnostic& d : r.errors) out.push_back(formatCsvDiagnostic(d));
  return out;
}
using Lines = std::vector<std::string>;

CsvImportResult importExamples() {
  const std::filesystem::path dir = std::filesystem::path(SOURCE_DIR) / "data" / "examples";
  return importCsv(readFile(dir / "entities.csv"), "entities.csv", readFile(dir / "relations.csv"), "relations.csv");
}
}  // namespace

TEST_CASE("the example files import cleanly", "[csv]") {
  CsvImportResult r = importExamples();
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatCsvDiagnostic(d));
  REQUIRE(r.ok());
  const Corpus& c = r.corpus;
  CHECK(c.entities.size() == 6);
  CHECK(c.relations.size() == 7);
  CHECK(c.sources.size() == 3);  // rows naming the mandate by URL alone share one source
  const Entity& dhsc = c.entities.at(c.findEntity("org-dhsc"));
  CHECK(dhsc.aliases == std::vector<std::string>{"DHSC"});
  CHECK(dhsc.date.text == "2018-01/..");
  REQUIRE(dhsc.citations.size() == 2);  // the second from a row repeating the id
  const Source& mandate = c.sources[dhsc.citations[0].source];
  CHECK(mandate.publisher == "Department of Health and Social Care");
  CHECK(mandate.seed == "003_70f2cf3c2f33029f.txt");
  CHECK_FALSE(mandate.external);
  CHECK(c.sources[dhsc.citations[1].source].external);  // no seed: outside the seed documents, cited with a note
  CHECK(!dhsc.citations[1].note.empty());
  const Entity& nhse = c.entities.at(c.findEntity("org-nhs-england"));
  CHECK(nhse.aliases == std::vector<std::string>{"NHS Commissioning Board", "NHSE"});
  CHECK(c.relations.at(1).citations.size() == 2);
}

TEST_CASE("the example files' quotes are verbatim in their seed document", "[csv][seeds]") {
  const auto& seeds = bundledSeedTexts();
  CsvImportResult r = importExamples();
  REQUIRE(r.ok());
  const auto errors = checkQuotes(r.corpus, seeds);
  for (const Diagnostic& d : errors) UNSCOPED_INFO(d.where + ": " + d.message);
  CHECK(errors.empty());
}

TEST_CASE("headers are case-insensitive and in any order; relation ids are generated", "[csv]") {
  const std::string ents = "Quote,NAME,Type,Kind,ID,Source_Title,Source_Publisher\n"
                           "\"x, y\",A,charity,organisation,org-a,T,P\n"
                           "z,B,charity,organisation,rel-1,T,\n";
  const std::string rels = "TO,From,type,id,source_title,quote\n"
                           "org-a,rel-1,supports,,T,q1\n"
                           "org-a,rel-1,works-with,rel-3,T,q2\n"
                           "org-a,rel-1,funds,,T,q3\n";
  CsvImportResult r = importCsv(ents, "e.csv", rels, "r.csv");
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatCsvDiagnostic(d));
  REQUIRE(r.ok());
  REQUIRE(r.corpus.relations.size() == 3);
  // rel-1 is an entity and rel-3 is taken by the file: generated ids skip both.
  CHECK(r.corpus.relations[0].id == "rel-2");
  CHECK(r.corpus.relations[1].id == "rel-3");
  CHECK(r.corpus.relations[2].id == "rel-4");
  CHECK(r.corpus.sources.size() == 1);
  CHECK(r.corpus.sources[0].id == "src-csv-1");
  CHECK(r.corpus.entities[0].citations[0].quote == "x, y");
}

TEST_CASE("corpus rules are reported at the row and column they come from", "[csv]") {
  SECTION("unknown kind") {
    CHECK(errorsOf(kEnts + "org-c,organization,charity,C,," + kSrc + "q\n") ==
          Lines{"entities.csv:4:7: column kind: expected one of organisation, person, document, programme, "
                "partnership, part or theme; found \"organization\""});
  }
  SECTION("unknown type, shown with the header as written") {
    CHECK(errorsOf("ID,Kind,TYPE,name,source_title,source_publisher,quote\norg-a,person,charity,A,T,P,q\n") ==
          Lines{"entities.csv:2:14: column TYPE: expected one of minister, official, chief-executive, chair, "
                "politician, clinician, academic, role or other; found \"charity\""});
  }
  SECTION("dangling relation end") {
    CHECK(errorsOf(kEnts, kRelHead + "org-a,supports,org-b,https://example.org/r,q\n"
                                     "org-a,supports,org-zz,https://example.org/r,q\n") ==
          Lines{"relations.csv:3:16: column to: unknown entity id \"org-zz\""});
  }
  SECTION("bad date") {
    CHECK(errorsOf(kEnts + "org-c,organisation,charity,C,2014-02-30," + kSrc + "q\n") ==
          Lines{"entities.csv:4:30: column date: invalid EDTF date '2014-02-30': day 30 does not exist in Feb 2014"});
  }
  SECTION("bad id") {
    CHECK(errorsOf(kEnts + "Org C,organisation,charity,C,," + kSrc + "q\n") ==
          Lines{"entities.csv:4:1: column id: expected an id of lower-case letters, digits and '-' starting with "
                "a letter; found \"Org C\""});
  }
  SECTION("a quote of a seed document is required") {
    CHECK(errorsOf("id,kind,type,name,source_title,source_publisher,source_seed,quote\n"
                   "org-a,organisation,charity,A,T,P,001.txt,\n") ==
          Lines{"entities.csv:2:42: column quote: missing required field \"quote\" (only citations of external "
                "sources may omit it)"});
  }
  SECTION("a citation outside the seeds needs a quote or a note") {
    CHECK(errorsOf(kEnts + "org-c,organisation,charity,C,," + kSrc + "\n") ==
          Lines{"entities.csv:4:70: column quote: a citation without a quote needs a \"note\" saying what the "
                "source supports"});
  }
}

TEST_CASE("CSV problems are reported with file, line and column", "[csv]") {
  SECTION("missing header") {
    CHECK(errorsOf("id,kind,type,source_title,quote\norg-a,organisation,charity,T,q\n") ==
          Lines{"entities.csv:1: missing required column \"name\"; found 5 columns: id, kind, type, source_title, "
                "quote"});
    CHECK(errorsOf("") == Lines{"entities.csv:1: missing header row: expected id, kind, type, name, aliases, date, "
                                "description, source_title, source_url, source_publisher, source_date, source_seed, "
                                "quote, note"});
    CHECK(errorsOf("id,kind,type,name\n") ==
          Lines{"entities.csv:1: missing required column \"source_title\" (or \"source_url\"): every row cites a "
                "source; found 4 columns: id, kind, type, name"});
  }
  SECTION("unknown and repeated columns") {
    CHECK(errorsOf("id,kind,type,name,descripton,source_title,Name\n") ==
          Lines{"entities.csv:1:19: unknown column \"descripton\"; expected one of id, kind, type, name, aliases, "
                "date, description, source_title, source_url, source_publisher, source_date, source_seed, quote, note",
                "entities.csv:1:43: column \"name\" appears twice (also column 4)"});
  }
  SECTION("ragged row") {
    CHECK(errorsOf(kEnts + "org-c,organisation,charity,C\n") ==
          Lines{"entities.csv:4:1: expected 9 fields as in the header on line 1, found 4"});
  }
  SECTION("duplicate id, across both files") {
    CHECK(errorsOf(kEnts + "org-a,organisation,charity,A2,," + kSrc + "q\n",
                   "id," + kRelHead + "org-b,org-a,supports,org-b,https://example.org/r,q\n") ==
          Lines{"entities.csv:4:1: column id: duplicate id \"org-a\" (first used at entities.csv:2); to add a "
                "citation to it, repeat the id and leave kind, type, name, aliases, date, description empty",
                "relations.csv:2:1: column id: duplicate id \"org-b\" (first used at entities.csv:3); to add a "
                "citation to it, repeat the id and leave from, type, to, date, description, role empty"});
  }
  SECTION("a row without a source") {
    CHECK(errorsOf(kEnts + "org-c,organisation,charity,C,,,,,q\n") ==
          Lines{"entities.csv:4:31: column source_title: expected a source (source_title, or the source_url of a "
                "source given on any row), found an empty cell: every item cites a source"});
  }
  SECTION("rows naming one source disagree") {
    CHECK(errorsOf(kEnts + "org-c,organisation,charity,C,,Report,Other,https://example.org/r,q\n") ==
          Lines{"entities.csv:4:38: column source_publisher: this source was given source_publisher \"Publisher\" "
                "at entities.csv:2; found \"Other\" (rows naming one source must agree)"});
  }
  SECTION("a source no row gives a publisher") {
    CHECK(errorsOf(kEntHead + "org-a,organisation,charity,A,,T,,,q\n") ==
          Lines{"entities.csv:2:33: column source_publisher: expected the source's publisher on at least one row "
                "citing it (T), found none"});
  }
  SECTION("quote mistakes and bad bytes") {
    CHECK(errorsOf(kEnts + "org-c,organisation,charity,C,,Report,Publisher,https://example.org/r,say \"hi\"\n") ==
          Lines{"entities.csv:4:74: unexpected '\"' in a field that does not start with one (quote the whole field "
                "and double the quote: \"a \"\"b\"\"\")"});
    CHECK(errorsOf(kEnts + "org-c,organisation,charity,Caf\xE9,," + kSrc + "q\n") ==
          Lines{"entities.csv:4:31: invalid UTF-8: byte 0xE9 (save the file as UTF-8)"});
  }
}

TEST_CASE("the example in docs/csv-import.md imports as it says", "[csv]") {
  const std::string doc = readFile(std::filesystem::path(SOURCE_DIR) / "docs" / "csv-import.md");
  std::vector<std::string> blocks;
  for (size_t at = doc.find("```csv\n"); at != std::string::npos; at = doc.find("```csv\n", at)) {
    at += 7;
    const size_t end = doc.find("```", at);
    REQUIRE(end != std::string::npos);
    blocks.push_back(doc.substr(at, end - at));
  }
  REQUIRE(blocks.size() == 2);
  CsvImportResult r = importCsv(blocks[0], "entities.csv", blocks[1], "relations.csv");
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatCsvDiagnostic(d));
  REQUIRE(r.ok());
  CHECK(r.corpus.entities.size() == 2);
  CHECK(r.corpus.sources.size() == 2);
  CHECK(r.corpus.entities.at(1).citations.size() == 2);
  REQUIRE(r.corpus.relations.size() == 1);
  CHECK(r.corpus.relations[0].id == "rel-1");
}
