#include "core/csv_import.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "core/csv.h"

// The rows become a corpus JSON text that loadCorpus checks, so the CSV path obeys exactly the rules a
// hand-written corpus does. Each JSON item remembers the rows it came from; a loader path such as
// /entities/12/citations/1/quote is mapped back to that row's line and the column's header.

namespace nhsx {

using Json = nlohmann::ordered_json;

namespace {

const std::vector<std::string_view> kEntityColumns = {
    "id", "kind", "type", "name", "aliases", "date", "description", "source_title", "source_url",
    "source_publisher", "source_date", "source_seed", "quote", "note"};
const std::vector<std::string_view> kRelationColumns = {
    "id", "from", "type", "to", "date", "description", "role", "source_title", "source_url",
    "source_publisher", "source_date", "source_seed", "quote", "note"};
// The columns that describe the item itself: a row that leaves them all empty and repeats an id adds
// one more citation to that item.
const std::vector<std::string_view> kEntityOwnColumns = {"kind", "type", "name", "aliases", "date", "description"};
const std::vector<std::string_view> kRelationOwnColumns = {"from", "type", "to", "date", "description", "role"};
// A source's fields: CSV column and corpus key.
constexpr int kSourceFields = 5;
const char* const kSourceColumns[kSourceFields] = {"source_title", "source_url", "source_publisher", "source_date",
                                                   "source_seed"};
const char* const kSourceKeys[kSourceFields] = {"title", "url", "publisher", "date", "seed"};
enum SourceField { kTitle, kUrl, kPublisher, kDate, kSeed };

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

std::string joined(const std::vector<std::string_view>& items) {
  std::string s;
  for (std::string_view i : items) s += (s.empty() ? "" : ", ") + std::string(i);
  return s;
}

// One CSV file with its header resolved.
struct Sheet {
  int order = 0;  // 0 entities, 1 relations: errors are listed file by file
  std::string name;
  CsvTable table;
  // Lower-case header -> index. A handful of columns, looked up for every cell: a list beats a map.
  std::vector<std::pair<std::string, size_t>> columns;
  bool usable = false;  // header present and complete

  static constexpr size_t kNone = SIZE_MAX;
  size_t indexOf(std::string_view column) const {
    for (const auto& [name, i] : columns) if (name == column) return i;
    return kNone;
  }
  bool has(std::string_view column) const { return indexOf(column) != kNone; }
  const CsvField* field(const CsvRow& r, std::string_view column) const {
    const size_t i = indexOf(column);
    return i < r.fields.size() ? &r.fields[i] : nullptr;
  }
  std::string_view value(const CsvRow& r, std::string_view column) const {
    const CsvField* f = field(r, column);
    return f ? trim(f->text) : std::string_view{};
  }
  std::string header(std::string_view column) const {  // as written in the file
    return std::string(trim(table.rows[0].fields[indexOf(column)].text));
  }
};

// Where an item (or one of its citations) came from.
struct Origin {
  const Sheet* sheet = nullptr;
  const CsvRow* row = nullptr;
  std::string text() const { return sheet->name + ":" + std::to_string(row->line); }
};

struct Item {
  Origin origin;
  std::vector<Origin> citations;
  Json json;
};

struct SourceRec {
  std::string fields[kSourceFields];
  Origin origin[kSourceFields];  // the row that gave each field
  Origin first;                  // the first row citing it
};

struct Located {
  int file;
  uint32_t line, column;
  Diagnostic d;
};

class Importer {
 public:
  Importer(std::string_view entitiesCsv, std::string_view entitiesName, std::string_view relationsCsv,
           std::string_view relationsName) {
    ents_.order = 0;
    ents_.name = entitiesName;
    ents_.table = parseCsv(entitiesCsv);
    rels_.order = 1;
    rels_.name = relationsName;
    rels_.table = parseCsv(relationsCsv);
  }

