#include "core/sheet_import.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/corpus_merge.h"
#include "core/csv.h"
#include "core/csv_import.h"
#include "core/text_fold.h"
#include "core/text_util.h"

// One pass over each sheet, a row at a time (CsvReader): each row becomes an entity or a relation of the
// model straight away, names and ids go into hash maps, so the whole import is linear in the text and
// holds the items and one row. The result is built to the corpus rules (ids, vocabulary, EDTF dates,
// cited sources) rather than checked by the loader afterwards; tests and the fuzz target load its JSON
// export to confirm that it passes them.

namespace nhsx {

size_t ImportCounts::entityTotal() const {
  size_t n = 0;
  for (size_t k : entities) n += k;
  return n;
}

std::string formatImportDiagnostic(const Diagnostic& d) { return formatCsvDiagnostic(d); }

namespace {

std::string_view trim(std::string_view s) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

// Runs of white space (line breaks too) as one space: names and short texts.
std::string oneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : trim(s)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { space = true; continue; }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool validId(std::string_view s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// An id the way the corpus writes them ("org-acevo"): a reference in this form that names nothing is an
// error rather than a new organisation.
bool looksLikeId(std::string_view s) {
  if (!validId(s) || s.find('-') == std::string_view::npos) return false;
  for (std::string_view p : {"org-", "person-", "doc-", "prog-", "partnership-", "part-", "theme-", "rel-", "src-", "ev-"}) {
    if (s.substr(0, p.size()) == p) return true;
  }
  return false;
}

bool looksLikeUrl(std::string_view s) {
  return startsWithAnyCase(s, "http://") || startsWithAnyCase(s, "https://") || startsWithAnyCase(s, "www.");
}

std::string hostOf(std::string_view url) {
  size_t a = url.find("://");
  a = a == std::string_view::npos ? 0 : a + 3;
  size_t b = url.find_first_of("/?#", a);
  std::string host(url.substr(a, b == std::string_view::npos ? std::string_view::npos : b - a));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

// Shortens a value for a message: its start and its size.
std::string shown(std::string_view s) {
  if (s.size() <= 60) return "\"" + std::string(s) + "\"";
  size_t cut = 57;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(s.substr(0, cut)) + "...\" (" + std::to_string(s.size()) + " bytes)";
}

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string kindWords(Kind k, size_t n) {
  static const char* const kOne[] = {"organisation", "person", "document", "programme", "partnership", "part", "theme"};
  static const char* const kMany[] = {"organisations", "people", "documents", "programmes", "partnerships", "parts", "themes"};
  return plural(n, kOne[static_cast<int>(k)], kMany[static_cast<int>(k)]);
}

// The sorts of message, each listed up to a limit and then counted.
enum Sort : uint8_t { kCsv, kHeader, kNoName, kSameName, kType, kDate, kRef, kAdded, kSource, kDuplicate, kCycle,
                      kField, kSortCount };
const char* const kSortWords[] = {"problems with the text", "column problems", "rows without a name",
                                  "repeated names", "types not understood", "dates not understood",
                                  "problems with references", "organisations added from relations",
                                  "problems with sources", "repeated ids", "cycles", "extra values"};

struct Located {
  int sheet = 0;
  uint32_t line = 0, column = 0;
  Diagnostic d;
};

// One sheet being read.
struct Sheet {
  int order = 0;
  std::string name;
  std::string_view text;
  SheetKind kind = SheetKind::Entities;
  char delimiter = ',';
  std::vector<SheetColumn> columns;
  std::vector<CsvField> header;
  int roleColumn[static_cast<int>(ColumnRole::Count)];
  bool hasType = false;
  size_t rows = 0;
  Sheet() { std::fill(std::begin(roleColumn), std::end(roleColumn), -1); }
  int col(ColumnRole r) const { return roleColumn[static_cast<int>(r)]; }
};

// A source made from the sheets' source columns.
struct SourceRec {
  size_t index = 0;      // in the output sources
  std::string where;     // the first row citing it
  bool fromSheet = true;
};

struct GuessKey {
  std::string key;
  size_t index;
};

class Importer {
 public:
  explicit Importer(const SheetImportOptions& o) : opt_(o), base_(o.base) {}

  SheetImportResult run(std::vector<Sheet>& sheets, bool detectKinds) {
    // Items take 60-200 bytes of sheet: room for the ids up front spares rehashing a large table.
    size_t bytes = 0;
    for (const Sheet& s : sheets) bytes += s.text.size();
    usedIds_.reserve(bytes / 64);
    entityIds_.reserve(bytes / 256);
    for (Sheet& s : sheets) prepare(s, detectKinds);
    // Entities first, so that relations find them whatever the order given.
    std::stable_sort(sheets.begin(), sheets.end(),
                     [](const Sheet& a, const Sheet& b) { return a.kind == SheetKind::Entities && b.kind == SheetKind::Relations; });
    for (Sheet& s : sheets) {
      if (!s.header.empty()) read(s);
    }
    finish(sheets);
    return std::move(out_);
  }

  // Reads the header (and decides the sheet's kind when asked). False when the sheet cannot be read.
  void prepare(Sheet& s, bool detectKind) {
    if (s.text.find('\0') != std::string_view::npos) {
      size_t line, column;
      lineColumn(s.text, s.text.find('\0'), line, column);
      error(kCsv, s, static_cast<uint32_t>(line), static_cast<uint32_t>(column), "",
            "this is not text (a NUL byte): save the sheet as CSV (UTF-8) or copy its cells");
      return;
    }
    const bool tsvName = s.name.size() >= 4 && (s.name.compare(s.name.size() - 4, 4, ".tsv") == 0 ||
                                                 s.name.compare(s.name.size() - 4, 4, ".tab") == 0);
    s.delimiter = tsvName ? '\t' : detectDelimiter(s.text);
    CsvReader reader(s.text, s.delimiter);
    CsvRow row;
    if (!readerProblems(s, reader)) return;
    if (!reader.next(row)) return;  // an empty sheet: nothing to read
    s.header = row.fields;
    if (detectKind) {
      bool to = false, from = false;
      for (const CsvField& f : s.header) {
        const ColumnRole r = relationColumnRole(trim(f.text), false);
        to = to || r == ColumnRole::To;
        from = from || r == ColumnRole::From || r == ColumnRole::Name;
      }
      s.kind = to && from && !datedFromTo(s) ? SheetKind::Relations : SheetKind::Entities;
    }
    const bool rel = s.kind == SheetKind::Relations;
    bool hasSource = false;
    for (const CsvField& f : s.header) {
      const std::string_view h = trim(f.text);
      hasSource = hasSource || (isSourceHeader(h) && !(rel && foldText(h) == "source"));
    }
    bool explicitFrom = false;
    if (rel) {
      for (const CsvField& f : s.header) explicitFrom = explicitFrom || relationColumnRole(trim(f.text), hasSource) == ColumnRole::From;
    }
    for (size_t i = 0; i < s.header.size(); ++i) {
      const std::string_view h = trim(s.header[i].text);
      SheetColumn c;
      c.header = h.empty() ? "Column " + std::to_string(i + 1) : std::string(h);
      ColumnRole r = h.empty() ? ColumnRole::Field : rel ? relationColumnRole(h, hasSource) : entityColumnRole(h, hasSource);
      if (rel && r == ColumnRole::Name) r = explicitFrom ? ColumnRole::Field : ColumnRole::From;
      if (r == ColumnRole::Name && rel) r = ColumnRole::Field;
      if (r != ColumnRole::Field && s.col(r) >= 0) {
        c.note = "'" + briefText(s.columns[static_cast<size_t>(s.col(r))].header) + "' is the " + columnRoleName(r);
        r = ColumnRole::Field;
      }
      c.role = r;
      if (r != ColumnRole::Field) s.roleColumn[static_cast<int>(r)] = static_cast<int>(i);
      s.columns.push_back(std::move(c));
    }
    s.hasType = s.col(ColumnRole::Type) >= 0 || s.col(ColumnRole::Kind) >= 0;
    if (!rel && s.col(ColumnRole::Name) < 0) {
      // No Name column: the first column that is not something else names the items.
      for (size_t i = 0; i < s.columns.size(); ++i) {
        if (s.columns[i].role != ColumnRole::Field) continue;
        s.columns[i].role = ColumnRole::Name;
        s.columns[i].note = "no Name column: read as the name";
        s.roleColumn[static_cast<int>(ColumnRole::Name)] = static_cast<int>(i);
        warning(kHeader, s, s.header[i].line, s.header[i].column, "",
                "no Name, Label or Organisation column: the first other column, '" + briefText(s.columns[i].header) +
                    "', is read as the name");
        break;
      }
      if (s.col(ColumnRole::Name) < 0) {
        error(kHeader, s, s.header.empty() ? 1 : s.header[0].line, 0, "",
              "no column to read names from: expected a Name (or Label, Organisation) column for a list of "
              "organisations, or From and To columns for a list of relations; found " + headerList(s));
        s.header.clear();
        return;
      }
    }
    if (rel && (s.col(ColumnRole::From) < 0 || s.col(ColumnRole::To) < 0)) {
      error(kHeader, s, s.header[0].line, 0, "",
            std::string("a list of relations needs a From (or Source, Organisation) column and a To (or Target, "
                        "Partner) column; found ") + headerList(s));
      s.header.clear();
      return;
    }
    if (rel && s.col(ColumnRole::Type) < 0) {
      warning(kType, s, s.header[0].line, 0, "",
              "no Type (or Relationship) column: every relation is read as \"related to\"");
    }
  }

  // A list of organisations with a Name column and "From" and "To" columns holding dates (the first
  // rows tell): the dates of the organisations, not the ends of relations.
  static bool datedFromTo(const Sheet& s) {
    int from = -1, to = -1;
    bool name = false;
    for (size_t i = 0; i < s.header.size(); ++i) {
      const std::string h = foldText(trim(s.header[i].text));
      if (h == "from") from = static_cast<int>(i);
      else if (h == "to") to = static_cast<int>(i);
      else if (entityColumnRole(h, false) == ColumnRole::Name) name = true;
    }
    if (from < 0 || to < 0 || !name) return false;
    CsvReader reader(s.text, s.delimiter);
    CsvRow row;
    reader.next(row);  // the header
    size_t dates = 0;
    for (int n = 0; n < 5 && reader.next(row); ++n) {
      for (int c : {from, to}) {
        if (static_cast<size_t>(c) >= row.fields.size() || trim(row.fields[static_cast<size_t>(c)].text).empty()) continue;
        const SheetDate d = parseSheetDate(row.fields[static_cast<size_t>(c)].text);
        if (d.status != SheetDate::Ok && d.status != SheetDate::Ongoing) return false;
        ++dates;
      }
    }
    return dates > 0;
  }

  static std::string headerList(const Sheet& s) {
    std::string out;
    for (const CsvField& f : s.header) out += (out.empty() ? "" : ", ") + briefText(trim(f.text), 40);
    return out.empty() ? "no headers" : briefText(out, 300);
  }

  // Moves the reader's problems into the messages; false when the text cannot be read on.
  bool readerProblems(const Sheet& s, CsvReader& reader) {
    bool fatal = false;
    for (const CsvError& e : reader.errors()) {
      switch (e.kind) {
        case CsvProblem::InvalidUtf8:
        {
          // "invalid UTF-8: byte 0xE9 (save the file as UTF-8)": the byte.
          std::string byte = e.message.substr(std::min(e.message.size(), e.message.find(':') + 2));
          byte = byte.substr(0, byte.find(" ("));
          error(kCsv, s, e.line, e.column, "", "unreadable text: " + byte + " is not UTF-8; save the sheet as \"CSV UTF-8\"");
        }
          fatal = true;
          break;
        case CsvProblem::Unclosed:
          error(kCsv, s, e.line, e.column, "", e.message + ": the rest of the sheet would be one cell");
          fatal = true;
          break;
        default:
          warning(kCsv, s, e.line, e.column, "", e.message + "; read as written");
          break;
      }
    }
    reader.errors().clear();
    return !fatal;
  }

  void read(Sheet& s) {
    CsvReader reader(s.text, s.delimiter);
    CsvRow row;
    reader.errors().clear();  // reported by prepare()
    reader.next(row);         // the header
    reader.errors().clear();
    while (reader.next(row)) {
      if (!reader.errors().empty() && !readerProblems(s, reader)) return;
      bool blank = true;
      for (const CsvField& f : row.fields) blank = blank && trim(f.text).empty();
      if (blank) continue;
      ++s.rows;
      ++out_.counts.rows;
      if (row.fields.size() > s.header.size()) extraCells(s, row);
      if (s.kind == SheetKind::Entities) entityRow(s, row);
      else relationRow(s, row);
    }
    if (!reader.errors().empty()) readerProblems(s, reader);
  }

  void extraCells(const Sheet& s, const CsvRow& row) {
    size_t n = 0;
    for (size_t i = s.header.size(); i < row.fields.size(); ++i) n += !trim(row.fields[i].text).empty();
    if (!n) return;
    const CsvField& f = row.fields[s.header.size()];
    warning(kField, s, f.line, f.column, "",
            plural(n, "value", "values") + " past the last column (the header has " + std::to_string(s.header.size()) +
                "): kept as fields named after their column number");
  }

  // ---- cells ---------------------------------------------------------------------------------

  const CsvField* field(const Sheet& s, const CsvRow& r, ColumnRole role) const {
    const int c = s.col(role);
    return c >= 0 && static_cast<size_t>(c) < r.fields.size() ? &r.fields[static_cast<size_t>(c)] : nullptr;
  }
  std::string_view cell(const Sheet& s, const CsvRow& r, ColumnRole role) const {
    const CsvField* f = field(s, r, role);
    return f ? trim(f->text) : std::string_view{};
  }
  std::string rowWhere(const Sheet& s, const CsvRow& r) const { return s.name + ":" + std::to_string(r.line); }
  std::string cellWhere(const Sheet& s, const CsvField& f) const {
    return s.name + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
  }

  // The values of the columns kept as fields.
  void keepFields(const Sheet& s, const CsvRow& r, std::vector<Field>& out) {
    for (size_t i = 0; i < r.fields.size(); ++i) {
      if (i < s.columns.size() && s.columns[i].role != ColumnRole::Field) continue;
      const std::string_view v = trim(r.fields[i].text);
      if (v.empty()) continue;
      out.push_back({i < s.columns.size() ? s.columns[i].header : "Column " + std::to_string(i + 1), std::string(v)});
      ++out_.counts.fields;
    }
  }
  void keepField(const Sheet& s, ColumnRole role, std::string_view value, std::vector<Field>& out) {
    out.push_back({s.columns[static_cast<size_t>(s.col(role))].header, std::string(value)});
    ++out_.counts.fields;
  }

  // ---- messages ------------------------------------------------------------------------------

  void message(std::vector<Located>& list, size_t* counts, Sort sort, const Sheet& s, uint32_t line, uint32_t column,
               std::string_view header, std::string text) {
    if (counts[sort]++ >= opt_.maxMessages) return;
    std::string where = s.name + ":" + std::to_string(line);
    if (column) where += ":" + std::to_string(column);
    if (!header.empty()) where += ": column " + briefText(header);
    list.push_back({s.order, line, column, {std::move(where), std::move(text)}});
  }
  void warning(Sort sort, const Sheet& s, uint32_t line, uint32_t column, std::string_view header, std::string text) {
    message(warnings_, warningCount_, sort, s, line, column, header, std::move(text));
  }
  void error(Sort sort, const Sheet& s, uint32_t line, uint32_t column, std::string_view header, std::string text) {
    message(errors_, errorCount_, sort, s, line, column, header, std::move(text));
  }
  // At a cell (its column's header named).
  void warnAt(Sort sort, const Sheet& s, const CsvField& f, ColumnRole role, std::string text) {
    warning(sort, s, f.line, f.column, s.columns[static_cast<size_t>(s.col(role))].header, std::move(text));
  }
  void errorAt(Sort sort, const Sheet& s, const CsvField& f, ColumnRole role, std::string text) {
    error(sort, s, f.line, f.column, s.columns[static_cast<size_t>(s.col(role))].header, std::move(text));
  }

  // ---- ids -------------------------------------------------------------------------------------

  bool baseUses(const std::string& id) {
    if (!base_) return false;
    if (base_->findEntity(id) >= 0) return true;
    if (!baseIdsBuilt_) {
      baseIdsBuilt_ = true;
      for (const Source& x : base_->sources) baseIds_.insert(x.id);
      for (const Relation& x : base_->relations) baseIds_.insert(x.id);
      for (const Event& x : base_->events) baseIds_.insert(x.id);
      for (const Story& x : base_->stories) baseIds_.insert(x.id);
    }
    return baseIds_.count(id) > 0;
  }
  bool used(const std::string& id) { return usedIds_.count(id) || baseUses(id); }
  // `stem` unused, else stem-2, stem-3 ... (a counter per stem keeps this O(1) however many repeat).
  std::string uniqueId(const std::string& stem) {
    if (!used(stem)) {
      usedIds_.insert(stem);
      return stem;
    }
    size_t& n = nextSuffix_[stem];
    if (n < 2) n = 2;
    std::string id;
    do id = stem + "-" + std::to_string(n++);
    while (used(id));
    usedIds_.insert(id);
    return id;
  }
  std::string madeUpId(std::string_view prefix, std::string_view name) {
    std::string slug = slugOf(name);
    if (slug.empty()) {  // no ASCII letter or digit: a short fingerprint of the name
      uint32_t h = 2166136261u;
      for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
      static const char* hex = "0123456789abcdef";
      for (int i = 7; i >= 0; --i) slug += hex[(h >> (4 * i)) & 15];
    }
    ++out_.counts.madeUpIds;
    return uniqueId(std::string(prefix) + "-" + slug);
  }

  // ---- names -----------------------------------------------------------------------------------

  static void addKey(std::unordered_map<std::string, std::vector<uint32_t>>& index, const std::string& text, uint32_t i) {
    std::vector<uint32_t>& v = index[matchKey(text)];
    if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
  }
  void indexEntity(uint32_t i) {
    const Entity& e = c_.entities[i];
    entityIds_.emplace(e.id, i);
    addKey(nameIndex_, e.name, i);
    for (const std::string& a : e.aliases) addKey(aliasIndex_, a, i);
    if (!e.shortName.empty()) addKey(aliasIndex_, e.shortName, i);
  }

  void buildBaseIndex() {
    if (!base_ || baseIndexed_) return;
    baseIndexed_ = true;
    for (uint32_t i = 0; i < base_->entities.size(); ++i) {
      const Entity& e = base_->entities[i];
      baseNames_[matchKey(e.name)].push_back(i);
      for (const std::string& a : e.aliases) baseAliases_[matchKey(a)].push_back(i);
      if (!e.shortName.empty()) baseAliases_[matchKey(e.shortName)].push_back(i);
    }
    for (auto* m : {&baseNames_, &baseAliases_}) {
      for (auto& [k, v] : *m) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
      }
    }
  }

  static const std::vector<uint32_t>* lookup(const std::unordered_map<std::string, std::vector<uint32_t>>& m,
                                             const std::string& key) {
    auto it = m.find(key);
    return it == m.end() || it->second.empty() ? nullptr : &it->second;
  }

  std::string candidates(const std::vector<uint32_t>& v, bool onBase) const {
    std::string s;
    for (size_t k = 0; k < v.size() && k < 5; ++k) {
      const Entity& e = onBase ? base_->entities[v[k]] : c_.entities[v[k]];
      s += (k ? "; " : "") + briefText(e.name) + " (" + e.id + (onBase ? ", on the map" : ", " + entityWhere_[v[k]]) + ")";
    }
    if (v.size() > 5) s += "; and " + std::to_string(v.size() - 5) + " more";
    return s;
  }

  // A map entity (and the sources it cites) brought into the import, once.
  uint32_t copyBase(uint32_t b) {
    auto it = copied_.find(b);
    if (it != copied_.end()) return it->second;
    // A row of the sheet that wrote this map entity's id already stands for it (the merge joins them by
    // id): refer to that row, never a second entity with the same id. Rare, so a scan is fine.
    if (usedIds_.count(base_->entities[b].id)) {
      for (uint32_t i = 0; i < c_.entities.size(); ++i) {
        if (c_.entities[i].id == base_->entities[b].id) {
          copied_.emplace(b, i);
          return i;
        }
      }
    }
    Entity e = base_->entities[b];
    e.own = false;
    auto remap = [&](std::vector<Citation>& cits) {
      for (Citation& c : cits) c.source = copySource(c.source);
    };
    remap(e.citations);
    for (Figure& f : e.figures) remap(f.citations);
    usedIds_.insert(e.id);
    const uint32_t i = static_cast<uint32_t>(c_.entities.size());
    c_.entities.push_back(std::move(e));
    entityWhere_.emplace_back();
    indexEntity(i);
    copied_.emplace(b, i);
    ++out_.counts.mapEntities;
    out_.review.onMap.push_back({base_->entities[b].name, base_->entities[b].id, base_->entities[b].name});
    return i;
  }
  uint32_t copySource(uint32_t b) {
    auto it = copiedSources_.find(b);
    if (it != copiedSources_.end()) return it->second;
    const uint32_t i = static_cast<uint32_t>(c_.sources.size());
    c_.sources.push_back(base_->sources[b]);
    usedIds_.insert(c_.sources.back().id);
    copiedSources_.emplace(b, i);
    return i;
  }

  // The entity a From or To cell names: by id (the corpus's, or the sheet's own ID column), then by name,
  // then alias, in the sheet and then on the map. A name found nowhere is added as an organisation. -1
  // after an error.
  int64_t resolve(const Sheet& s, const CsvField& f, ColumnRole role) {
    const std::string raw = oneLine(f.text);
    if (auto it = sheetKeys_.find(raw); it != sheetKeys_.end()) return it->second;
    std::string lower = raw;
    for (char& c : lower) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (auto it = entityIds_.find(lower); it != entityIds_.end()) return it->second;
    if (base_ && validId(lower)) {
      const int b = base_->findEntity(lower);
      if (b >= 0) return copyBase(static_cast<uint32_t>(b));
    }
    const std::string key = matchKey(raw);
    if (key.empty()) {
      errorAt(kRef, s, f, role, "expected the name or id of an organisation (or other entity), found " + shown(raw));
      return -1;
    }
    auto tier = [&](const std::vector<uint32_t>* v, bool onBase, const char* how) -> int64_t {
      if (!v) return -2;
      if (v->size() == 1) return onBase ? copyBase((*v)[0]) : (*v)[0];
      errorAt(kRef, s, f, role, shown(raw) + " matches " + std::to_string(v->size()) + " entities by " + how + ": " +
                                    candidates(*v, onBase) + "; write the id or the full name of the one you mean");
      return -1;
    };
    for (int t = 0; t < 2; ++t) {
      const int64_t r = tier(lookup(t == 0 ? nameIndex_ : aliasIndex_, key), false, t == 0 ? "name" : "alias");
      if (r != -2) return r;
    }
    if (base_) {
      buildBaseIndex();
      for (int t = 0; t < 2; ++t) {
        const int64_t r = tier(lookup(t == 0 ? baseNames_ : baseAliases_, key), true, t == 0 ? "name" : "alias");
        if (r != -2) return r;
      }
    }
    if (looksLikeId(lower)) {
      errorAt(kRef, s, f, role, "unknown entity id " + shown(raw) + (base_ ? " (not in the sheet nor on the map)" : " (not in the sheet)"));
      return -1;
    }
    // Named only here: added as an organisation (its type read from its name when that says it).
    Entity e;
    e.name = raw;
    e.own = true;
    const EntityTypeGuess g = guessTypeFromName(raw);
    e.kind = Kind::Organisation;
    e.type = g.quality == GuessQuality::None ? "other" : std::string(g.type);
    if (g.quality != GuessQuality::None) noteGuess(s, f, ColumnRole::Count, raw, "organisation/" + e.type, g.quality, false, false);
    e.id = madeUpId(idPrefix(e.kind), raw);
    const uint32_t i = static_cast<uint32_t>(c_.entities.size());
    c_.entities.push_back(std::move(e));
    entityWhere_.push_back(s.name + ":" + std::to_string(f.line));
    indexEntity(i);
    ++out_.counts.addedFromRelations;
    ++out_.counts.entities[static_cast<int>(Kind::Organisation)];
    countNoSource(s, f.line);
    if (out_.review.addedNames.size() < 50) out_.review.addedNames.push_back(raw);
    warnAt(kAdded, s, f, role, shown(raw) + " is not " +
                                   (entitySheets_ ? std::string("in the list of organisations") : std::string("listed")) +
                                   (base_ ? " nor on the map" : "") + ": added as an organisation" +
                                   (c_.entities[i].type == "other" ? "" : " (" + c_.entities[i].type + ")") +
                                   ", with no source given");
    return i;
  }

  // ---- guesses ---------------------------------------------------------------------------------

  void noteGuess(const Sheet& s, const CsvField& f, ColumnRole role, std::string_view written, std::string readAs,
                 GuessQuality q, bool relation, bool reversed) {
    // ColumnRole::Count: a type read from a name (no column).
    const std::string header =
        role != ColumnRole::Count && s.col(role) >= 0 ? s.columns[static_cast<size_t>(s.col(role))].header : "";
    std::string key = s.name + '\x1f' + header + '\x1f' + foldText(written) + '\x1f' + readAs;
    auto it = guessIndex_.find(key);
    if (it != guessIndex_.end()) {
      if (it->second != SIZE_MAX) ++out_.review.guesses[it->second].rows;
      return;
    }
    if (out_.review.guesses.size() >= 200) {
      ++out_.review.moreGuesses;
      if (guessIndex_.size() < 20000) guessIndex_.emplace(std::move(key), SIZE_MAX);
      return;
    }
    guessIndex_.emplace(std::move(key), out_.review.guesses.size());
    ImportGuess g;
    g.sheet = s.name;
    g.column = header;
    g.written = std::string(written);
    g.readAs = std::move(readAs);
    g.quality = q;
    g.relation = relation;
    g.reversed = reversed;
    g.rows = 1;
    g.where = cellWhere(s, f);
    out_.review.guesses.push_back(std::move(g));
    guessAt_.push_back({&s, f.line, f.column});
  }

  // ---- dates -----------------------------------------------------------------------------------

  // The Date, or Start and End, cells of a row as one date. Cells not understood are warned about, left
  // out and kept as fields.
  void readDate(const Sheet& s, const CsvRow& r, DateField& out, std::vector<Field>& fields) {
    SheetDate d[3];
    const ColumnRole roles[3] = {ColumnRole::Date, ColumnRole::Start, ColumnRole::End};
    for (int k = 0; k < 3; ++k) {
      const CsvField* f = field(s, r, roles[k]);
      if (!f || trim(f->text).empty()) continue;
      d[k] = parseSheetDate(f->text);
      if (d[k].status == SheetDate::Unknown) {
        ++out_.counts.unknownDates;
        warnAt(kDate, s, *f, roles[k], "date " + shown(trim(f->text)) + " not understood" +
                                           (d[k].hint.empty() ? "" : " (" + d[k].hint + ")") +
                                           ": left out (write 2023, April 2023, 04/2023, 1/4/2023 or 2023-04-01)");
        keepField(s, roles[k], trim(f->text), fields);
      } else if (d[k].status == SheetDate::Ongoing && k != 2) {
        keepField(s, roles[k], trim(f->text), fields);
      }
    }
    const bool span = d[1].status == SheetDate::Ok || d[2].status == SheetDate::Ok;
    if (span) {
      Date joined;
      std::string edtf, hint;
      if (joinDates(d[1], d[2], joined, edtf, hint)) {
        out.text = edtf;
        out.value = joined;
        if (d[0].status == SheetDate::Ok) keepField(s, ColumnRole::Date, trim(field(s, r, ColumnRole::Date)->text), fields);
        return;
      }
      const CsvField* f = field(s, r, d[1].status == SheetDate::Ok ? ColumnRole::Start : ColumnRole::End);
      ++out_.counts.unknownDates;
      warnAt(kDate, s, *f, d[1].status == SheetDate::Ok ? ColumnRole::Start : ColumnRole::End,
             "the dates cannot be joined into one span (" + hint + "): left out");
      for (int k = 1; k < 3; ++k) {
        if (d[k].status == SheetDate::Ok) keepField(s, roles[k], trim(field(s, r, roles[k])->text), fields);
      }
    }
    if (d[0].status == SheetDate::Ok) {
      out.text = d[0].edtf;
      out.value = d[0].date;
    }
  }

  // ---- sources ---------------------------------------------------------------------------------

  // The row's source columns as a citation of the item; false (and counted) when the row gives none.
  bool readCitation(const Sheet& s, const CsvRow& r, std::vector<Citation>& cits) {
    std::string title(cell(s, r, ColumnRole::SourceTitle)), url(cell(s, r, ColumnRole::SourceUrl));
    const std::string_view any = cell(s, r, ColumnRole::SourceAny);
    if (!any.empty()) {
      if (looksLikeUrl(any) && url.empty()) url = std::string(any);
      else if (!looksLikeUrl(any) && title.empty()) title = oneLine(any);
      else if (title.empty()) title = std::string(any);
    }
    title = oneLine(title);
    const std::string quote(cell(s, r, ColumnRole::Quote)), note(cell(s, r, ColumnRole::Note));
    const std::string publisher = oneLine(cell(s, r, ColumnRole::Publisher));
    const std::string seed(cell(s, r, ColumnRole::SourceSeed));
    if (title.empty() && url.empty()) {
      if (!quote.empty() || !note.empty()) {
        const CsvField* f = field(s, r, quote.empty() ? ColumnRole::Note : ColumnRole::Quote);
        warnAt(kSource, s, *f, quote.empty() ? ColumnRole::Note : ColumnRole::Quote,
               "a quote or note without a source title or address: left out (the row counts as having no source)");
      }
      return false;
    }
    // A source is named by its address when it has one, else by its title.
    size_t index;
    auto byUrl = url.empty() ? bySourceUrl_.end() : bySourceUrl_.find(url);
    auto byTitle = title.empty() ? bySourceTitle_.end() : bySourceTitle_.find(title);
    if (byUrl != bySourceUrl_.end()) {
      index = byUrl->second;
    } else if (byTitle != bySourceTitle_.end() && (url.empty() || c_.sources[byTitle->second].url.empty())) {
      index = byTitle->second;
    } else {
      index = c_.sources.size();
      Source src;
      src.external = true;
      c_.sources.push_back(std::move(src));
      sourceWhere_.emplace(index, rowWhere(s, r));
      ++out_.counts.sources;
    }
    Source& src = c_.sources[index];
    auto fill = [&](std::string& have, const std::string& given, ColumnRole role, const char* what) {
      if (given.empty()) return;
      if (have.empty()) { have = given; return; }
      if (have != given) {
        const CsvField* f = field(s, r, role);
        if (!f) f = field(s, r, ColumnRole::SourceAny);
        if (f) {
          warning(kSource, s, f->line, f->column, "",
                  std::string("this source's ") + what + " was given as " + shown(have) + " before; " + shown(given) +
                      " is left out (rows citing one source agree on it)");
        }
      }
    };
    fill(src.url, url, ColumnRole::SourceUrl, "address");
    fill(src.title, title, ColumnRole::SourceTitle, "title");
    fill(src.publisher, publisher, ColumnRole::Publisher, "publisher");
    fill(src.seed, seed, ColumnRole::SourceSeed, "seed document");
    if (!src.seed.empty()) src.external = false;
    if (!src.url.empty()) bySourceUrl_.emplace(src.url, index);
    if (!src.title.empty()) bySourceTitle_.emplace(src.title, index);
    if (!src.date.present()) {
      if (const CsvField* f = field(s, r, ColumnRole::SourceDate); f && !trim(f->text).empty()) {
        const SheetDate d = parseSheetDate(f->text);
        if (d.status == SheetDate::Ok) {
          src.date.text = d.edtf;
          src.date.value = d.date;
        } else if (d.status == SheetDate::Unknown) {
          ++out_.counts.unknownDates;
          warnAt(kDate, s, *f, ColumnRole::SourceDate, "source date " + shown(trim(f->text)) + " not understood: left out");
        }
      }
    }
    Citation c;
    c.source = static_cast<uint32_t>(index);
    c.quote = quote;
    c.note = note;
    if (!src.seed.empty() && c.quote.empty()) {
      // A seed document's citations quote it: the corpus rule, kept.
      const CsvField* f = field(s, r, ColumnRole::Quote);
      if (f) errorAt(kSource, s, *f, ColumnRole::Quote, "a citation of a seed document needs a quote, found an empty cell");
      else error(kSource, s, r.line, 0, "", "a citation of a seed document needs a quote: this sheet has no Quote column");
      return true;
    }
    // A source may learn that it is a seed document from a later row: remember the first citation of it
    // without a quote, to report then.
    if (c.quote.empty() && !quotelessAt_.count(index)) quotelessAt_.emplace(index, At{&s, r.line, 0});
    if (c.quote.empty() && c.note.empty()) c.note = "Given as the source in " + rowWhere(s, r) + ".";
    cits.push_back(std::move(c));
    return true;
  }

  // An item of the user's own with no source: counted, and the first one remembered for the warning.
  void countNoSource(const Sheet& s, uint32_t line) {
    if (!out_.counts.noSource++) firstNoSource_ = {&s, line, 0};
  }

  // ---- entities --------------------------------------------------------------------------------

  bool ownCellsEmpty(const Sheet& s, const CsvRow& r, std::initializer_list<ColumnRole> roles) const {
    for (ColumnRole role : roles) if (!cell(s, r, role).empty()) return false;
    return true;
  }

  void entityRow(const Sheet& s, const CsvRow& r) {
    const std::string idCell = oneLine(cell(s, r, ColumnRole::Id));
    if (!idCell.empty()) {
      auto seen = sheetKeys_.find(idCell);
      if (seen != sheetKeys_.end()) {
        Entity& e = c_.entities[seen->second];
        if (ownCellsEmpty(s, r, {ColumnRole::Kind, ColumnRole::Type, ColumnRole::Name, ColumnRole::Aliases,
                                 ColumnRole::ShortName, ColumnRole::Date, ColumnRole::Start, ColumnRole::End,
                                 ColumnRole::Description, ColumnRole::Url})) {
          readCitation(s, r, e.citations);  // one more citation of that entity
          keepFields(s, r, e.fields);
        } else {
          errorAt(kDuplicate, s, *field(s, r, ColumnRole::Id), ColumnRole::Id,
                  "id " + shown(idCell) + " is used twice (first at " + entityWhere_[seen->second] +
                      "); to add a citation to it, repeat the id and leave the other columns empty");
        }
        return;
      }
    }
    const std::string name = oneLine(cell(s, r, ColumnRole::Name));
    if (name.empty()) {
      const CsvField* f = field(s, r, ColumnRole::Name);
      if (f) warnAt(kNoName, s, *f, ColumnRole::Name, "a row without a name: left out");
      else warning(kNoName, s, r.line, 0, "", "a row without a name: left out");
      return;
    }
    // Kind and type.
    Kind kind = Kind::Organisation;
    std::string type = "other";
    std::vector<Field> fields;
    const std::string_view kindCell = cell(s, r, ColumnRole::Kind), typeCell = cell(s, r, ColumnRole::Type);
    bool kindKnown = false;
    EntityTypeGuess kindAsType;
    if (!kindCell.empty()) {
      kindKnown = guessKind(kindCell, kind);
      if (!kindKnown) {
        kindAsType = guessEntityType(kindCell);  // "Charity" under Kind
        if (kindAsType.quality != GuessQuality::None) {
          kind = kindAsType.kind;
          kindKnown = true;
          if (!kindAsType.kindOnly) type = kindAsType.type;
        }
      }
      if (!kindKnown) {
        ++out_.counts.unknownTypes;
        noteGuess(s, *field(s, r, ColumnRole::Kind), ColumnRole::Kind, kindCell, "organisation", GuessQuality::None, false, false);
        keepField(s, ColumnRole::Kind, kindCell, fields);
      }
    }
    if (!typeCell.empty()) {
      const EntityTypeGuess g = guessEntityType(typeCell, kindKnown ? &kind : nullptr);
      const CsvField& f = *field(s, r, ColumnRole::Type);
      if (g.quality == GuessQuality::None) {
        ++out_.counts.unknownTypes;
        noteGuess(s, f, ColumnRole::Type, typeCell, std::string(kindName(kind)) + "/other", GuessQuality::None, false, false);
        keepField(s, ColumnRole::Type, typeCell, fields);
        type = kind == Kind::Theme ? "theme" : "other";
      } else {
        kind = g.kind;
        type = g.type;
        if (g.quality != GuessQuality::Exact) ++out_.counts.guessedTypes;
        noteGuess(s, f, ColumnRole::Type, typeCell, std::string(kindName(kind)) + "/" + type, g.quality, false, false);
      }
    } else if (!kindKnown) {
      const EntityTypeGuess g = guessTypeFromName(name);
      if (g.quality != GuessQuality::None) {
        type = g.type;
        ++out_.counts.guessedTypes;
        const CsvField& f = *field(s, r, ColumnRole::Name);
        noteGuess(s, f, ColumnRole::Count, name, "organisation/" + type, g.quality, false, false);
      } else {
        if (!untyped_++) untypedAt_ = {&s, r.line};
      }
    } else if (kind == Kind::Theme) {
      type = "theme";
    }
    if (kind == Kind::Theme) type = "theme";

    // The same name again (no ids to tell them apart): one entity.
    const std::string key = matchKey(name);
    if (idCell.empty()) {
      if (const auto* same = lookup(nameIndex_, key)) {
        for (uint32_t i : *same) {
          Entity& e = c_.entities[i];
          if (e.kind != kind || !e.own || explicitIds_.count(i)) continue;
          mergeRow(s, r, e, fields);
          warnAt(kSameName, s, *field(s, r, ColumnRole::Name), ColumnRole::Name,
                 shown(name) + " is also at " + entityWhere_[i] + ": read as one " + std::string(kindName(kind)) +
                     " (its other values are added)");
          return;
        }
      }
    }

    Entity e;
    e.own = true;
    e.name = name;
    e.kind = kind;
    e.type = type;
    readAliases(s, r, e);
    e.description = std::string(cell(s, r, ColumnRole::Description));
    e.url = oneLine(cell(s, r, ColumnRole::Url));
    readDate(s, r, e.date, fields);
    keepFields(s, r, fields);
    e.fields = std::move(fields);
    // Its id: the one written, a map entity's of the same name, or one made up from the name.
    bool explicitId = false;
    if (!idCell.empty()) {
      std::string lower = idCell;
      if (validId(lower) && lower.size() <= 100 && !usedIds_.count(lower)) {
        e.id = lower;
        usedIds_.insert(lower);
        explicitId = true;
      } else {
        e.fields.insert(e.fields.begin(), {s.columns[static_cast<size_t>(s.col(ColumnRole::Id))].header, idCell});
        ++out_.counts.fields;
      }
    }
    if (e.id.empty() && base_) {
      buildBaseIndex();
      const std::vector<uint32_t>* v = lookup(baseNames_, key);
      if (!v) v = lookup(baseAliases_, key);
      if (v && v->size() == 1) {
        const Entity& b = base_->entities[(*v)[0]];
        if (!usedIds_.count(b.id)) {
          e.id = b.id;
          usedIds_.insert(b.id);
        }
        ++out_.counts.onMap;
        out_.review.onMap.push_back({name, b.id, b.name});
      } else if (v) {
        warnAt(kRef, s, *field(s, r, ColumnRole::Name), ColumnRole::Name,
               shown(name) + " matches " + std::to_string(v->size()) + " entities on the map: " + candidates(*v, true) +
                   "; added as a new " + std::string(kindName(kind)) + " (write the id of the one you mean to join it)");
      }
    }
    if (e.id.empty()) e.id = madeUpId(idPrefix(kind), name);
    if (!readCitation(s, r, e.citations)) countNoSource(s, r.line);
    const uint32_t i = static_cast<uint32_t>(c_.entities.size());
    c_.entities.push_back(std::move(e));
    entityWhere_.push_back(rowWhere(s, r));
    indexEntity(i);
    if (explicitId) explicitIds_.insert(i);
    if (!idCell.empty()) sheetKeys_.emplace(idCell, i);
    ++out_.counts.entities[static_cast<int>(kind)];
  }

  void readAliases(const Sheet& s, const CsvRow& r, Entity& e) {
    std::string_view rest = cell(s, r, ColumnRole::Aliases);
    while (!rest.empty()) {
      const size_t cut = rest.find_first_of(";|\n");
      const std::string a = oneLine(rest.substr(0, cut));
      if (!a.empty() && a != e.name && std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end()) {
        e.aliases.push_back(a);
      }
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    }
    const std::string shortName = oneLine(cell(s, r, ColumnRole::ShortName));
    if (!shortName.empty()) e.shortName = shortName;
  }

  // A second row for an entity already read: what it adds.
  void mergeRow(const Sheet& s, const CsvRow& r, Entity& e, std::vector<Field>& fields) {
    Entity extra;
    extra.name = e.name;
    readAliases(s, r, extra);
    for (std::string& a : extra.aliases) {
      if (std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end()) {
        addKey(aliasIndex_, a, static_cast<uint32_t>(&e - c_.entities.data()));
        e.aliases.push_back(std::move(a));
      }
    }
    if (e.shortName.empty()) e.shortName = extra.shortName;
    const std::string_view desc = cell(s, r, ColumnRole::Description);
    if (e.description.empty()) e.description = std::string(desc);
    else if (!desc.empty() && desc != e.description) fields.push_back({s.columns[static_cast<size_t>(s.col(ColumnRole::Description))].header, std::string(desc)});
    const std::string url = oneLine(cell(s, r, ColumnRole::Url));
    if (e.url.empty()) e.url = url;
    else if (!url.empty() && url != e.url) fields.push_back({s.columns[static_cast<size_t>(s.col(ColumnRole::Url))].header, url});
    DateField d;
    readDate(s, r, d, fields);
    if (!e.date.present()) e.date = d;
    keepFields(s, r, fields);
    for (Field& f : fields) {
      if (std::find(e.fields.begin(), e.fields.end(), f) == e.fields.end()) e.fields.push_back(std::move(f));
    }
    const bool hadSource = !e.citations.empty();
    readCitation(s, r, e.citations);
    if (!hadSource && !e.citations.empty() && out_.counts.noSource) --out_.counts.noSource;
  }

  // ---- relations -------------------------------------------------------------------------------

  void relationRow(const Sheet& s, const CsvRow& r) {
    const std::string idCell = oneLine(cell(s, r, ColumnRole::Id));
    std::string lowerId = idCell;
    for (char& c : lowerId) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!idCell.empty()) {
      auto seen = relationIds_.find(lowerId);
      if (seen != relationIds_.end()) {
        Relation& rel = c_.relations[seen->second];
        if (ownCellsEmpty(s, r, {ColumnRole::From, ColumnRole::To, ColumnRole::Type, ColumnRole::Date,
                                 ColumnRole::Start, ColumnRole::End, ColumnRole::Description, ColumnRole::Role})) {
          readCitation(s, r, rel.citations);
          keepFields(s, r, rel.fields);
        } else {
          errorAt(kDuplicate, s, *field(s, r, ColumnRole::Id), ColumnRole::Id,
                  "id " + shown(idCell) + " is used twice (first at " + relationWhere_[seen->second] +
                      "); to add a citation to it, repeat the id and leave the other columns empty");
        }
        return;
      }
    }
    const CsvField* fromF = field(s, r, ColumnRole::From);
    const CsvField* toF = field(s, r, ColumnRole::To);
    const bool noFrom = !fromF || trim(fromF->text).empty(), noTo = !toF || trim(toF->text).empty();
    if (noFrom || noTo) {
      const std::string what = noFrom && noTo ? "both its ends are empty" : noFrom ? "its From cell is empty" : "its To cell is empty";
      if ((noFrom ? fromF : toF) != nullptr) {
        errorAt(kRef, s, noFrom ? *fromF : *toF, noFrom ? ColumnRole::From : ColumnRole::To,
                "a relation to nobody: " + what + " (write the name or id of an organisation)");
      } else {
        error(kRef, s, r.line, 0, "", "a relation to nobody: " + what + " (write the name or id of an organisation)");
      }
      return;
    }
    const int64_t from = resolve(s, *fromF, ColumnRole::From);
    const int64_t to = resolve(s, *toF, ColumnRole::To);
    std::vector<Field> fields;
    // Its type.
    Relation rel;
    rel.own = true;
    const std::string_view typeCell = cell(s, r, ColumnRole::Type);
    RelationTypeGuess g;
    if (!typeCell.empty()) g = guessRelationType(typeCell);
    bool partner = false;
    std::string role = oneLine(cell(s, r, ColumnRole::Role));
    if (g.quality == GuessQuality::None) {
      rel.type = relationTypeIndex("related-to");
      if (!typeCell.empty()) {
        ++out_.counts.unknownTypes;
        noteGuess(s, *field(s, r, ColumnRole::Type), ColumnRole::Type, typeCell, "related-to", GuessQuality::None, true, false);
        if (role.empty()) role = oneLine(typeCell);
        else keepField(s, ColumnRole::Type, typeCell, fields);
      } else if (s.col(ColumnRole::Type) >= 0) {
        if (!untypedRelations_++) untypedRelationAt_ = {&s, r.line};
      }
    } else {
      rel.type = g.type;
      partner = g.partnerWord;
      if (g.quality != GuessQuality::Exact) ++out_.counts.guessedTypes;
      noteGuess(s, *field(s, r, ColumnRole::Type), ColumnRole::Type, typeCell,
                std::string(relationTypes()[static_cast<size_t>(g.type)].id), g.quality, true, g.reversed);
    }
    readDate(s, r, rel.date, fields);
    rel.description = std::string(cell(s, r, ColumnRole::Description));
    rel.role = role;
    keepFields(s, r, fields);
    rel.fields = std::move(fields);
    if (from < 0 || to < 0) return;  // reported
    rel.from = static_cast<uint32_t>(g.reversed ? to : from);
    rel.to = static_cast<uint32_t>(g.reversed ? from : to);
    if (!idCell.empty() && validId(lowerId) && lowerId.size() <= 100 && !used(lowerId)) {
      rel.id = lowerId;
      usedIds_.insert(lowerId);
    } else {
      if (!idCell.empty()) {
        rel.fields.insert(rel.fields.begin(), {s.columns[static_cast<size_t>(s.col(ColumnRole::Id))].header, idCell});
        ++out_.counts.fields;
      }
      const Entity& a = c_.entities[rel.from];
      const Entity& b = c_.entities[rel.to];
      rel.id = uniqueId("rel-" + shortSlug(a) + "-" + std::string(relationTypes()[static_cast<size_t>(rel.type)].id) + "-" +
                        shortSlug(b));
      ++out_.counts.madeUpIds;
    }
    if (!readCitation(s, r, rel.citations)) countNoSource(s, r.line);
    const uint32_t i = static_cast<uint32_t>(c_.relations.size());
    if (!idCell.empty()) relationIds_.emplace(lowerId, i);
    c_.relations.push_back(std::move(rel));
    relationWhere_.push_back(rowWhere(s, r));
    relationAt_.push_back({&s, r.line, 0});
    partnerWord_.push_back(partner);
    ++out_.counts.relations;
  }

  // An entity's id without its kind prefix, short: for relation ids.
  static std::string shortSlug(const Entity& e) {
    std::string_view id = e.id;
    const size_t dash = id.find('-');
    if (dash != std::string_view::npos && dash + 1 < id.size()) id.remove_prefix(dash + 1);
    std::string s(id);
    if (s.size() > 24) {
      const size_t cut = s.rfind('-', 24);
      s.resize(cut != std::string::npos && cut >= 12 ? cut : 24);
    }
    while (!s.empty() && s.back() == '-') s.pop_back();
    return s.empty() ? "x" : s;
  }

  // ---- the end ---------------------------------------------------------------------------------

  void finish(const std::vector<Sheet>& sheets) {
    // "partner" of a partnership or programme is taking part in it.
    const int partnerIn = relationTypeIndex("partner-in");
    for (size_t i = 0; i < c_.relations.size(); ++i) {
      Relation& rel = c_.relations[i];
      if (!partnerWord_[i]) continue;
      const Kind k = c_.entities[rel.to].kind;
      if (k == Kind::Partnership || k == Kind::Programme) rel.type = partnerIn;
    }
    // Every source has a title and a publisher (the corpus rule), and an id.
    size_t noPublisher = 0;
    for (size_t i = 0; i < c_.sources.size(); ++i) {
      Source& src = c_.sources[i];
      if (!src.id.empty()) continue;  // a map source
      if (!src.seed.empty()) {
        auto q = quotelessAt_.find(i);
        if (q != quotelessAt_.end()) {
          error(kSource, *q->second.sheet, q->second.line, 0, "",
                "a citation of a seed document (" + briefText(src.seed) + ", given on a later row) needs a quote; this "
                "row gives none");
        }
      }
      if (src.title.empty()) src.title = src.url;
      if (src.publisher.empty()) {
        src.publisher = src.url.empty() ? "Publisher not given" : hostOf(src.url);
        if (src.publisher.empty()) src.publisher = "Publisher not given";
        ++noPublisher;
      }
      src.id = uniqueId("src-" + (slugOf(src.title, 40).empty() ? std::string("sheet") : slugOf(src.title, 40)));
    }
    // What has no source: allowed for the user's own items, and said once.
    if (out_.counts.noSource && firstNoSource_.sheet) {
      warning(kSource, *firstNoSource_.sheet, firstNoSource_.line, 0, "",
              plural(out_.counts.noSource, "item has", "items have") + " no source" +
                  (out_.counts.noSource > 1 ? " (the first here)" : "") +
                  ": shown as \"no source given\" (add a Source column to cite one)");
    }
    // What has no type.
    if (untyped_) {
      warning(kType, *untypedAt_.sheet, untypedAt_.line, 0, "",
              plural(untyped_, "row has", "rows have") + " no type: read as " +
                  (untyped_ == 1 ? "an organisation" : "organisations") + " of type other" +
                  (untyped_ > 1 ? " (the first here)" : ""));
    }
    if (untypedRelations_) {
      warning(kType, *untypedRelationAt_.sheet, untypedRelationAt_.line, 0, "",
              plural(untypedRelations_, "relation has", "relations have") + " no type: read as \"related to\"" +
                  (untypedRelations_ > 1 ? " (the first here)" : ""));
    }
    // Words not understood: one warning each, where first met.
    for (size_t i = 0; i < out_.review.guesses.size(); ++i) {
      const ImportGuess& g = out_.review.guesses[i];
      if (g.quality != GuessQuality::None) continue;
      const std::string what = g.relation ? "a relation type" : "a kind or type";
      const std::string became = g.relation ? "\"related to\" (the words kept as its role)" : g.readAs + " (the words kept as a field)";
      warning(kType, *guessAt_[i].sheet, guessAt_[i].line, guessAt_[i].column, g.column,
              shown(g.written) + " is not " + what + " we know: read as " + became +
                  (g.rows > 1 ? ", on " + std::to_string(g.rows) + " rows (the first here)" : ""));
    }
    // Cycles of successions or parts among the imported relations.
    if (!c_.relations.empty()) {
      c_.buildIndex();
      for (const RelationCycle& cyc : findRelationCycles(c_, opt_.maxMessages)) {
        const At& at = relationAt_[cyc.relations.back()];
        error(kCycle, *at.sheet, at.line, 0, "",
              "a cycle of \"" + std::string(relationTypes()[static_cast<size_t>(cyc.type)].id) +
                  "\" relations (a body cannot follow or contain itself): " + describeCycle(c_, cyc));
      }
    }
    // The counts of messages left out.
    for (int sort = 0; sort < kSortCount; ++sort) {
      for (int list = 0; list < 2; ++list) {
        const size_t n = list ? errorCount_[sort] : warningCount_[sort];
        if (n <= opt_.maxMessages) continue;
        (list ? errors_ : warnings_)
            .push_back({99, UINT32_MAX, 0,
                        {"", "and " + std::to_string(n - opt_.maxMessages) + " more " + (list ? "errors" : "warnings") +
                                 " of this sort (" + kSortWords[sort] + ")"}});
      }
    }
    auto order = [](const Located& a, const Located& b) {
      if (a.sheet != b.sheet) return a.sheet < b.sheet;
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    };
    std::stable_sort(errors_.begin(), errors_.end(), order);
    std::stable_sort(warnings_.begin(), warnings_.end(), order);
    for (Located& l : errors_) out_.errors.push_back(std::move(l.d));
    for (Located& l : warnings_) out_.warnings.push_back(std::move(l.d));

    for (const Sheet& s : sheets) {
      SheetSummary sum;
      sum.name = s.name;
      sum.kind = s.kind;
      sum.delimiter = s.delimiter;
      sum.rows = s.rows;
      sum.columns = s.columns;
      out_.review.sheets.push_back(std::move(sum));
    }
    review(noPublisher);
    c_.format = "1.0";
    std::string names;
    for (const Sheet& s : sheets) names += (names.empty() ? "" : " and ") + s.name;
    c_.title = "Your data" + (names.empty() ? std::string() : " (" + names + ")");
    out_.entityWhere = std::move(entityWhere_);
    out_.relationWhere = std::move(relationWhere_);
    if (out_.errors.empty()) {
      c_.buildIndex();
      out_.corpus = std::move(c_);
    }
  }

  // The words of the review screen.
  void review(size_t noPublisher) {
    ImportReview& rv = out_.review;
    const ImportCounts& n = out_.counts;
    std::string head;
    for (int k = 0; k < kKindCount; ++k) {
      if (!n.entities[static_cast<size_t>(k)]) continue;
      head += (head.empty() ? "" : ", ") + kindWords(static_cast<Kind>(k), n.entities[static_cast<size_t>(k)]);
    }
    bool anyRelations = n.relations > 0;
    for (const SheetSummary& s : rv.sheets) anyRelations = anyRelations || s.kind == SheetKind::Relations;
    if (anyRelations || head.empty()) head += (head.empty() ? "" : ", ") + plural(n.relations, "relation", "relations");
    rv.headline = head;
    std::vector<std::string>& lines = rv.lines;
    // Columns kept as fields, and synonyms that lost to an earlier column.
    for (const SheetSummary& s : rv.sheets) {
      std::string kept;
      size_t count = 0;
      for (const SheetColumn& c : s.columns) {
        if (c.role != ColumnRole::Field) continue;
        if (++count <= 6) kept += (kept.empty() ? "'" : ", '") + briefText(c.header, 40) + "'";
      }
      if (count > 6) kept += " and " + std::to_string(count - 6) + " more";
      if (count) lines.push_back(kept + " kept as " + (count == 1 ? "a field" : "fields") + (rv.sheets.size() > 1 ? " (" + briefText(s.name, 40) + ")" : ""));
    }
    // Guesses per column.
    struct Group {
      std::string sheet, column;
      bool relation;
      std::vector<const ImportGuess*> items;
    };
    std::vector<Group> groups;
    for (const ImportGuess& g : rv.guesses) {
      auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& x) {
        return x.sheet == g.sheet && x.column == g.column && x.relation == g.relation;
      });
      if (it == groups.end()) {
        groups.push_back({g.sheet, g.column, g.relation, {}});
        it = groups.end() - 1;
      }
      it->items.push_back(&g);
    }
    for (const Group& gr : groups) {
      std::string line = gr.column.empty() ? std::string("types read from names: ")
                                            : "'" + briefText(gr.column, 40) + "' read as " + (gr.relation ? "relation type" : "kind/type") + ": ";
      size_t shownItems = 0;
      for (const ImportGuess* g : gr.items) {
        if (shownItems++ == 8) {
          line += ", and " + std::to_string(gr.items.size() - 8) + " more";
          break;
        }
        if (shownItems > 1) line += ", ";
        line += briefText(g->written, 40) + " \u2192 " + g->readAs;
        if (g->reversed) line += " (reversed)";
        if (g->quality == GuessQuality::None) line += " (not understood)";
      }
      lines.push_back(line);
    }
    if (rv.moreGuesses) lines.push_back(plural(rv.moreGuesses, "more word", "more words") + " read the same way (not listed)");
    if (n.noSource) lines.push_back(plural(n.noSource, "item", "items") + " without a source (shown as \"no source given\")");
    if (n.unknownDates) lines.push_back(plural(n.unknownDates, "unknown date", "unknown dates") + " (left out)");
    if (!rv.onMap.empty()) {
      std::string line;
      for (size_t i = 0; i < rv.onMap.size() && i < 8; ++i) line += (i ? ", " : "") + briefText(rv.onMap[i].written, 40);
      if (rv.onMap.size() > 8) line += " and " + std::to_string(rv.onMap.size() - 8) + " more";
      lines.push_back(line + (rv.onMap.size() == 1 ? " is" : " are") + " already on the map: joined, not copied");
    }
    if (n.addedFromRelations) {
      std::string line = plural(n.addedFromRelations, "organisation", "organisations") + " named only in relations, added: ";
      for (size_t i = 0; i < rv.addedNames.size() && i < 8; ++i) line += (i ? ", " : "") + briefText(rv.addedNames[i], 40);
      if (n.addedFromRelations > 8) line += " \u2026";
      lines.push_back(line);
    }
    if (n.madeUpIds) lines.push_back(plural(n.madeUpIds, "id", "ids") + " made up from names");
    if (noPublisher) lines.push_back(plural(noPublisher, "source", "sources") + " without a publisher (its web address's site is shown)");
    rv.summary = rv.headline;
    for (const std::string& l : lines) rv.summary += "; " + l;
  }

