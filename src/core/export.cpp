#include "core/export.h"

#include "core/story_edit.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "core/csv_import.h"

namespace nhsx {

using Json = nlohmann::ordered_json;  // keeps fields in the order of docs/corpus-format.md

namespace {

bool shown(const std::vector<uint8_t>& mask, size_t i) { return i < mask.size() && mask[i]; }

bool relationShown(const Corpus& c, const std::vector<uint8_t>& entityVisible,
                   const std::vector<uint8_t>& relationVisible, size_t r) {
  const Relation& rel = c.relations[r];
  return shown(relationVisible, r) && shown(entityVisible, rel.from) && shown(entityVisible, rel.to);
}

void putDate(Json& j, const DateField& d) {
  if (d.present()) j["date"] = d.text;
  if (!d.note.empty()) j["dateNote"] = d.note;
}

void putFields(Json& j, const std::vector<Field>& fields) {
  if (fields.empty()) return;
  Json a = Json::array();
  for (const Field& f : fields) a.push_back({{"name", f.name}, {"value", f.value}});
  j["fields"] = std::move(a);
}

// Citations as JSON; marks the sources they cite.
Json citationsJson(const Corpus& c, const std::vector<Citation>& cits, std::vector<uint8_t>& sourceUsed) {
  Json a = Json::array();
  for (const Citation& ci : cits) {
    Json j;
    j["source"] = c.sources[ci.source].id;
    sourceUsed[ci.source] = 1;
    if (!ci.quote.empty()) j["quote"] = ci.quote;
    if (!ci.note.empty()) j["note"] = ci.note;
    a.push_back(std::move(j));
  }
  return a;
}

Json entityJson(const Corpus& c, const Entity& e, std::vector<uint8_t>& sourceUsed) {
  Json j;
  j["id"] = e.id;
  j["kind"] = kindName(e.kind);
  j["type"] = e.type;
  j["name"] = e.name;
  if (!e.aliases.empty()) j["aliases"] = e.aliases;
  if (!e.shortName.empty()) j["shortName"] = e.shortName;
  if (!e.description.empty()) j["description"] = e.description;
  putDate(j, e.date);
  if (e.collective) j["collective"] = true;
  if (e.order) j["order"] = e.order;
  if (!e.figures.empty()) {
    Json figs = Json::array();
    for (const Figure& f : e.figures) {
      Json fj;
      fj["label"] = f.label;
      fj["value"] = f.value;
      if (!f.qualifier.empty()) fj["qualifier"] = f.qualifier;
      if (!f.unit.empty()) fj["unit"] = f.unit;
      putDate(fj, f.date);
      fj["citations"] = citationsJson(c, f.citations, sourceUsed);
      figs.push_back(std::move(fj));
    }
    j["figures"] = std::move(figs);
  }
  if (!e.url.empty()) j["url"] = e.url;
  putFields(j, e.fields);
  if (e.own) j["own"] = true;
  j["citations"] = citationsJson(c, e.citations, sourceUsed);
  return j;
}

Json sourceJson(const Source& s) {
  Json j;
  j["id"] = s.id;
  j["title"] = s.title;
  j["publisher"] = s.publisher;
  putDate(j, s.date);
  if (!s.url.empty()) j["url"] = s.url;
  if (!s.seed.empty()) j["seed"] = s.seed;
  if (!s.note.empty()) j["note"] = s.note;
  j["external"] = s.external;
  return j;
}

// One CSV row being filled by column name.
class CsvRowBuilder {
 public:
  explicit CsvRowBuilder(const std::vector<std::string_view>& columns) : columns_(columns), cells_(columns.size()) {}
  void set(std::string_view column, std::string_view value) {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i] == column) cells_[i] = value;
    }
  }
  void setAt(size_t i, std::string_view value) { cells_[i] = value; }
  void citation(const Corpus& c, const Citation& ci) {
    const Source& s = c.sources[ci.source];
    set("source_title", s.title);
    set("source_url", s.url);
    set("source_publisher", s.publisher);
    set("source_date", s.date.text);
    set("source_seed", s.seed);
    set("quote", ci.quote);
    set("note", ci.note);
  }
  // Appends the row and empties it for the next one.
  void flush(std::string& out) {
    appendCsvRow(out, std::vector<std::string_view>(cells_.begin(), cells_.end()));
    for (std::string& s : cells_) s.clear();
  }

 private:
  const std::vector<std::string_view>& columns_;
  std::vector<std::string> cells_;
};

