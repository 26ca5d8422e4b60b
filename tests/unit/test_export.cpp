#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <set>

#include "bundled_corpus.h"
#include "core/corpus_loader.h"
#include "core/csv_import.h"
#include "core/export.h"

using namespace nhsx;

namespace {

std::vector<uint8_t> kindMask(const Corpus& c, Kind k) {
  std::vector<uint8_t> m;
  for (const Entity& e : c.entities) m.push_back(e.kind == k);
  return m;
}

// Sources cited by the visible entities (and their figures), the relations between them and the events
// involving them: what an export must carry.
std::set<uint32_t> citedSources(const Corpus& c, const std::vector<uint8_t>& mask) {
  std::set<uint32_t> cited;
  auto add = [&](const std::vector<Citation>& cits) {
    for (const Citation& ci : cits) cited.insert(ci.source);
  };
  for (size_t i = 0; i < c.entities.size(); ++i) {
    if (!mask[i]) continue;
    add(c.entities[i].citations);
    for (const Figure& f : c.entities[i].figures) add(f.citations);
  }
  for (const Relation& rel : c.relations) {
    if (mask[rel.from] && mask[rel.to]) add(rel.citations);
  }
  for (const Event& ev : c.events) {
    if (std::any_of(ev.entities.begin(), ev.entities.end(), [&](uint32_t e) { return mask[e]; })) add(ev.citations);
  }
  return cited;
}

LoadResult reload(const std::string& json) {
  LoadResult r = loadCorpus(json);
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatDiagnostic("export.json", d));
  REQUIRE(r.ok());
  return r;
}

// Citations compared by what they say: source title, quote, note.
std::vector<std::string> citationText(const Corpus& c, const std::vector<Citation>& cits) {
  std::vector<std::string> out;
  for (const Citation& ci : cits) out.push_back(c.sources[ci.source].title + "|" + ci.quote + "|" + ci.note);
  return out;
}

void requireSameEntity(const Corpus& a, const Entity& x, const Corpus& b, const Entity& y) {
  INFO(x.id);
  CHECK(x.id == y.id);
  CHECK(x.kind == y.kind);
  CHECK(x.type == y.type);
  CHECK(x.name == y.name);
  CHECK(x.aliases == y.aliases);
  CHECK(x.description == y.description);
  CHECK(x.date.text == y.date.text);
  CHECK(citationText(a, x.citations) == citationText(b, y.citations));
}
}  // namespace

TEST_CASE("exporting only the organisations loads back with their relations, events and cited sources", "[export]") {
  const Corpus& c = bundledCorpus();
  const std::vector<uint8_t> orgs = kindMask(c, Kind::Organisation);
  const std::vector<uint8_t> allRelations(c.relations.size(), 1);
  LoadResult r = reload(exportJson(c, orgs, allRelations));
  const Corpus& out = r.corpus;

  size_t relations = 0, events = 0;
  for (const Relation& rel : c.relations) relations += orgs[rel.from] && orgs[rel.to];
  for (const Event& ev : c.events) {
    events += std::any_of(ev.entities.begin(), ev.entities.end(), [&](uint32_t e) { return orgs[e]; });
  }
  const std::set<uint32_t> cited = citedSources(c, orgs);
  CHECK(out.entities.size() == c.countByKind[static_cast<int>(Kind::Organisation)]);
  CHECK(out.countByKind[static_cast<int>(Kind::Organisation)] == out.entities.size());
  CHECK(relations > 10);
  CHECK(out.relations.size() == relations);
  CHECK(out.events.size() == events);
  CHECK(out.sources.size() == cited.size());
  CHECK(out.sources.size() < c.sources.size());
  CHECK(out.title == c.title);

  for (const Entity& e : out.entities) {
    const Entity& orig = c.entities[c.findEntity(e.id)];
    requireSameEntity(c, orig, out, e);
    CHECK(e.figures.size() == orig.figures.size());
    CHECK(e.date.note == orig.date.note);
    CHECK(e.collective == orig.collective);
  }
  for (const Event& ev : out.events) {
    for (uint32_t e : ev.entities) CHECK(out.entities[e].kind == Kind::Organisation);
  }
}

TEST_CASE("exporting everything keeps every entity, relation and event; exporting that again gives the same text",
          "[export]") {
  const Corpus& c = bundledCorpus();
  const std::vector<uint8_t> all(c.entities.size(), 1), allRelations(c.relations.size(), 1);
  const std::string first = exportJson(c, all, allRelations);
  LoadResult r = reload(first);
  CHECK(r.corpus.entities.size() == c.entities.size());
  CHECK(r.corpus.relations.size() == c.relations.size());
  CHECK(r.corpus.events.size() == c.events.size());
  CHECK(r.corpus.sources.size() == citedSources(c, all).size());
  CHECK(exportJson(r.corpus, all, allRelations) == first);
}

TEST_CASE("hidden relations and short masks are left out", "[export]") {
  const Corpus& c = bundledCorpus();
  std::vector<uint8_t> all(c.entities.size(), 1), relations(c.relations.size(), 1);
  relations[0] = 0;
  LoadResult r = reload(exportJson(c, all, relations));
  CHECK(r.corpus.relations.size() == c.relations.size() - 1);
  CHECK(r.corpus.findEntity(c.entities[c.relations[0].from].id) >= 0);
  // A mask shorter than the list hides the rest.
  LoadResult half = reload(exportJson(c, std::vector<uint8_t>(10, 1), {}));
  CHECK(half.corpus.entities.size() == 10);
  CHECK(half.corpus.relations.empty());
}