  const SheetImportOptions& opt_;
  const Corpus* base_;
  SheetImportResult out_;
  Corpus c_;
  std::vector<std::string> entityWhere_, relationWhere_;
  std::vector<uint8_t> partnerWord_;
  std::vector<Located> errors_, warnings_;
  size_t errorCount_[kSortCount] = {}, warningCount_[kSortCount] = {};
  std::unordered_set<std::string> usedIds_, baseIds_;
  bool baseIdsBuilt_ = false;
  std::unordered_map<std::string, size_t> nextSuffix_;
  std::unordered_map<std::string, uint32_t> entityIds_, sheetKeys_, relationIds_;
  std::unordered_set<uint32_t> explicitIds_;
  std::unordered_map<std::string, std::vector<uint32_t>> nameIndex_, aliasIndex_, baseNames_, baseAliases_;
  bool baseIndexed_ = false;
  std::unordered_map<uint32_t, uint32_t> copied_, copiedSources_;
  std::unordered_map<std::string, size_t> bySourceUrl_, bySourceTitle_;
  std::unordered_map<size_t, std::string> sourceWhere_;
  std::unordered_map<std::string, size_t> guessIndex_;
  // Where something first happened: a sheet and a line (and column).
  struct At {
    const Sheet* sheet = nullptr;
    uint32_t line = 0, column = 0;
  };
  size_t untyped_ = 0, untypedRelations_ = 0;
  At untypedAt_, untypedRelationAt_;
  std::vector<At> guessAt_, relationAt_;
  std::unordered_map<size_t, At> quotelessAt_;
  At firstNoSource_;  // source -> its first citation without a quote