std::string header(const std::vector<std::string_view>& columns) {
  std::string out;
  appendCsvRow(out, columns);
  return out;
}

// Imported items may carry an address and named fields, which the importer's columns do not cover:
// when any exported item has them, they get columns after the standard ones ("url", then each field's
// name in order of first use; a name equal to a standard column gets " (field)"). Such a file is read
// back by the forgiving importer (sheet_import.h), which keeps unknown columns as fields.
struct ExtraColumns {
  bool url = false;
  std::vector<std::string> fieldNames;
  std::vector<std::string_view> all;  // standard + extra, as the row builder's columns
  size_t fieldStart = 0;

  void addFields(const std::vector<Field>& fields, const std::vector<std::string_view>& standard) {
    for (const Field& f : fields) {
      std::string name = f.name;
      for (std::string_view s : standard) if (s == name || (url && name == "url")) { name += " (field)"; break; }
      if (std::find(fieldNames.begin(), fieldNames.end(), name) == fieldNames.end()) fieldNames.push_back(name);
    }
  }
  void finish(const std::vector<std::string_view>& standard) {
    all = standard;
    if (url) all.push_back("url");
    fieldStart = all.size();
    for (const std::string& n : fieldNames) all.push_back(n);
  }
  // Puts an item's fields into the row (several values under one name are joined by "; ").
  void put(CsvRowBuilder& row, const std::vector<Field>& fields, const std::vector<std::string_view>& standard) const {
    std::vector<std::string> cells(fieldNames.size());
    for (const Field& f : fields) {
      std::string name = f.name;
      for (std::string_view s : standard) if (s == name || (url && name == "url")) { name += " (field)"; break; }
      const size_t k = static_cast<size_t>(std::find(fieldNames.begin(), fieldNames.end(), name) - fieldNames.begin());
      if (k < cells.size()) cells[k] += (cells[k].empty() ? "" : "; ") + f.value;
    }
    for (size_t k = 0; k < cells.size(); ++k) if (!cells[k].empty()) row.setAt(fieldStart + k, cells[k]);
  }
};

// The first citation shares the item's row; the others follow on rows holding only the id.
void citationRows(const Corpus& c, const std::string& id, const std::vector<Citation>& cits, CsvRowBuilder& row,
                  std::string& out) {
  for (size_t k = 0; k < cits.size(); ++k) {
    if (k) row.set("id", id);
    row.citation(c, cits[k]);
    row.flush(out);
  }
  if (cits.empty()) row.flush(out);
}