TEST_CASE("exported CSV imports back to the same entities, relations and citations", "[export]") {
  const Corpus& c = bundledCorpus();
  const std::vector<uint8_t> allRelations(c.relations.size(), 1);
  for (bool onlyOrgs : {true, false}) {
    const std::vector<uint8_t> mask =
        onlyOrgs ? kindMask(c, Kind::Organisation) : std::vector<uint8_t>(c.entities.size(), 1);
    const std::string ents = exportEntitiesCsv(c, mask), rels = exportRelationsCsv(c, mask, allRelations);
    CsvImportResult r = importCsv(ents, "entities.csv", rels, "relations.csv");
    for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatCsvDiagnostic(d));
    REQUIRE(r.ok());
    const Corpus& out = r.corpus;
    size_t shown = 0;
    for (size_t i = 0; i < c.entities.size(); ++i) {
      if (!mask[i]) continue;
      REQUIRE(shown < out.entities.size());
      requireSameEntity(c, c.entities[i], out, out.entities[shown++]);
    }
    CHECK(out.entities.size() == shown);
    size_t k = 0;
    for (const Relation& rel : c.relations) {
      if (!mask[rel.from] || !mask[rel.to]) continue;
      REQUIRE(k < out.relations.size());
      const Relation& o = out.relations[k++];
      CHECK(o.id == rel.id);
      CHECK(o.type == rel.type);
      CHECK(out.entities[o.from].id == c.entities[rel.from].id);
      CHECK(out.entities[o.to].id == c.entities[rel.to].id);
      CHECK(o.role == rel.role);
      CHECK(o.date.text == rel.date.text);
      CHECK(citationText(c, rel.citations) == citationText(out, o.citations));
    }
    CHECK(out.relations.size() == k);
    // Seed sources stay seed sources (quotes required), the others stay external.
    for (const Source& s : out.sources) CHECK(s.external == s.seed.empty());
    // And the re-imported corpus exports to the same CSV.
    const std::vector<uint8_t> outAll(out.entities.size(), 1), outRels(out.relations.size(), 1);
    CHECK(exportEntitiesCsv(out, outAll) == ents);
    CHECK(exportRelationsCsv(out, outAll, outRels) == rels);
  }
}

TEST_CASE("the whole corpus export keeps everything, stories and unused sources included, and reads back the same",
          "[export]") {
  const Corpus& c = bundledCorpus();
  REQUIRE_FALSE(c.stories.empty());
  const std::string first = exportWholeCorpus(c);
  LoadResult r = reload(first);
  CHECK(r.corpus.entities.size() == c.entities.size());
  CHECK(r.corpus.relations.size() == c.relations.size());
  CHECK(r.corpus.events.size() == c.events.size());
  CHECK(r.corpus.sources.size() == c.sources.size());
  REQUIRE(r.corpus.stories.size() == c.stories.size());
  for (size_t s = 0; s < c.stories.size(); ++s) {
    const Story& a = c.stories[s];
    const Story& b = r.corpus.stories[s];
    INFO(a.id);
    CHECK(a.id == b.id);
    CHECK(a.title == b.title);
    REQUIRE(a.steps.size() == b.steps.size());
    for (size_t k = 0; k < a.steps.size(); ++k) {
      CHECK(a.steps[k].narration == b.steps[k].narration);
      CHECK(a.steps[k].view == b.steps[k].view);
      CHECK(a.steps[k].asOf.text == b.steps[k].asOf.text);
      CHECK(a.steps[k].window.text == b.steps[k].window.text);
      CHECK(a.steps[k].kinds == b.steps[k].kinds);
      CHECK(citationText(c, a.steps[k].citations) == citationText(r.corpus, b.steps[k].citations));
      REQUIRE(a.steps[k].focus.size() == b.steps[k].focus.size());
      for (size_t f = 0; f < a.steps[k].focus.size(); ++f) {
        CHECK(c.entities[a.steps[k].focus[f]].id == r.corpus.entities[b.steps[k].focus[f]].id);
      }
    }
  }
  CHECK(exportWholeCorpus(r.corpus) == first);
}

TEST_CASE("the whole corpus export keeps the user's own items and their named fields", "[export]") {
  LoadResult base = loadCorpus(R"({"format": "1.0", "title": "T",
    "sources": [{"id": "src-a", "title": "A", "publisher": "P", "date": "2020", "external": true}],
    "entities": [{"id": "org-a", "kind": "organisation", "type": "charity", "name": "A",
                  "citations": [{"source": "src-a", "note": "test"}]},
                 {"id": "org-b", "kind": "organisation", "type": "charity", "name": "B", "own": true,
                  "fields": [{"name": "Ward", "value": "North"}], "citations": [{"source": "src-a", "note": "test"}]}],
    "relations": [{"id": "rel-1", "type": "partner-in", "from": "org-b", "to": "org-a", "own": true,
                   "citations": [{"source": "src-a", "note": "test"}]}]})");
  for (const Diagnostic& d : base.errors) UNSCOPED_INFO(formatDiagnostic("t.json", d));
  REQUIRE(base.ok());
  LoadResult r = reload(exportWholeCorpus(base.corpus));
  REQUIRE(r.corpus.findEntity("org-b") >= 0);
  const Entity& b = r.corpus.entities[r.corpus.findEntity("org-b")];
  CHECK(b.own);
  REQUIRE(b.fields.size() == 1);
  CHECK(b.fields[0].value == "North");
  REQUIRE(r.corpus.relations.size() == 1);
  CHECK(r.corpus.relations[0].own);
  CHECK(r.corpus.stories.empty());
}