 public:
  bool entitySheets_ = false;
};

SheetImportResult runImport(std::vector<Sheet> sheets, bool detect, const SheetImportOptions& options) {
  Importer imp(options);
  for (const Sheet& s : sheets) imp.entitySheets_ = imp.entitySheets_ || (!detect && s.kind == SheetKind::Entities && !s.text.empty());
  return imp.run(sheets, detect);
}

}  // namespace

SheetImportResult importTable(SheetText sheet, const SheetImportOptions& options) {
  std::vector<Sheet> sheets(1);
  sheets[0].name = std::string(sheet.name.empty() ? "table" : sheet.name);
  sheets[0].text = sheet.text;
  return runImport(std::move(sheets), true, options);
}

SheetImportResult importSheets(SheetText entities, SheetText relations, const SheetImportOptions& options) {
  std::vector<Sheet> sheets;
  for (int k = 0; k < 2; ++k) {
    const SheetText& t = k ? relations : entities;
    if (trim(t.text).empty()) continue;
    Sheet s;
    s.order = k;
    s.name = std::string(t.name.empty() ? (k ? "relations" : "entities") : t.name);
    s.text = t.text;
    s.kind = k ? SheetKind::Relations : SheetKind::Entities;
    sheets.push_back(std::move(s));
  }
  // Given the other way round, as their columns say: swapped.
  if (sheets.size() == 2) {
    auto looksRelational = [](std::string_view text) {
      const char d = detectDelimiter(text);
      CsvReader reader(text, d);
      CsvRow head;
      if (!reader.next(head)) return false;
      bool to = false, from = false, hasSource = false;
      for (const CsvField& f : head.fields) hasSource = hasSource || isSourceHeader(trim(f.text));
      for (const CsvField& f : head.fields) {
        const ColumnRole r = relationColumnRole(trim(f.text), hasSource);
        to = to || r == ColumnRole::To;
        from = from || r == ColumnRole::From;
      }
      return to && from;
    };
    if (looksRelational(sheets[0].text) && !looksRelational(sheets[1].text)) {
      std::swap(sheets[0].kind, sheets[1].kind);
    }
  }
  return runImport(std::move(sheets), false, options);
}

}  // namespace nhsx
