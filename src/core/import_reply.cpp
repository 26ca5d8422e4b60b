#include "core/import_reply.h"

#include <nlohmann/json.hpp>

namespace nhsx {

namespace {

using Json = nlohmann::ordered_json;

Json diagnostics(const std::vector<Diagnostic>& list) {
  Json a = Json::array();
  for (const Diagnostic& d : list) a.push_back({{"where", d.where}, {"message", d.message}, {"text", formatImportDiagnostic(d)}});
  return a;
}

const char* const kKindKeys[] = {"organisations", "people", "documents", "programmes", "partnerships", "parts", "themes"};

}  // namespace

std::string importReplyJson(const SheetImportResult& r, const MergeResult* m) {
  Json j;
  j["ok"] = r.ok() && (!m || m->ok());
  j["errors"] = diagnostics(r.errors);
  j["warnings"] = diagnostics(r.warnings);
  Json counts;
  for (int k = 0; k < kKindCount; ++k) counts[kKindKeys[k]] = r.counts.entities[static_cast<size_t>(k)];
  counts["relations"] = r.counts.relations;
  counts["rows"] = r.counts.rows;
  counts["noSource"] = r.counts.noSource;
  counts["unknownDates"] = r.counts.unknownDates;
  counts["unknownTypes"] = r.counts.unknownTypes;
  counts["guessedTypes"] = r.counts.guessedTypes;
  counts["madeUpIds"] = r.counts.madeUpIds;
  counts["fields"] = r.counts.fields;
  counts["onMap"] = r.counts.onMap + r.counts.mapEntities;
  counts["addedFromRelations"] = r.counts.addedFromRelations;
  counts["sources"] = r.counts.sources;
  j["counts"] = std::move(counts);
  Json review;
  review["headline"] = r.review.headline;
  review["summary"] = r.review.summary;
  review["lines"] = r.review.lines;
  review["onMap"] = Json::array();
  for (const ImportJoin& o : r.review.onMap) review["onMap"].push_back({{"written", o.written}, {"id", o.id}, {"name", o.name}});
  review["guesses"] = Json::array();
  for (const ImportGuess& g : r.review.guesses) {
    review["guesses"].push_back({{"sheet", g.sheet}, {"column", g.column}, {"written", g.written}, {"readAs", g.readAs},
                                 {"rows", g.rows}, {"reversed", g.reversed}, {"understood", g.quality != GuessQuality::None}});
  }
  review["sheets"] = Json::array();
  for (const SheetSummary& s : r.review.sheets) {
    Json cols = Json::array();
    for (const SheetColumn& c : s.columns) {
      cols.push_back({{"header", c.header}, {"readAs", c.role == ColumnRole::Field ? "field" : columnRoleName(c.role)}});
    }
    review["sheets"].push_back({{"name", s.name},
                                {"kind", s.kind == SheetKind::Relations ? "relations" : "entities"},
                                {"rows", s.rows},
                                {"delimiter", std::string(1, s.delimiter)},
                                {"columns", std::move(cols)}});
  }
  j["review"] = std::move(review);
  if (m) {
    Json merge;
    merge["ok"] = m->ok();
    merge["errors"] = diagnostics(m->errors);
    merge["warnings"] = diagnostics(m->warnings);
    merge["joined"] = Json::array();
    for (const MergeJoin& jn : m->joins) {
      if (jn.base < m->corpus.entities.size()) {
        const Entity& e = m->corpus.entities[jn.base];
        merge["joined"].push_back({{"id", e.id}, {"name", e.name}, {"how", jn.how}});
      }
    }
    merge["addedEntities"] = m->addedEntities;
    merge["addedRelations"] = m->addedRelations;
    merge["renamedIds"] = m->renamedIds;
    j["merge"] = std::move(merge);
  }
  // Invalid UTF-8 in a sheet is an error, but its text may still reach a message: replaced, not thrown.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace nhsx