  CsvImportResult run() {
    CsvImportResult result;
    for (const Sheet* s : {&ents_, &rels_}) {
      for (const CsvError& e : s->table.errors) {
        errors_.push_back({s->order, e.line, e.column,
                           {s->name + ":" + std::to_string(e.line) + ":" + std::to_string(e.column), e.message}});
      }
    }
    readHeader(ents_, kEntityColumns, {"id", "kind", "type", "name"}, true);
    readHeader(rels_, kRelationColumns, {"from", "type", "to"}, false);
    if (ents_.usable && rels_.usable) {
      readEntities();
      readRelations();
      result.json = corpusJson();
      LoadResult loaded = loadCorpus(result.json);
      for (const Diagnostic& d : loaded.errors) mapLoaderError(d);
      if (errors_.empty()) result.corpus = std::move(loaded.corpus);
    }
    std::stable_sort(errors_.begin(), errors_.end(), [](const Located& a, const Located& b) {
      if (a.file != b.file) return a.file < b.file;
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    for (Located& l : errors_) result.errors.push_back(std::move(l.d));
    return result;
  }

 private:
  void error(const Sheet& s, const CsvRow& r, std::string_view column, std::string message) {
    const CsvField* f = column.empty() ? nullptr : s.field(r, column);
    if (!f) {
      errors_.push_back({s.order, r.line, 0, {s.name + ":" + std::to_string(r.line), std::move(message)}});
      return;
    }
    errors_.push_back({s.order, f->line, f->column,
                       {s.name + ":" + std::to_string(f->line) + ":" + std::to_string(f->column) + ": column " +
                            s.header(column),
                        std::move(message)}});
  }

  void readHeader(Sheet& s, const std::vector<std::string_view>& known, std::vector<std::string_view> required,
                  bool needRows) {
    if (s.table.rows.empty()) {
      if (needRows) errors_.push_back({s.order, 1, 0, {s.name + ":1", "missing header row: expected " + joined(known)}});
      s.usable = !needRows;
      return;
    }
    const CsvRow& head = s.table.rows[0];
    bool ok = true;
    for (size_t i = 0; i < head.fields.size(); ++i) {
      const CsvField& f = head.fields[i];
      const std::string name = lower(trim(f.text));
      const std::string where = s.name + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
      if (name.empty()) {
        // Spreadsheets add empty trailing columns: harmless unless something is written under them.
        for (const CsvRow& r : s.table.rows) {
          if (i < r.fields.size() && !trim(r.fields[i].text).empty()) {
            errors_.push_back({s.order, r.fields[i].line, r.fields[i].column,
                               {s.name + ":" + std::to_string(r.fields[i].line) + ":" +
                                    std::to_string(r.fields[i].column),
                                "a value in column " + std::to_string(i + 1) + ", which has no header"}});
            break;
          }
        }
        continue;
      }
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        errors_.push_back({s.order, f.line, f.column,
                           {where, "unknown column \"" + std::string(trim(f.text)) + "\"; expected one of " +
                                       joined(known)}});
        ok = false;
      } else if (s.has(name)) {
        errors_.push_back({s.order, f.line, f.column,
                           {where, "column \"" + name + "\" appears twice (also column " +
                                       std::to_string(s.indexOf(name) + 1) + ")"}});
        ok = false;
      } else {
        s.columns.emplace_back(name, i);
      }
    }
    if (!s.has("source_title") && !s.has("source_url")) required.push_back("source_title");
    for (std::string_view c : required) {
      if (s.has(c)) continue;
      std::string msg = "missing required column \"" + std::string(c) + "\"";
      if (c == "source_title") msg += " (or \"source_url\"): every row cites a source";
      errors_.push_back({s.order, head.line, 0, {s.name + ":" + std::to_string(head.line), msg + "; found " +
                                                    std::to_string(head.fields.size()) + " columns: " +
                                                    headerList(head)}});
      ok = false;
    }
    s.usable = ok;
  }

  static std::string headerList(const CsvRow& head) {
    std::string s;
    for (const CsvField& f : head.fields) s += (s.empty() ? "" : ", ") + std::string(trim(f.text));
    return s;
  }

  // Rows to read: not the header, not ragged (reported by the parser), not blank.
  template <typename F>
  void forRows(const Sheet& s, F&& f) {
    for (size_t i = 1; i < s.table.rows.size(); ++i) {
      const CsvRow& r = s.table.rows[i];
      if (r.fields.size() != s.table.rows[0].fields.size()) continue;
      if (std::all_of(r.fields.begin(), r.fields.end(), [](const CsvField& x) { return trim(x.text).empty(); })) {
        continue;
      }
      f(r);
    }
  }

  bool allEmpty(const Sheet& s, const CsvRow& r, const std::vector<std::string_view>& cols) const {
    return std::all_of(cols.begin(), cols.end(), [&](std::string_view c) { return s.value(r, c).empty(); });
  }

  void readEntities() {
    forRows(ents_, [&](const CsvRow& r) {
      const std::string id(ents_.value(r, "id"));
      if (id.empty()) return error(ents_, r, "id", "expected an id, found an empty cell");
      if (repeated(ents_, r, id, entities_, kEntityOwnColumns)) return;
      Item item;
      item.origin = {&ents_, &r};
      ids_[id] = {item.origin, &entities_, entities_.size()};
      Json& j = item.json;
      j["id"] = id;
      j["kind"] = ents_.value(r, "kind");
      j["type"] = ents_.value(r, "type");
      j["name"] = ents_.value(r, "name");
      std::vector<std::string> aliases;
      std::string_view rest = ents_.value(r, "aliases");
      while (!rest.empty()) {
        const size_t semi = rest.find(';');
        const std::string_view a = trim(rest.substr(0, semi));
        if (!a.empty()) aliases.emplace_back(a);
        rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      }
      if (!aliases.empty()) j["aliases"] = aliases;
      optional(ents_, r, "date", j);
      optional(ents_, r, "description", j);
      j["citations"] = Json::array();
      entities_.push_back(std::move(item));
      citation(ents_, r, entities_.back());
    });
  }

  void readRelations() {
    std::unordered_set<std::string> explicitIds;
    forRows(rels_, [&](const CsvRow& r) { explicitIds.emplace(rels_.value(r, "id")); });
    size_t next = 1;
    forRows(rels_, [&](const CsvRow& r) {
      std::string id(rels_.value(r, "id"));
      if (repeated(rels_, r, id, relations_, kRelationOwnColumns)) return;
      while (id.empty()) {  // generated ids skip any id the files use
        id = "rel-" + std::to_string(next++);
        if (explicitIds.count(id) || ids_.count(id)) id.clear();
      }
      Item item;
      item.origin = {&rels_, &r};
      ids_[id] = {item.origin, &relations_, relations_.size()};
      Json& j = item.json;
      j["id"] = id;
      j["type"] = rels_.value(r, "type");
      j["from"] = rels_.value(r, "from");
      j["to"] = rels_.value(r, "to");
      optional(rels_, r, "date", j);
      optional(rels_, r, "description", j);
      optional(rels_, r, "role", j);
      j["citations"] = Json::array();
      relations_.push_back(std::move(item));
      citation(rels_, r, relations_.back());
    });
  }

  void optional(const Sheet& s, const CsvRow& r, const char* column, Json& j) {
    const std::string_view v = s.value(r, column);
    if (!v.empty()) j[column] = v;
  }

  // A row repeating an id adds a citation to that item when it leaves the item's own columns empty;
  // otherwise the id is a duplicate. True when the row has been dealt with.
  bool repeated(const Sheet& s, const CsvRow& r, const std::string& id, std::vector<Item>& items,
                const std::vector<std::string_view>& own) {
    auto seen = id.empty() ? ids_.end() : ids_.find(id);
    if (seen == ids_.end()) return false;
    if (seen->second.items == &items && allEmpty(s, r, own)) {
      citation(s, r, items[seen->second.index]);
    } else {
      error(s, r, "id", "duplicate id \"" + id + "\" (first used at " + seen->second.first.text() +
                            "); to add a citation to it, repeat the id and leave " + joined(own) + " empty");
    }
    return true;
  }

  // The row's source and quote become one citation of the item.
  void citation(const Sheet& s, const CsvRow& r, Item& item) {
    std::string v[kSourceFields];
    for (int f = 0; f < kSourceFields; ++f) v[f] = s.value(r, kSourceColumns[f]);
    if (v[kTitle].empty() && v[kUrl].empty()) {
      return error(s, r, s.has("source_title") ? "source_title" : "source_url",
                   "expected a source (source_title, or the source_url of a source given on any row), found an "
                   "empty cell: every item cites a source");
    }
    const size_t index = findSource(v[kTitle], v[kUrl], {&s, &r});
    SourceRec& src = sources_[index];
    for (int f = 0; f < kSourceFields; ++f) {
      if (v[f].empty()) continue;
      if (src.fields[f].empty()) {
        src.fields[f] = v[f];
        src.origin[f] = {&s, &r};
        if (f == kTitle) byTitle_.emplace(v[f], index);
        if (f == kUrl) byUrl_.emplace(v[f], index);
      } else if (src.fields[f] != v[f]) {
        error(s, r, kSourceColumns[f], "this source was given " + std::string(kSourceColumns[f]) + " \"" +
                                           src.fields[f] + "\" at " + src.origin[f].text() + "; found \"" + v[f] +
                                           "\" (rows naming one source must agree)");
      }
    }
    Json c;
    c["source"] = index;  // becomes the source's id once every id in the files is known
    optional(s, r, "quote", c);
    optional(s, r, "note", c);
    item.json["citations"].push_back(std::move(c));
    item.citations.push_back({&s, &r});
  }

  // A row names its source by URL when it gives one, otherwise by title. A source first named by title
  // alone takes the URL a later row gives with that title.
  size_t findSource(const std::string& title, const std::string& url, Origin at) {
    if (!url.empty()) {
      if (auto it = byUrl_.find(url); it != byUrl_.end()) return it->second;
      if (auto it = byTitle_.find(title); !title.empty() && it != byTitle_.end() &&
                                          sources_[it->second].fields[kUrl].empty()) {
        return it->second;
      }
    } else if (auto it = byTitle_.find(title); it != byTitle_.end()) {
      return it->second;
    }
    sources_.emplace_back();
    sources_.back().first = at;
    return sources_.size() - 1;
  }

  std::string corpusJson() {
    std::vector<std::string> sourceIds;
    for (size_t n = 1; sourceIds.size() < sources_.size(); ++n) {
      std::string id = "src-csv-" + std::to_string(n);
      if (!ids_.count(id)) sourceIds.push_back(std::move(id));
    }
    for (std::vector<Item>* items : {&entities_, &relations_}) {
      for (Item& item : *items) {
        for (Json& c : item.json["citations"]) c["source"] = sourceIds[c["source"].get<size_t>()];
      }
    }
    Json root;
    root["format"] = "1.0";
    root["title"] = "Imported from " + ents_.name + (rels_.table.rows.empty() ? "" : " and " + rels_.name);
    root["sources"] = Json::array();
    for (size_t i = 0; i < sources_.size(); ++i) {
      const SourceRec& s = sources_[i];
      Json j;
      j["id"] = sourceIds[i];
      for (int f = 0; f < kSourceFields; ++f) {
        if (!s.fields[f].empty() || f == kTitle || f == kPublisher) j[kSourceKeys[f]] = s.fields[f];
      }
      // Only seed documents need verbatim quotes; a source outside them may be cited with a note.
      j["external"] = s.fields[kSeed].empty();
      root["sources"].push_back(std::move(j));
      // A title or publisher given on no row: say so here, in CSV terms, rather than by JSON path.
      for (int f : {kTitle, kPublisher}) {
        if (s.fields[f].empty()) {
          error(*s.first.sheet, *s.first.row, kSourceColumns[f],
                std::string("expected the source's ") + kSourceKeys[f] + " on at least one row citing it (" +
                    (s.fields[kUrl].empty() ? s.fields[kTitle] : s.fields[kUrl]) + "), found none");
        }
      }
    }
    root["entities"] = Json::array();
    for (Item& e : entities_) root["entities"].push_back(std::move(e.json));
    root["relations"] = Json::array();
    for (Item& r : relations_) root["relations"].push_back(std::move(r.json));
    // Invalid UTF-8 was reported by the CSV reader; replacing it here keeps dump() from failing.
    return root.dump(-1, ' ', false, Json::error_handler_t::replace);
  }

  void mapLoaderError(const Diagnostic& d) {
    std::vector<std::string> seg;
    for (size_t p = 1; d.where.size() > 0 && p <= d.where.size();) {
      const size_t slash = std::min(d.where.find('/', p), d.where.size());
      seg.push_back(d.where.substr(p, slash - p));
      p = slash + 1;
    }
    size_t index = 0;
    const bool numbered = seg.size() >= 2 && !seg[1].empty() && seg[1].size() < 10 &&
                          seg[1].find_first_not_of("0123456789") == std::string::npos;
    if (numbered) index = std::stoul(seg[1]);
    const std::string field = seg.size() >= 3 ? seg[2] : "";
    if (numbered && seg[0] == "sources" && index < sources_.size()) {
      const SourceRec& s = sources_[index];
      for (int f = 0; f < kSourceFields; ++f) {
        if (field != kSourceKeys[f]) continue;
        if (s.origin[f].row) return error(*s.origin[f].sheet, *s.origin[f].row, kSourceColumns[f], d.message);
        if (f == kTitle || f == kPublisher) return;  // a missing title or publisher is reported in CSV terms
      }
      return error(*s.first.sheet, *s.first.row, "", d.message);
    }
    std::vector<Item>* items = seg.empty() ? nullptr : seg[0] == "entities" ? &entities_
                                                   : seg[0] == "relations"  ? &relations_
                                                                            : nullptr;
    if (!numbered || !items || index >= items->size()) {  // not from a row: should not happen, but say what
      errors_.push_back({0, 0, 0, {ents_.name + " (corpus " + d.where + ")", d.message}});
      return;
    }
    const Item& item = (*items)[index];
    if (field == "citations" && item.citations.empty()) return;  // the row without a source is reported
    if (field == "citations" && seg.size() >= 4) {
      const size_t k = std::strtoul(seg[3].c_str(), nullptr, 10);
      const Origin o = k < item.citations.size() ? item.citations[k] : item.origin;
      const std::string sub = seg.size() >= 5 ? seg[4] : "quote";
      return error(*o.sheet, *o.row, sub == "source" ? "source_title" : sub, d.message);
    }
    error(*item.origin.sheet, *item.origin.row, field, d.message);
  }

  Sheet ents_, rels_;
  std::vector<Located> errors_;
  std::vector<Item> entities_, relations_;
  // Every entity and relation id: where it was first used and its item (for extra citations).
  struct IdUse {
    Origin first;
    std::vector<Item>* items;
    size_t index;
  };
  std::unordered_map<std::string, IdUse> ids_;
  std::vector<SourceRec> sources_;
  std::unordered_map<std::string, size_t> byTitle_, byUrl_;
};

}  // namespace

const std::vector<std::string_view>& entityCsvColumns() { return kEntityColumns; }
const std::vector<std::string_view>& relationCsvColumns() { return kRelationColumns; }

CsvImportResult importCsv(std::string_view entitiesCsv, std::string_view entitiesName, std::string_view relationsCsv,
                          std::string_view relationsName) {
  return Importer(entitiesCsv, entitiesName, relationsCsv, relationsName).run();
}

std::string formatCsvDiagnostic(const Diagnostic& d) { return d.where.empty() ? d.message : d.where + ": " + d.message; }

}  // namespace nhsx
