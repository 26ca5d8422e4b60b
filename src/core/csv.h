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

struct CsvError {
  uint32_t line = 0, column = 0;
  std::string message;
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

// Appends one row, quoting fields that need it, ended by CRLF (RFC 4180).
void appendCsvRow(std::string& out, const std::vector<std::string_view>& fields);

}  // namespace nhsx
