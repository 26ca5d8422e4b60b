// "Add to the map": the user's own items merged onto the bundled corpus.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "bundled_corpus.h"
#include "core/corpus_loader.h"
#include "core/corpus_merge.h"
#include "core/export.h"
#include "core/filter.h"
#include "core/import_reply.h"
#include "core/sheet_import.h"
#include "sheet_files.h"
#include "core/text_file.h"

using namespace nhsx;

namespace {


int indexNamed(const Corpus& c, const std::string& name) {
  for (size_t i = 0; i < c.entities.size(); ++i) if (c.entities[i].name == name) return static_cast<int>(i);
  return -1;
}

// Exported whole and loaded again: the merged corpus passes every rule of loadCorpus.
void reloads(const Corpus& c) {
  const std::vector<uint8_t> ev(c.entities.size(), 1), rv(c.relations.size(), 1);
  LoadResult back = loadCorpus(exportJson(c, ev, rv));
  for (const Diagnostic& d : back.errors) UNSCOPED_INFO(formatDiagnostic("merged.json", d));
  REQUIRE(back.ok());
  CHECK(back.corpus.entities.size() == c.entities.size());
  CHECK(back.corpus.relations.size() == c.relations.size());
}

}  // namespace

TEST_CASE("a charity's partners added to the map attach to the map's bodies", "[merge]") {
  const Corpus& map = bundledCorpus();
  SheetImportOptions o;
  o.base = &map;
  const SheetImportResult imported = importSheets({sheet("charity-organisations.csv"), "organisations.csv"},
                                                  {sheet("charity-relations.csv"), "relations.csv"}, o);
  REQUIRE(imported.ok());
  const MergeResult m = mergeImport(map, imported);
  for (const std::string& e : lines(m.errors)) UNSCOPED_INFO(e);
  REQUIRE(m.ok());
  const Corpus& c = m.corpus;
  // The map stays as it was, at the same indices.
  REQUIRE(c.entities.size() == map.entities.size() + 5);
  for (size_t i = 0; i < map.entities.size(); ++i) {
    CHECK(c.entities[i].id == map.entities[i].id);
    CHECK_FALSE(c.entities[i].own);
  }
  CHECK(c.relations.size() == map.relations.size() + 5);
  // NHS England and ACEVO (an alias on the map) are the map's entities, not copies.
  const int nhse = c.findEntity("org-nhs-england");
  REQUIRE(nhse >= 0);
  CHECK(indexNamed(c, "NHS England") == nhse);
  CHECK(c.entities[static_cast<size_t>(nhse)].type == "arms-length-body");  // the map's, not the row's "NHS body"
  CHECK(m.joins.size() == 2);
  const int carers = indexNamed(c, "Camden Carers Centre");
  REQUIRE(carers >= static_cast<int>(map.entities.size()));
  CHECK(c.entities[static_cast<size_t>(carers)].own);
  // The imported partner linked to NHS England attaches to org-nhs-england.
  const Relation* link = nullptr;
  for (size_t r = map.relations.size(); r < c.relations.size(); ++r) {
    if (c.relations[r].from == static_cast<uint32_t>(carers) && c.relations[r].to == static_cast<uint32_t>(nhse)) link = &c.relations[r];
  }
  REQUIRE(link);
  CHECK(link->own);
  CHECK(relationTypes()[static_cast<size_t>(link->type)].id == "works-with");
  // ... and is found among NHS England's relations, as the graph and details read them.
  bool inIndex = false;
  for (uint32_t k = c.inStart[static_cast<size_t>(nhse)]; k < c.inStart[static_cast<size_t>(nhse) + 1]; ++k) {
    inIndex = inIndex || &c.relations[c.inRel[k]] == link;
  }
  CHECK(inIndex);
  // ACEVO's membership attaches to org-acevo.
  const int acevo = c.findEntity("org-acevo");
  const int age = indexNamed(c, "Age Concern Camden");
  CHECK(std::any_of(c.relations.begin(), c.relations.end(), [&](const Relation& r) {
    return r.from == static_cast<uint32_t>(age) && r.to == static_cast<uint32_t>(acevo) &&
           relationTypes()[static_cast<size_t>(r.type)].id == "member-of";
  }));
  // The row's website is added to the map's entity, which had none.
  CHECK(c.entities[static_cast<size_t>(acevo)].url == "https://www.acevo.org.uk");
  CHECK(m.addedEntities == 5);
  CHECK(m.addedRelations == 5);
  reloads(c);
}

