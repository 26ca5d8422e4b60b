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

CsvTable parseCsv(std::string_view text) {
  CsvTable t;
  auto error = [&](uint32_t line, uint32_t column, std::string message) {
    t.errors.push_back({line, column, std::move(message)});
  };

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
    error(line, col, "invalid UTF-8: " + shownByte(text[i + bad]) + " (save the file as UTF-8)");
  }

  uint32_t line = 1;
  size_t lineStart = i;  // offset of the current line's first byte
  auto column = [&](size_t at) { return static_cast<uint32_t>(at - lineStart + 1); };
  // Consumes a line end at i (CRLF, LF or CR); false when there is none.
  auto lineEnd = [&]() {
    if (i >= text.size() || (text[i] != '\n' && text[i] != '\r')) return false;
    i += (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
    ++line;
    lineStart = i;
    return true;
  };

  CsvRow row;
  while (i < text.size()) {
    if (row.fields.empty() && lineEnd()) continue;  // an empty line: no row
    if (row.fields.empty()) row.line = line;
    CsvField f;
    f.line = line;
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
        f.text += c;
        ++i;
      }
      if (!closed) {
        error(f.line, f.column, "quoted field never closed (a '\"' opened here has no matching '\"')");
      } else if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        error(line, column(i), "expected ',' or the end of the line after a closing '\"', found " + shownByte(text[i]) +
                                   " (double a quote inside a quoted field: \"\")");
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') f.text += text[i++];
      }
    } else {
      const size_t start = i;
      bool strayQuote = false;  // one report per field is enough
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        if (text[i] == '"' && !strayQuote) {
          strayQuote = true;
          error(line, column(i), "unexpected '\"' in a field that does not start with one (quote the whole field "
                                 "and double the quote: \"a \"\"b\"\"\")");
        }
        ++i;
      }
      f.text.assign(text.substr(start, i - start));
    }
    row.fields.push_back(std::move(f));
    if (i < text.size() && text[i] == ',') {
      ++i;
      if (i == text.size() || text[i] == '\n' || text[i] == '\r') {  // a trailing comma: one more empty field
        row.fields.push_back({"", line, column(i)});
      } else {
        continue;
      }
    }
    lineEnd();
    // A line of nothing but spaces is as empty as an empty one.
    const bool blankLine = !quoted && row.fields.size() == 1 &&
                           row.fields[0].text.find_first_not_of(" \t") == std::string::npos;
    if (!blankLine) t.rows.push_back(std::move(row));
    row = CsvRow{};
  }

  if (!t.rows.empty()) {
    const size_t width = t.rows[0].fields.size();
    for (size_t r = 1; r < t.rows.size(); ++r) {
      const CsvRow& rw = t.rows[r];
      if (rw.fields.size() == width) continue;
      error(rw.line, 1, "expected " + std::to_string(width) + " fields as in the header on line " +
                            std::to_string(t.rows[0].line) + ", found " + std::to_string(rw.fields.size()));
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