// The visible part (whole = false) or all of it with every source and the stories (whole = true).
std::string corpusJson(const Corpus& c, const std::vector<uint8_t>& entityVisible,
                       const std::vector<uint8_t>& relationVisible, bool whole) {
  std::vector<uint8_t> sourceUsed(c.sources.size(), whole ? 1 : 0);
  Json entities = Json::array(), relations = Json::array(), events = Json::array();
  for (size_t i = 0; i < c.entities.size(); ++i) {
    if (shown(entityVisible, i)) entities.push_back(entityJson(c, c.entities[i], sourceUsed));
  }
  for (size_t r = 0; r < c.relations.size(); ++r) {
    if (!relationShown(c, entityVisible, relationVisible, r)) continue;
    const Relation& rel = c.relations[r];
    Json j;
    j["id"] = rel.id;
    j["type"] = relationTypes()[rel.type].id;
    j["from"] = c.entities[rel.from].id;
    j["to"] = c.entities[rel.to].id;
    putDate(j, rel.date);
    if (!rel.role.empty()) j["role"] = rel.role;
    if (!rel.description.empty()) j["description"] = rel.description;
    putFields(j, rel.fields);
    if (rel.own) j["own"] = true;
    j["citations"] = citationsJson(c, rel.citations, sourceUsed);
    relations.push_back(std::move(j));
  }
  for (const Event& ev : c.events) {
    Json ids = Json::array();
    for (uint32_t e : ev.entities) {
      if (shown(entityVisible, e)) ids.push_back(c.entities[e].id);
    }
    if (ids.empty()) continue;
    Json j;
    j["id"] = ev.id;
    j["type"] = ev.type;
    j["name"] = ev.name;
    if (!ev.description.empty()) j["description"] = ev.description;
    putDate(j, ev.date);
    j["entities"] = std::move(ids);
    j["citations"] = citationsJson(c, ev.citations, sourceUsed);
    events.push_back(std::move(j));
  }
  // The stories whose every entity is exported and that pass the checks (a draft still being written
  // may not), with the sources they cite.
  Json stories = Json::array();
  for (const Story& st : c.stories) {
    bool complete = !st.steps.empty();
    for (const StoryStep& p : st.steps) {
      for (const auto* refs : {&p.focus, &p.themes, &p.pathTo})
        for (uint32_t e : *refs) complete = complete && shown(entityVisible, e);
    }
    if (!complete || !checkStory(c, st).empty()) continue;
    for (const StoryStep& p : st.steps)
      for (const Citation& cit : p.citations)
        if (cit.source < sourceUsed.size()) sourceUsed[cit.source] = 1;
    stories.push_back(storyToJson(c, st));
  }
  Json root;
  root["format"] = c.format.empty() ? "1.0" : c.format;
  root["title"] = c.title.empty() ? "Exported corpus" : c.title;
  if (!c.description.empty()) root["description"] = c.description;
  root["sources"] = Json::array();
  for (size_t s = 0; s < c.sources.size(); ++s) {
    if (sourceUsed[s]) root["sources"].push_back(sourceJson(c.sources[s]));
  }
  root["entities"] = std::move(entities);
  root["relations"] = std::move(relations);
  root["events"] = std::move(events);
  if (!stories.empty()) root["stories"] = std::move(stories);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string exportJson(const Corpus& c, const std::vector<uint8_t>& entityVisible,
                       const std::vector<uint8_t>& relationVisible) {
  return corpusJson(c, entityVisible, relationVisible, false);
}

std::string exportWholeCorpus(const Corpus& c) {
  return corpusJson(c, std::vector<uint8_t>(c.entities.size(), 1), std::vector<uint8_t>(c.relations.size(), 1), true);
}

std::string exportEntitiesCsv(const Corpus& c, const std::vector<uint8_t>& entityVisible) {
  const std::vector<std::string_view>& standard = entityCsvColumns();
  ExtraColumns extra;
  for (size_t i = 0; i < c.entities.size(); ++i) {
    if (shown(entityVisible, i) && !c.entities[i].url.empty()) extra.url = true;
  }
  for (size_t i = 0; i < c.entities.size(); ++i) {
    if (shown(entityVisible, i)) extra.addFields(c.entities[i].fields, standard);
  }
  extra.finish(standard);
  const std::vector<std::string_view>& columns = extra.all;
  std::string out = header(columns);
  CsvRowBuilder row(columns);
  for (size_t i = 0; i < c.entities.size(); ++i) {
    if (!shown(entityVisible, i)) continue;
    const Entity& e = c.entities[i];
    if (extra.url) row.set("url", e.url);
    extra.put(row, e.fields, standard);
    std::string aliases;
    for (const std::string& a : e.aliases) aliases += (aliases.empty() ? "" : "; ") + a;
    row.set("id", e.id);
    row.set("kind", kindName(e.kind));
    row.set("type", e.type);
    row.set("name", e.name);
    row.set("aliases", aliases);
    row.set("date", e.date.text);
    row.set("description", e.description);
    citationRows(c, e.id, e.citations, row, out);
  }
  return out;
}

std::string exportRelationsCsv(const Corpus& c, const std::vector<uint8_t>& entityVisible,
                               const std::vector<uint8_t>& relationVisible) {
  const std::vector<std::string_view>& standard = relationCsvColumns();
  ExtraColumns extra;
  for (size_t r = 0; r < c.relations.size(); ++r) {
    if (relationShown(c, entityVisible, relationVisible, r)) extra.addFields(c.relations[r].fields, standard);
  }
  extra.finish(standard);
  const std::vector<std::string_view>& columns = extra.all;
  std::string out = header(columns);
  CsvRowBuilder row(columns);
  for (size_t r = 0; r < c.relations.size(); ++r) {
    if (!relationShown(c, entityVisible, relationVisible, r)) continue;
    const Relation& rel = c.relations[r];
    extra.put(row, rel.fields, standard);
    row.set("id", rel.id);
    row.set("from", c.entities[rel.from].id);
    row.set("type", relationTypes()[rel.type].id);
    row.set("to", c.entities[rel.to].id);
    row.set("date", rel.date.text);
    row.set("description", rel.description);
    row.set("role", rel.role);
    citationRows(c, rel.id, rel.citations, row, out);
  }
  return out;
}

}  // namespace nhsx