TEST_CASE("a sheet imported without the map joins it by name when added", "[merge]") {
  const Corpus& map = bundledCorpus();
  const SheetImportResult imported = importTable({"From,To,Type\nMind in Camden,NHSE,funded by\nMind in Camden,the king's fund,member\n", "p.csv"});
  REQUIRE(imported.ok());
  CHECK(imported.corpus.entities.size() == 3);  // standing alone, the bodies are its own
  const MergeResult m = mergeImport(map, imported);
  REQUIRE(m.ok());
  CHECK(m.addedEntities == 1);
  REQUIRE(m.joins.size() == 2);
  CHECK(m.corpus.entities[m.joins[0].base].id == "org-nhs-england");
  CHECK(m.joins[0].how == "by alias");
  CHECK(m.corpus.entities[m.joins[1].base].id == "org-kings-fund");
  CHECK(m.joins[1].how == "by name");
  reloads(m.corpus);
}

TEST_CASE("the user's own items are a filter facet: own flags survive a reload and filter", "[merge]") {
  const Corpus& map = bundledCorpus();
  const SheetImportResult imported = importTable({sheet("pasted-partners.tsv"), "pasted"}, {&map});
  REQUIRE(imported.ok());
  const MergeResult m = mergeImport(map, imported);
  REQUIRE(m.ok());
  size_t own = 0, ownRelations = 0, noSource = 0;
  for (const Entity& e : m.corpus.entities) {
    own += e.own;
    noSource += e.noSource();
  }
  for (const Relation& r : m.corpus.relations) ownRelations += r.own;
  CHECK(own == 2);           // Mind in Camden, Camden Council
  CHECK(ownRelations == 3);
  CHECK(noSource == 2);      // only the user's own may lack a source
  const std::vector<uint8_t> ev(m.corpus.entities.size(), 1), rv(m.corpus.relations.size(), 1);
  LoadResult back = loadCorpus(exportJson(m.corpus, ev, rv));
  REQUIRE(back.ok());
  size_t ownBack = 0;
  for (const Entity& e : back.corpus.entities) ownBack += e.own;
  CHECK(ownBack == 2);
}

TEST_CASE("the bundled corpus keeps its rule: everything not the user's own is cited", "[merge][loader]") {
  for (const Entity& e : bundledCorpus().entities) {
    CHECK_FALSE(e.own);
    CHECK_FALSE(e.noSource());
  }
  for (const Relation& r : bundledCorpus().relations) {
    CHECK_FALSE(r.own);
    CHECK_FALSE(r.noSource());
  }
  const std::string head = R"({"format": "1.0", "title": "t", "sources": [], "entities": [)";
  // An own item may give no citation; anything else still needs one.
  CHECK(loadCorpus(head + R"({"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "own": true}]})").ok());
  CHECK(loadCorpus(head + R"({"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "own": true, "citations": []}]})").ok());
  LoadResult notOwn = loadCorpus(head + R"({"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "own": false, "citations": []}]})");
  REQUIRE(notOwn.errors.size() == 1);
  CHECK(notOwn.errors[0].message == "expected at least one citation, found none");
  LoadResult badFields = loadCorpus(head + R"({"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "own": true, "fields": [{"name": "", "value": "x"}, {"value": "y"}, 3]}]})");
  CHECK(badFields.errors.size() == 3);
}

TEST_CASE("merge: ids taken on the map are renamed, names matching two bodies are reported", "[merge]") {
  const Corpus& map = bundledCorpus();
  // An own entity with a map id but another name: not the map's, renamed.
  const SheetImportResult a = importTable({"ID,Name,Type\norg-nhs-england,Our NHS England Group,Charity\n", "a.csv"});
  REQUIRE(a.ok());
  const MergeResult m = mergeImport(map, a);
  REQUIRE(m.ok());
  CHECK(m.addedEntities == 1);
  CHECK(m.corpus.entities.back().id == "org-nhs-england-2");
  CHECK(lines(m.warnings) == std::vector<std::string>{
      "a.csv:2: the id \"org-nhs-england\" of \"Our NHS England Group\" is taken on the map by \"NHS England\": it is "
      "\"org-nhs-england-2\" there"});
  reloads(m.corpus);
  // A name two map bodies answer to.
  Corpus base;
  base.format = "1.0";
  base.title = "b";
  base.sources.push_back({"src-a", "A", "P", "", "", "", "", {}, true});
  for (const char* id : {"org-x", "org-y"}) {
    Entity e;
    e.id = id;
    e.name = std::string("Body ") + id;
    e.aliases = {"Healthwatch"};
    e.citations = {{0, "", "n"}};
    e.type = "charity";
    base.entities.push_back(e);
  }
  base.buildIndex();
  const SheetImportResult h = importTable({"Name\nHealthwatch\n", "h.csv"});
  const MergeResult hm = mergeImport(base, h);
  REQUIRE(hm.ok());
  CHECK(hm.addedEntities == 1);
  CHECK(lines(hm.warnings) == std::vector<std::string>{
      "h.csv:2: \"Healthwatch\" matches 2 entities on the map: Body org-x (org-x); Body org-y (org-y); added as a new one"});
}

