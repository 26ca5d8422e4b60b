// RFC 4180 CSV: a reader that keeps where each field starts (for located errors) and a row writer.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nhsx {

struct CsvField {
  std::string text;  // unquoted, doubled quotes undone
  uint32_t line = 0, column = 0;  // where the field starts, 1-based (columns in bytes)
};

struct CsvRow {
  uint32_t line = 0;  // line the row starts on
  std::vector<CsvField> fields;
};

// What a CsvError is about, so that a forgiving reader can let the harmless ones pass.
enum class CsvProblem : uint8_t {
  InvalidUtf8,  // the text is not UTF-8
  Unclosed,     // a quoted field never closed: the rest of the text is in doubt
  StrayQuote,   // a '"' inside a field that does not start with one (kept as text)
  AfterQuote,   // text after a closing quote (kept, appended to the field)
  Ragged,       // a row with another number of fields than the header (parseCsv only)
};

struct CsvError {
  uint32_t line = 0, column = 0;
  std::string message;
  CsvProblem kind = CsvProblem::Ragged;
};

struct CsvTable {
  std::vector<CsvRow> rows;  // every row read, the header first; empty lines are skipped
  std::vector<CsvError> errors;
};

// Reads CSV text: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF, LF or
// CR line ends, an optional UTF-8 BOM. Problems (a stray quote, text after a closing quote, a quote
// never closed, a row with a different number of fields from the first, invalid UTF-8) are reported
// with their line and column; ragged rows are kept as read so the caller decides. One pass, no
// recursion: linear in the input whatever the bytes.
CsvTable parseCsv(std::string_view text);

// The same reader one row at a time, for large texts: memory stays that of one row. `delimiter` is ','
// for CSV, '\t' for TSV and text pasted from a spreadsheet, ';' for CSV from a European locale.
// Quoting is the same for every delimiter (spreadsheets quote a pasted cell holding a line break).
// Ragged rows are not checked here (the caller knows the header).
class CsvReader {
 public:
  explicit CsvReader(std::string_view text, char delimiter = ',');
  // The next row, reusing `row`'s storage; false at the end of the text. Empty lines are skipped.
  bool next(CsvRow& row);
  // Problems met so far, in the order found (an invalid UTF-8 byte is reported first, found up front).
  std::vector<CsvError>& errors() { return errors_; }
  size_t offset() const { return i_; }  // bytes read so far

 private:
  std::string_view text_;
  char delim_;
  size_t i_ = 0, lineStart_ = 0;
  uint32_t line_ = 1;
  std::vector<CsvError> errors_;
  bool lineEnd();
};

// The delimiter of a table's text: a tab when its first line holds one (spreadsheet paste, TSV), else
// ';' when the first line has more semicolons than commas (outside quotes), else ','.
char detectDelimiter(std::string_view text);

// Appends one row, quoting fields that need it, ended by CRLF (RFC 4180).
void appendCsvRow(std::string& out, const std::vector<std::string_view>& fields);

}  // namespace nhsx
