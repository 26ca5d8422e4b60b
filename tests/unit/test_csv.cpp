#include <catch2/catch_test_macros.hpp>

#include "core/csv.h"
#include "core/rng.h"

using namespace nhsx;

namespace {
std::vector<std::vector<std::string>> texts(const CsvTable& t) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRow& r : t.rows) {
    out.emplace_back();
    for (const CsvField& f : r.fields) out.back().push_back(f.text);
  }
  return out;
}

std::vector<std::string> errors(const CsvTable& t) {
  std::vector<std::string> out;
  for (const CsvError& e : t.errors) out.push_back(std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message);
  return out;
}
}  // namespace

TEST_CASE("plain rows, LF and CRLF, with or without a final line end", "[csv]") {
  const std::vector<std::vector<std::string>> want = {{"a", "b"}, {"1", "2"}};
  for (const char* text : {"a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\n1,2", "a,b\r1,2\r"}) {
    CsvTable t = parseCsv(text);
    CHECK(texts(t) == want);
    CHECK(t.errors.empty());
  }
}

TEST_CASE("quoted fields hold commas, doubled quotes and line breaks", "[csv]") {
  CsvTable t = parseCsv("name,quote\r\n\"Smith, J\",\"she said \"\"yes\"\"\"\r\n\"two\nlines\",\"\"\r\nlast,x\r\n");
  REQUIRE(t.errors.empty());
  CHECK(texts(t) == std::vector<std::vector<std::string>>{
                        {"name", "quote"}, {"Smith, J", "she said \"yes\""}, {"two\nlines", ""}, {"last", "x"}});
  // The row after an embedded line break starts on the right line.
  CHECK(t.rows[2].line == 3);
  CHECK(t.rows[3].line == 5);
  CHECK(t.rows[1].fields[1].column == 12);
}

TEST_CASE("a BOM is skipped, empty lines and blank lines are not rows, trailing commas are empty fields", "[csv]") {
  CsvTable t = parseCsv("\xEF\xBB\xBFid,name,\n\n1,x,\n   \n2,,\n");
  REQUIRE(t.errors.empty());
  CHECK(texts(t) == std::vector<std::vector<std::string>>{{"id", "name", ""}, {"1", "x", ""}, {"2", "", ""}});
  CHECK(t.rows[0].fields[0].column == 1);
  CHECK(t.rows[1].line == 3);
  CHECK(t.rows[2].line == 5);
}

TEST_CASE("ragged rows are reported with their line and kept", "[csv]") {
  CsvTable t = parseCsv("a,b,c\n1,2,3\n1,2\n1,2,3,4\n");
  CHECK(errors(t) == std::vector<std::string>{"3:1: expected 3 fields as in the header on line 1, found 2",
                                              "4:1: expected 3 fields as in the header on line 1, found 4"});
  CHECK(t.rows.size() == 4);
}

TEST_CASE("quote mistakes are reported where they are", "[csv]") {
  CHECK(errors(parseCsv("a,b\nx\"y,z\n")) ==
        std::vector<std::string>{"2:2: unexpected '\"' in a field that does not start with one (quote the whole "
                                 "field and double the quote: \"a \"\"b\"\"\")"});
  CHECK(errors(parseCsv("a,b\n\"x\"y,z\n")) ==
        std::vector<std::string>{"2:4: expected ',' or the end of the line after a closing '\"', found 'y' (double "
                                 "a quote inside a quoted field: \"\")"});
  CsvTable open = parseCsv("a,b\n1,\"never\nclosed\n");
  CHECK(errors(open) == std::vector<std::string>{
                            "2:3: quoted field never closed (a '\"' opened here has no matching '\"')"});
}

TEST_CASE("invalid UTF-8 is reported at its byte", "[csv]") {
  CHECK(errors(parseCsv("a,b\nok,caf\xE9\n")) ==
        std::vector<std::string>{"2:7: invalid UTF-8: byte 0xE9 (save the file as UTF-8)"});
  CHECK(errors(parseCsv("a\n\xC0\x80\n")) == std::vector<std::string>{"2:1: invalid UTF-8: byte 0xC0 (save the file as UTF-8)"});
  CHECK(parseCsv("a\n\xE2\x80\x99 \xF0\x9F\x99\x82\n").errors.empty());  // ’ and an emoji
}

TEST_CASE("written rows read back as the same fields", "[csv]") {
  const std::vector<std::string_view> fields = {"plain", "with, comma", "with \"quotes\"", "two\r\nlines", "", " pad "};
  std::string out;
  appendCsvRow(out, fields);
  appendCsvRow(out, fields);
  CHECK(out.substr(0, out.size() / 2) == "plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\r\nlines\",, pad \r\n");
  CsvTable t = parseCsv(out);
  REQUIRE(t.errors.empty());
  REQUIRE(t.rows.size() == 2);
  for (size_t i = 0; i < fields.size(); ++i) CHECK(t.rows[1].fields[i].text == fields[i]);
}

TEST_CASE("random rows written and read back are the same", "[csv]") {
  Rng rng{11};
  const char alphabet[] = {'a', 'Z', ',', '"', '\n', '\r', ' ', '\t'};
  for (int round = 0; round < 500; ++round) {
    const uint32_t width = 1 + rng.below(4), rows = 1 + rng.below(5);
    std::vector<std::vector<std::string>> want(rows, std::vector<std::string>(width));
    std::string out;
    for (auto& row : want) {
      for (std::string& f : row) {
        f.resize(rng.below(6));
        for (char& c : f) c = alphabet[rng.below(sizeof(alphabet))];
      }
      appendCsvRow(out, std::vector<std::string_view>(row.begin(), row.end()));
    }
    CsvTable t = parseCsv(out);
    REQUIRE(errors(t).empty());
    REQUIRE(texts(t) == want);
  }
}

TEST_CASE("random bytes never crash the reader; rows come in line order", "[csv]") {
  Rng rng{7};
  const char alphabet[] = {'a', ',', '"', '\n', '\r', ' ', '\xEF', '\xBB', '\xBF', '\xC3', '\xA9', '\0'};
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng.below(64), ' ');
    for (char& c : s) c = alphabet[rng.below(sizeof(alphabet))];
    CsvTable t = parseCsv(s);
    uint32_t line = 1;
    for (const CsvRow& r : t.rows) {
      REQUIRE(r.line >= line);
      REQUIRE(!r.fields.empty());
      line = r.line;
    }
    for (const CsvError& e : t.errors) REQUIRE(e.line >= 1);
  }
}