TEST_CASE("merge: a cycle made with the map's successions is an error naming the row", "[merge]") {
  const Corpus& map = bundledCorpus();
  // On the map Monitor merged into NHS Improvement; this sheet says the reverse.
  const SheetImportResult r = importTable({"From,To,Type\nNHS Improvement,Monitor,merged into\n", "m.csv"}, {&map});
  REQUIRE(r.ok());  // alone it is fine
  const MergeResult m = mergeImport(map, r);
  CHECK_FALSE(m.ok());
  CHECK(m.corpus.entities.empty());
  CHECK(lines(m.errors) == std::vector<std::string>{
      "m.csv:2: with the map, a cycle of \"merged-into\" relations (a body cannot follow or contain itself): NHS "
      "Improvement \u2192 Monitor \u2192 NHS Improvement"});
}

TEST_CASE("merge: a corpus file of the user's own, with sources and events", "[merge]") {
  const Corpus& map = bundledCorpus();
  const std::string json = R"({"format": "1.0", "title": "mine",
    "sources": [{"id": "src-ours", "title": "Our report", "publisher": "Us", "external": true},
                {"id": "src-mandate-2025", "title": "Different", "publisher": "Us", "external": true}],
    "entities": [{"id": "org-ours", "kind": "organisation", "type": "charity", "name": "Ours",
                  "citations": [{"source": "src-ours", "note": "n"}, {"source": "src-mandate-2025", "note": "m"}]},
                 {"id": "org-nhs-england", "kind": "organisation", "type": "arms-length-body", "name": "NHS England",
                  "citations": [{"source": "src-ours", "note": "n"}]}],
    "relations": [{"id": "rel-ours", "type": "works-with", "from": "org-ours", "to": "org-nhs-england",
                   "citations": [{"source": "src-ours", "note": "n"}]}],
    "events": [{"id": "ev-ours", "type": "launch", "name": "Launch", "date": "2024", "entities": ["org-ours", "org-nhs-england"],
                "citations": [{"source": "src-ours", "note": "n"}]}]})";
  LoadResult extra = loadCorpus(json);
  REQUIRE(extra.ok());
  const MergeResult m = mergeCorpus(map, extra.corpus);
  REQUIRE(m.ok());
  CHECK(m.addedEntities == 1);
  CHECK(m.addedRelations == 1);
  CHECK(m.addedEvents == 1);
  CHECK(m.addedSources == 2);
  const Corpus& c = m.corpus;
  CHECK(c.entities.back().own);  // marked as the user's own
  CHECK(c.sources.back().id == "src-mandate-2025-2");  // a different source under a map id: renamed
  CHECK(c.events.back().entities.at(1) == static_cast<uint32_t>(c.findEntity("org-nhs-england")));
  reloads(c);
}

TEST_CASE("merging an empty import changes nothing", "[merge]") {
  const Corpus& map = bundledCorpus();
  const SheetImportResult r = importTable({"", "empty"});
  REQUIRE(r.ok());
  const MergeResult m = mergeImport(map, r);
  REQUIRE(m.ok());
  CHECK(m.corpus.entities.size() == map.entities.size());
  CHECK(m.corpus.relations.size() == map.relations.size());
  CHECK(m.corpus.sources.size() == map.sources.size());
}

