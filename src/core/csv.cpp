#include "core/csv.h"

#include <algorithm>

namespace nhsx {

namespace {

// Offset of the first byte that does not belong to well-formed UTF-8, or npos.
size_t firstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    uint32_t min = 0, cp = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07; }
    else return i;
    if (i + len > s.size()) return i;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string shownByte(char c) {
  const char* hex = "0123456789ABCDEF";
  const unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7F) return std::string("'") + c + "'";
  return std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
}

}  // namespace

CsvReader::CsvReader(std::string_view text, char delimiter) : text_(text), delim_(delimiter) {
  size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // spreadsheets often write a BOM
  if (const size_t bad = firstInvalidUtf8(text.substr(i)); bad != std::string_view::npos) {
    // Columns of a bad byte are counted the same way as everywhere else (bytes from the line start).
    uint32_t line = 1, col = 1;
    for (size_t k = i; k < i + bad; ++k) {
      if (text[k] == '\n' || (text[k] == '\r' && (k + 1 >= text.size() || text[k + 1] != '\n'))) {
        ++line;
        col = 1;
      } else if (text[k] != '\r') {
        ++col;
      }
    }
    errors_.push_back({line, col, "invalid UTF-8: " + shownByte(text[i + bad]) + " (save the file as UTF-8)",
                       CsvProblem::InvalidUtf8});
  }
  i_ = lineStart_ = i;
}

// Consumes a line end at i (CRLF, LF or CR); false when there is none.
bool CsvReader::lineEnd() {
  const std::string_view text = text_;
  if (i_ >= text.size() || (text[i_] != '\n' && text[i_] != '\r')) return false;
  i_ += (text[i_] == '\r' && i_ + 1 < text.size() && text[i_ + 1] == '\n') ? 2 : 1;
  ++line_;
  lineStart_ = i_;
  return true;
}

bool CsvReader::next(CsvRow& row) {
  const std::string_view text = text_;
  const char delim = delim_;
  size_t& i = i_;
  auto column = [&](size_t at) { return static_cast<uint32_t>(at - lineStart_ + 1); };
  auto error = [&](uint32_t line, uint32_t col, std::string message, CsvProblem kind) {
    errors_.push_back({line, col, std::move(message), kind});
  };
  const std::string delimName = delim == '\t' ? "a tab" : std::string("'") + delim + "'";
  size_t used = 0;  // fields of `row` filled so far (their storage is reused)
  auto nextField = [&]() -> CsvField& {
    if (used == row.fields.size()) row.fields.emplace_back();
    CsvField& f = row.fields[used++];
    f.text.clear();
    return f;
  };
  while (i < text.size()) {
    if (used == 0 && lineEnd()) continue;  // an empty line: no row
    if (used == 0) row.line = line_;
    CsvField& f = nextField();
    f.line = line_;
    f.column = column(i);
    const bool quoted = text[i] == '"';
    if (quoted) {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') { f.text += '"'; i += 2; continue; }
          ++i;
          closed = true;
          break;
        }
        if (c == '\n' || c == '\r') {
          const size_t at = i;
          lineEnd();
          f.text.append(text.substr(at, i - at));  // a line break inside quotes is data, kept as written
          continue;
        }
        // Runs of ordinary bytes are copied at once.
        size_t run = i + 1;
        while (run < text.size() && text[run] != '"' && text[run] != '\n' && text[run] != '\r') ++run;
        f.text.append(text.substr(i, run - i));
        i = run;
      }
      if (!closed) {
        error(f.line, f.column, "quoted field never closed (a '\"' opened here has no matching '\"')",
              CsvProblem::Unclosed);
      } else if (i < text.size() && text[i] != delim && text[i] != '\n' && text[i] != '\r') {
        error(line_, column(i), "expected " + delimName + " or the end of the line after a closing '\"', found " +
                                   shownByte(text[i]) + " (double a quote inside a quoted field: \"\")",
              CsvProblem::AfterQuote);
        while (i < text.size() && text[i] != delim && text[i] != '\n' && text[i] != '\r') f.text += text[i++];
      }
    } else {
      const size_t start = i;
      bool strayQuote = false;  // one report per field is enough
      while (i < text.size() && text[i] != delim && text[i] != '\n' && text[i] != '\r') {
        if (text[i] == '"' && !strayQuote) {
          strayQuote = true;
          error(line_, column(i), "unexpected '\"' in a field that does not start with one (quote the whole field "
                                  "and double the quote: \"a \"\"b\"\"\")",
                CsvProblem::StrayQuote);
        }
        ++i;
      }
      f.text.assign(text.substr(start, i - start));
    }
    if (i < text.size() && text[i] == delim) {
      ++i;
      if (i == text.size() || text[i] == '\n' || text[i] == '\r') {  // a trailing delimiter: one more empty field
        CsvField& last = nextField();
        last.line = line_;
        last.column = column(i);
      } else {
        continue;
      }
    }
    lineEnd();
    // A line of nothing but spaces is as empty as an empty one.
    const bool blankLine = !quoted && used == 1 && row.fields[0].text.find_first_not_of(" \t") == std::string::npos;
    if (blankLine) { used = 0; continue; }
    row.fields.resize(used);
    return true;
  }
  if (used > 0) {  // cannot happen (every field ends its row above), but keep the row whole
    row.fields.resize(used);
    return true;
  }
  return false;
}

char detectDelimiter(std::string_view text) {
  size_t commas = 0, semis = 0, tabs = 0;
  bool inQuotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c == '\n' || c == '\r') {
      if (commas + semis + tabs > 0) break;  // the first line that has any
    } else if (c == ',') ++commas;
    else if (c == ';') ++semis;
    else if (c == '\t') ++tabs;
  }
  if (tabs) return '\t';
  return semis > commas ? ';' : ',';
}

CsvTable parseCsv(std::string_view text) {
  CsvTable t;
  CsvReader reader(text, ',');
  CsvRow row;
  while (reader.next(row)) t.rows.push_back(row);
  t.errors = std::move(reader.errors());
  if (!t.rows.empty()) {
    const size_t width = t.rows[0].fields.size();
    for (size_t r = 1; r < t.rows.size(); ++r) {
      const CsvRow& rw = t.rows[r];
      if (rw.fields.size() == width) continue;
      t.errors.push_back({rw.line, 1, "expected " + std::to_string(width) + " fields as in the header on line " +
                                          std::to_string(t.rows[0].line) + ", found " + std::to_string(rw.fields.size()),
                          CsvProblem::Ragged});
    }
  }
  std::stable_sort(t.errors.begin(), t.errors.end(), [](const CsvError& a, const CsvError& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return t;
}

void appendCsvRow(std::string& out, const std::vector<std::string_view>& fields) {
  for (size_t k = 0; k < fields.size(); ++k) {
    if (k) out += ',';
    const std::string_view f = fields[k];
    // A row of one blank field is quoted, or it would read back as an empty line.
    const bool quote = f.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (fields.size() == 1 && f.find_first_not_of(" \t") == std::string_view::npos);
    if (!quote) { out.append(f); continue; }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace nhsx