TEST_CASE("merging by moving the import gives the same corpus as by copying it", "[merge]") {
  const Corpus& map = bundledCorpus();
  SheetImportOptions o;
  o.base = &map;
  SheetImportResult a = importSheets({sheet("charity-organisations.csv"), "o.csv"}, {sheet("charity-relations.csv"), "r.csv"}, o);
  REQUIRE(a.ok());
  const MergeResult copied = mergeImport(map, a);
  const MergeResult moved = mergeImport(map, std::move(a));
  REQUIRE(moved.ok());
  CHECK(a.corpus.entities.empty());
  const std::vector<uint8_t> ev(copied.corpus.entities.size(), 1), rv(copied.corpus.relations.size(), 1);
  CHECK(exportJson(copied.corpus, ev, rv) == exportJson(moved.corpus, ev, rv));
}

TEST_CASE("the page's answer to an import: ok, errors, warnings, counts, review, merge", "[merge][reply]") {
  const Corpus& map = bundledCorpus();
  SheetImportOptions o;
  o.base = &map;
  SheetImportResult r = importSheets({sheet("charity-organisations.csv"), "organisations.csv"},
                                     {sheet("charity-relations.csv"), "relations.csv"}, o);
  const MergeResult m = mergeImport(map, r);
  const nlohmann::json j = nlohmann::json::parse(importReplyJson(r, &m));
  CHECK(j["ok"] == true);
  CHECK(j["errors"].empty());
  CHECK(j["warnings"].size() == 4);
  CHECK(j["warnings"][0]["text"] == formatImportDiagnostic(r.warnings[0]));
  CHECK(j["counts"]["organisations"] == 7);
  CHECK(j["counts"]["relations"] == 5);
  CHECK(j["counts"]["noSource"] == 12);
  CHECK(j["counts"]["unknownDates"] == 1);
  CHECK(j["counts"]["onMap"] == 2);
  CHECK(j["review"]["headline"] == "7 organisations, 5 relations");
  CHECK(j["review"]["summary"] == r.review.summary);
  CHECK(j["review"]["sheets"][1]["kind"] == "relations");
  CHECK(j["review"]["guesses"][0]["written"] == "Charity");
  CHECK(j["review"]["guesses"][0]["readAs"] == "organisation/charity");
  CHECK(j["merge"]["ok"] == true);
  CHECK(j["merge"]["addedEntities"] == 5);
  CHECK(j["merge"]["joined"][0]["id"] == "org-nhs-england");
  // Refused: ok false and the errors, no merge.
  const SheetImportResult bad = importTable({"From,To\n,NHS England\n", "bad.csv"}, o);
  const nlohmann::json b = nlohmann::json::parse(importReplyJson(bad));
  CHECK(b["ok"] == false);
  CHECK(b["errors"][0]["text"] == "bad.csv:2:1: column From: a relation to nobody: its From cell is empty (write the name or id of an organisation)");
  CHECK_FALSE(b.contains("merge"));
}

TEST_CASE("the origin facet: the map's items, the user's own (with the map's bodies they attach to)", "[merge][filter]") {
  const Corpus& map = bundledCorpus();
  SheetImportOptions o;
  o.base = &map;
  const SheetImportResult r = importSheets({sheet("charity-organisations.csv"), "o.csv"}, {sheet("charity-relations.csv"), "r.csv"}, o);
  const MergeResult m = mergeImport(map, r);
  REQUIRE(m.ok());
  const Corpus& c = m.corpus;
  const FilterIndex index(c);
  CHECK(index.anyOwn);
  CHECK_FALSE(FilterIndex(map).anyOwn);
  FilterSpec own;
  own.origins = {kOriginOwn};
  const FilterResult mine = applyFilter(index, own);
  CHECK(mine.relations == 5);  // only the user's own relations
  // The user's 5 entities, and NHS England and ACEVO, which their relations attach to.
  CHECK(mine.entities == 7);
  CHECK(mine.entityVisible[static_cast<size_t>(c.findEntity("org-nhs-england"))]);
  CHECK(mine.entityVisible[static_cast<size_t>(c.findEntity("org-acevo"))]);
  CHECK_FALSE(mine.entityVisible[static_cast<size_t>(c.findEntity("org-dhsc"))]);
  FilterSpec theMap;
  theMap.origins = {kOriginMap};
  const FilterResult mapOnly = applyFilter(index, theMap);
  CHECK(mapOnly.entities == map.entities.size());
  CHECK(mapOnly.relations == map.relations.size());
  const FilterCounts counts = countOptions(index, FilterSpec{});
  CHECK(counts.origins[kOriginMap] == map.entities.size());
  CHECK(counts.origins[kOriginOwn] == 7);
  CHECK(applyFilter(index, FilterSpec{}).entities == c.entities.size());
}
