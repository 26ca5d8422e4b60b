// The forgiving importer on sheets shaped as people keep them (tests/data/sheets/), standing alone and
// with the bundled corpus as the map.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "bundled_corpus.h"
#include "core/corpus_loader.h"
#include "core/csv_import.h"
#include "core/export.h"
#include "core/sheet_gen.h"
#include "core/sheet_import.h"
#include "sheet_files.h"
#include "core/text_file.h"

using namespace nhsx;

namespace {


bool has(const std::vector<std::string>& v, const std::string& part) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

const Entity& named(const Corpus& c, const std::string& name) {
  for (const Entity& e : c.entities) if (e.name == name) return e;
  FAIL("no entity named " << name);
  return c.entities.front();
}

const Relation* relation(const Corpus& c, const std::string& from, const std::string& type, const std::string& to) {
  for (const Relation& r : c.relations) {
    if (c.entities[r.from].name == from && c.entities[r.to].name == to && relationTypes()[static_cast<size_t>(r.type)].id == type) return &r;
  }
  return nullptr;
}

// The corpus the import made, exported and loaded again: it passes every corpus rule.
void reloads(const Corpus& c) {
  const std::vector<uint8_t> ev(c.entities.size(), 1), rv(c.relations.size(), 1);
  LoadResult back = loadCorpus(exportJson(c, ev, rv));
  for (const Diagnostic& d : back.errors) UNSCOPED_INFO(formatDiagnostic("export.json", d));
  REQUIRE(back.ok());
  CHECK(back.corpus.entities.size() == c.entities.size());
  CHECK(back.corpus.relations.size() == c.relations.size());
}

SheetImportResult charity(const Corpus* base = nullptr) {
  SheetImportOptions o;
  o.base = base;
  return importSheets({sheet("charity-organisations.csv"), "organisations.csv"},
                      {sheet("charity-relations.csv"), "relations.csv"}, o);
}

}  // namespace

TEST_CASE("a charity's two sheets, no ids, no sources, types in words: imported with a review", "[sheet]") {
  const SheetImportResult r = charity();
  for (const std::string& e : lines(r.errors)) UNSCOPED_INFO(e);
  REQUIRE(r.ok());
  const Corpus& c = r.corpus;
  CHECK(c.entities.size() == 7);
  CHECK(c.relations.size() == 5);
  CHECK(r.counts.entities[static_cast<int>(Kind::Organisation)] == 7);
  CHECK(r.counts.relations == 5);
  CHECK(r.counts.noSource == 12);
  CHECK(r.counts.unknownDates == 1);
  CHECK(r.counts.unknownTypes == 2);  // "Widget maker", "shares an office with"

  const Entity& age = named(c, "Age Concern Camden");
  CHECK(age.id == "org-age-concern-camden");  // made up from the name
  CHECK(age.type == "charity");
  CHECK(age.description == "Older people's charity in Camden, London");
  CHECK(age.url == "https://www.ageconcerncamden.org.uk");
  CHECK(age.own);
  CHECK(age.noSource());
  CHECK(named(c, "Camden Carers Centre").type == "charity");  // "Registered charity"
  CHECK(named(c, "North Central London ICB").type == "commissioning-body");
  const Entity& widget = named(c, "Widget Collective");
  CHECK(widget.type == "other");
  CHECK(widget.fields == std::vector<Field>{{"Type", "Widget maker"}});  // the words are kept

  // "funded by" reads backwards: the ICB funds the charity, from April 2023 on.
  const Relation* funds = relation(c, "North Central London ICB", "funds", "Age Concern Camden");
  REQUIRE(funds);
  CHECK(funds->date.text == "2023-04/..");
  CHECK(funds->description == "Grant for the befriending service");
  const Relation* partner = relation(c, "Camden Carers Centre", "works-with", "Royal Free London NHS Foundation Trust");
  REQUIRE(partner);
  CHECK(partner->date.text == "2021/2024-03");
  REQUIRE(relation(c, "Camden Carers Centre", "works-with", "NHS England"));
  CHECK(relation(c, "Camden Carers Centre", "works-with", "NHS England")->date.text == "2022-04-01/..");  // 1/4/2022, UK
  const Relation* office = relation(c, "Age Concern Camden", "related-to", "Camden Carers Centre");
  REQUIRE(office);
  CHECK(office->role == "shares an office with");
  CHECK_FALSE(office->date.present());
  CHECK(office->fields == std::vector<Field>{{"Start", "sometime in 2020"}});

  // Warnings say where: file, line, column and the column's header.
  const auto w = lines(r.warnings);
  CHECK(has(w, "organisations.csv:8:19: column Type: \"Widget maker\" is not a kind or type we know"));
  CHECK(has(w, "relations.csv:6:41: column Type: \"shares an office with\" is not a relation type we know"));
  CHECK(has(w, "relations.csv:6:63: column Start: date \"sometime in 2020\" not understood"));
  CHECK(has(w, "organisations.csv:2: 12 items have no source (the first here): shown as \"no source given\""));

  // The review: what was understood.
  const std::string& s = r.review.summary;
  INFO(s);
  CHECK(s.rfind("7 organisations, 5 relations; ", 0) == 0);
  CHECK(s.find("'Type' read as kind/type: Charity \u2192 organisation/charity, Registered charity \u2192 organisation/charity") != std::string::npos);
  CHECK(s.find("Widget maker \u2192 organisation/other (not understood)") != std::string::npos);
  CHECK(s.find("'Type' read as relation type: funded by \u2192 funds (reversed), partner \u2192 works-with") != std::string::npos);
  CHECK(s.find("12 items without a source") != std::string::npos);
  CHECK(s.find("1 unknown date") != std::string::npos);
  REQUIRE(r.review.sheets.size() == 2);
  CHECK(r.review.sheets[1].kind == SheetKind::Relations);
  CHECK(r.review.sheets[0].columns[3].role == ColumnRole::Url);
  reloads(c);
}

TEST_CASE("with the map: names on it become its entities, references reach it", "[sheet]") {
  const Corpus& map = bundledCorpus();
  const SheetImportResult r = charity(&map);
  REQUIRE(r.ok());
  const Corpus& c = r.corpus;
  // The sheet's own rows for NHS England and ACEVO (an alias on the map) take the map's ids.
  CHECK(named(c, "NHS England").id == "org-nhs-england");
  CHECK(named(c, "ACEVO").id == "org-acevo");
  CHECK(r.counts.onMap == 2);
  REQUIRE(r.review.onMap.size() == 2);
  CHECK(r.review.onMap[1].id == "org-acevo");
  CHECK(r.review.onMap[1].name == "Association of Chief Executives of Voluntary Organisations");
  CHECK(r.review.summary.find("NHS England, ACEVO are already on the map: joined, not copied") != std::string::npos);
  // The made-up ids avoid every id of the map.
  for (const Entity& e : c.entities) {
    if (e.name != "NHS England" && e.name != "ACEVO") CHECK(map.findEntity(e.id) < 0);
  }
  reloads(c);
}

TEST_CASE("a pasted table of relations only: delimiter, columns and map entities", "[sheet]") {
  const Corpus& map = bundledCorpus();
  SheetImportOptions o;
  o.base = &map;
  const SheetImportResult r = importTable({sheet("pasted-partners.tsv"), "pasted table"}, o);
  for (const std::string& e : lines(r.errors)) UNSCOPED_INFO(e);
  REQUIRE(r.ok());
  REQUIRE(r.review.sheets.size() == 1);
  CHECK(r.review.sheets[0].kind == SheetKind::Relations);
  CHECK(r.review.sheets[0].delimiter == '\t');
  const Corpus& c = r.corpus;
  CHECK(c.relations.size() == 3);
  // Map bodies are brought in as they are on the map (not the user's own), with their citations.
  const Entity& nhse = named(c, "NHS England");
  CHECK(nhse.id == "org-nhs-england");
  CHECK_FALSE(nhse.own);
  CHECK_FALSE(nhse.citations.empty());
  CHECK(named(c, "The King's Fund").id == "org-kings-fund");  // "The Kings Fund" as written
  // Named nowhere else: added as organisations, their type read from the name when it says it.
  const Entity& mind = named(c, "Mind in Camden");
  CHECK(mind.own);
  CHECK(mind.type == "other");
  CHECK(named(c, "Camden Council").type == "local-government");
  CHECK(r.counts.addedFromRelations == 2);
  CHECK(r.review.headline == "2 organisations, 3 relations");
  const Relation* supports = relation(c, "NHS England", "supports", "Mind in Camden");  // "Supported by"
  REQUIRE(supports);
  CHECK(supports->date.text == "2023-04/..");
  CHECK(supports->fields == std::vector<Field>{{"Charity number", "1234567"}});
  const Relation* commissioned = relation(c, "Camden Council", "funds", "Mind in Camden");
  REQUIRE(commissioned);
  CHECK(commissioned->date.text == "2022-04-01/2025-03-31");
  CHECK(relation(c, "Mind in Camden", "member-of", "The King's Fund"));
  CHECK(has(lines(r.warnings), "pasted table:3:16: column Partner: \"Camden Council\" is not listed nor on the map: added"));
  reloads(c);
}

TEST_CASE("UK dates, and what is not a date", "[sheet]") {
  const SheetImportResult r = importTable({sheet("uk-dates.csv"), "dates.csv"});
  REQUIRE(r.ok());
  const Corpus& c = r.corpus;
  // "Founded" and "Closed": one interval, open when there is no end.
  CHECK(named(c, "Year only").date.text == "2023/..");
  CHECK(named(c, "Month and year").date.text == "2023-04/..");
  CHECK(named(c, "Short month").date.text == "2023-04/..");
  CHECK(named(c, "Numeric month").date.text == "2023-04/..");
  CHECK(named(c, "UK day").date.text == "2023-04-01/..");
  CHECK(named(c, "UK day").description == "the first of April");
  CHECK(named(c, "ISO day").date.text == "2023-04-01/..");
  CHECK_FALSE(named(c, "Empty").date.present());
  CHECK(named(c, "Ended").date.text == "1990/2010");
  CHECK(named(c, "Ongoing").date.text == "1987/..");
  CHECK(named(c, "Day words").date.text == "2023-04-01/..");
  CHECK(named(c, "Circa").date.text == "1950~/..");
  CHECK_FALSE(named(c, "Not a date").date.present());
  CHECK(named(c, "Not a date").fields == std::vector<Field>{{"Founded", "last spring"}});
  CHECK_FALSE(named(c, "US order").date.present());
  CHECK_FALSE(named(c, "Two-digit year").date.present());
  CHECK_FALSE(named(c, "Ends first").date.present());
  CHECK(r.counts.unknownDates == 4);
  const auto w = lines(r.warnings);
  CHECK(has(w, "dates.csv:15:18: column Founded: date \"4/13/2023\" not understood (month 13 does not exist (day/month/year, the UK order))"));
  CHECK(has(w, "dates.csv:16:24: column Founded: date \"1/4/23\" not understood (a two-digit year"));
  CHECK(has(w, "dates.csv:17:20: column Founded: the dates cannot be joined into one span"));
}

TEST_CASE("ambiguous names, an unknown id and a relation to nobody are errors that say where", "[sheet]") {
  const Corpus& map = bundledCorpus();
  SheetImportOptions o;
  o.base = &map;
  const SheetImportResult r = importSheets({sheet("ambiguous-entities.csv"), "entities.csv"},
                                           {sheet("ambiguous-relations.csv"), "relations.csv"}, o);
  CHECK_FALSE(r.ok());
  CHECK(r.corpus.entities.empty());  // nothing to adopt
  CHECK(lines(r.errors) == std::vector<std::string>{
      "relations.csv:2:1: column From: \"Mind\" matches 2 entities by name: Mind (org-mind, entities.csv:2); Mind "
      "(prog-mind, entities.csv:3); write the id or the full name of the one you mean",
      "relations.csv:3:1: column From: \"Healthwatch\" matches 2 entities by alias: Camden Healthwatch "
      "(org-camden-healthwatch, entities.csv:4); Islington Healthwatch (org-islington-healthwatch, entities.csv:5); "
      "write the id or the full name of the one you mean",
      "relations.csv:4:20: column To: unknown entity id \"org-nobody-at-all\" (not in the sheet nor on the map)",
      "relations.csv:5:1: column From: a relation to nobody: its From cell is empty (write the name or id of an "
      "organisation)"});
  // The same two names told apart by their aliases import cleanly.
  const SheetImportResult ok = importSheets({sheet("ambiguous-entities.csv"), "entities.csv"},
                                            {"From,To,Relationship\nMind charity,Mind programme,leads\n", "r.csv"}, o);
  REQUIRE(ok.ok());
  REQUIRE(relation(ok.corpus, "Mind", "leads", "Mind"));
  CHECK(ok.corpus.entities[ok.corpus.relations[0].from].kind == Kind::Organisation);
  CHECK(ok.corpus.entities[ok.corpus.relations[0].to].kind == Kind::Programme);
}

TEST_CASE("a name matching two entities on the map is reported with both", "[sheet]") {
  Corpus map;
  map.format = "1.0";
  map.title = "map";
  map.sources.push_back({"src-a", "A", "P", "", "", "", "", {}, true});
  for (const char* id : {"org-mind-a", "org-mind-b"}) {
    Entity e;
    e.id = id;
    e.name = std::string("Mind ") + id;
    e.aliases = {"Mind"};
    e.type = "charity";
    e.citations = {{0, "", "n"}};
    map.entities.push_back(e);
  }
  map.buildIndex();
  SheetImportOptions o;
  o.base = &map;
  const SheetImportResult r = importTable({"Name,Type\nMind,Charity\n", "s.csv"}, o);
  REQUIRE(r.ok());
  CHECK(r.corpus.entities[0].id == "org-mind");
  CHECK(lines(r.warnings) == std::vector<std::string>{
      "s.csv:2: 1 item has no source: shown as \"no source given\" (add a Source column to cite one)",
      "s.csv:2:1: column Name: \"Mind\" matches 2 entities on the map: Mind org-mind-a (org-mind-a, on the map); Mind "
      "org-mind-b (org-mind-b, on the map); added as a new organisation (write the id of the one you mean to join it)"});
  const SheetImportResult rel = importTable({"From,To\nMind,Mind org-mind-a\n", "r.csv"}, o);
  CHECK(has(lines(rel.errors), "r.csv:2:1: column From: \"Mind\" matches 2 entities by alias: Mind org-mind-a (org-mind-a, on the map); Mind org-mind-b (org-mind-b, on the map)"));
}

TEST_CASE("kinds and types not understood become other, with a warning; sources are optional", "[sheet]") {
  const SheetImportResult r = importTable({sheet("unknown-types.csv"), "u.csv"});
  REQUIRE(r.ok());
  const Corpus& c = r.corpus;
  CHECK(named(c, "Gizmo Trust").type == "other");
  CHECK(named(c, "Sam Smith").kind == Kind::Person);
  CHECK(named(c, "Sam Smith").type == "chief-executive");
  CHECK(named(c, "Sam Smith").id == "person-sam-smith");
  CHECK(named(c, "The Big Plan").kind == Kind::Document);
  CHECK(named(c, "The Big Plan").id == "doc-the-big-plan");
  CHECK(named(c, "Happy Walks").kind == Kind::Programme);
  CHECK(named(c, "Happy Walks").type == "other");
  const auto w = lines(r.warnings);
  CHECK(has(w, "u.csv:2:26: column Type: \"Gadget maker\" is not a kind or type we know: read as organisation/other"));
  CHECK(has(w, "u.csv:6:23: column Type: \"Walking club\" is not a kind or type we know: read as programme/other"));
  CHECK(has(w, "u.csv:3: 1 row has no type: read as an organisation of type other"));
  // A source cell: an address, or a title; a citation without a quote says where it was given.
  const Entity& gizmo = named(c, "Gizmo Trust");
  REQUIRE(gizmo.citations.size() == 1);
  const Source& web = c.sources[gizmo.citations[0].source];
  CHECK(web.url == "https://example.org/gizmo");
  CHECK(web.title == "https://example.org/gizmo");
  CHECK(web.publisher == "example.org");
  CHECK(web.external);
  CHECK(gizmo.citations[0].quote == "Gizmo Trust makes gadgets");
  const Entity& hands = named(c, "Helping Hands");
  REQUIRE(hands.citations.size() == 1);
  CHECK(c.sources[hands.citations[0].source].title == "Helping Hands annual report 2022");
  CHECK(hands.citations[0].note == "Given as the source in u.csv:3.");
  CHECK(r.counts.noSource == 3);
  CHECK(named(c, "Sam Smith").noSource());
  reloads(c);
}

TEST_CASE("the strict two-file form reads the same through the forgiving importer", "[sheet]") {
  const std::filesystem::path dir = std::filesystem::path(SOURCE_DIR) / "data" / "examples";
  std::string ents, rels;
  REQUIRE(readTextFile((dir / "entities.csv").string(), ents));
  REQUIRE(readTextFile((dir / "relations.csv").string(), rels));
  const CsvImportResult strict = importCsv(ents, "entities.csv", rels, "relations.csv");
  REQUIRE(strict.ok());
  const SheetImportResult r = importSheets({ents, "entities.csv"}, {rels, "relations.csv"});
  for (const std::string& e : lines(r.errors)) UNSCOPED_INFO(e);
  REQUIRE(r.ok());
  CHECK(r.warnings.empty());
  const Corpus& a = strict.corpus;
  const Corpus& b = r.corpus;
  REQUIRE(a.entities.size() == b.entities.size());
  REQUIRE(a.relations.size() == b.relations.size());
  REQUIRE(a.sources.size() == b.sources.size());
  auto sameCitations = [&](const std::vector<Citation>& x, const std::vector<Citation>& y) {
    REQUIRE(x.size() == y.size());
    for (size_t k = 0; k < x.size(); ++k) {
      CHECK(x[k].quote == y[k].quote);
      CHECK(x[k].note == y[k].note);
      const Source& sa = a.sources[x[k].source];
      const Source& sb = b.sources[y[k].source];
      CHECK(sa.title == sb.title);
      CHECK(sa.url == sb.url);
      CHECK(sa.publisher == sb.publisher);
      CHECK(sa.seed == sb.seed);
      CHECK(sa.date.text == sb.date.text);
      CHECK(sa.external == sb.external);
    }
  };
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& x = a.entities[i];
    const Entity& y = b.entities[i];
    INFO(x.id);
    CHECK(x.id == y.id);
    CHECK(x.kind == y.kind);
    CHECK(x.type == y.type);
    CHECK(x.name == y.name);
    CHECK(x.aliases == y.aliases);
    CHECK(x.date.text == y.date.text);
    CHECK(x.description == y.description);
    CHECK(y.fields.empty());
    CHECK(y.own);
    sameCitations(x.citations, y.citations);
  }
  for (size_t i = 0; i < a.relations.size(); ++i) {
    const Relation& x = a.relations[i];
    const Relation& y = b.relations[i];
    INFO(x.id);
    CHECK(x.id == y.id);
    CHECK(x.type == y.type);
    CHECK(a.entities[x.from].id == b.entities[y.from].id);
    CHECK(a.entities[x.to].id == b.entities[y.to].id);
    CHECK(x.date.text == y.date.text);
    CHECK(x.role == y.role);
    sameCitations(x.citations, y.citations);
  }
  // Given the other way round, the columns tell.
  const SheetImportResult swapped = importSheets({rels, "relations.csv"}, {ents, "entities.csv"});
  REQUIRE(swapped.ok());
  CHECK(swapped.corpus.relations.size() == a.relations.size());
}

TEST_CASE("a sheet is told apart by its columns", "[sheet]") {
  auto kindOf = [](const std::string& text) {
    const SheetImportResult r = importTable({text, "t.csv"});
    REQUIRE(r.review.sheets.size() == 1);
    return r.review.sheets[0].kind;
  };
  CHECK(kindOf("Name,Type\nA,Charity\n") == SheetKind::Entities);
  CHECK(kindOf("Source,Target\nA,B\n") == SheetKind::Relations);
  CHECK(kindOf("Organisation,Partner,Relationship\nA,B,partner\n") == SheetKind::Relations);
  CHECK(kindOf("from;to;type\nA;B;funds\n") == SheetKind::Relations);
  // "From" and "To" holding dates beside a name: a list of organisations with their dates.
  const SheetImportResult dated = importTable({"Organisation,From,To\nA,2001,2009\nB,March 2010,\n", "d.csv"});
  REQUIRE(dated.ok());
  CHECK(dated.review.sheets[0].kind == SheetKind::Entities);
  CHECK(named(dated.corpus, "A").date.text == "2001/2009");
  CHECK(named(dated.corpus, "B").date.text == "2010-03/..");
  // No name column: the first other column names the items, with a warning.
  const SheetImportResult noName = importTable({"Charity number,Town\n123,Camden\n", "n.csv"});
  REQUIRE(noName.ok());
  CHECK(named(noName.corpus, "123").fields == std::vector<Field>{{"Town", "Camden"}});
  CHECK(has(lines(noName.warnings), "n.csv:1:1: no Name, Label or Organisation column"));
  // A relations sheet without a type column: "related to".
  const SheetImportResult untyped = importTable({"From,To\nA,B\n", "u.csv"});
  REQUIRE(untyped.ok());
  CHECK(relation(untyped.corpus, "A", "related-to", "B"));
}

TEST_CASE("any other column is kept as a named field, exported and read back", "[sheet]") {
  const SheetImportResult r = importTable(
      {"Name,Type,Charity number,Region,Website,,Notes\nMind in Camden,Charity,1234567,London,mindincamden.org.uk,,Local Mind\n", "f.csv"});
  REQUIRE(r.ok());
  const Entity& e = r.corpus.entities.at(0);
  CHECK(e.fields == std::vector<Field>{{"Charity number", "1234567"}, {"Region", "London"}});
  CHECK(e.url == "mindincamden.org.uk");
  CHECK(e.description == "Local Mind");
  CHECK(r.counts.fields == 2);
  CHECK(r.review.summary.find("'Charity number', 'Region', 'Column 6' kept as fields") != std::string::npos);
  // JSON: url, fields and own travel, and load back.
  const std::vector<uint8_t> all(1, 1), none;
  const std::string json = exportJson(r.corpus, all, none);
  CHECK(json.find("\"own\": true") != std::string::npos);
  LoadResult back = loadCorpus(json);
  REQUIRE(back.ok());
  CHECK(back.corpus.entities[0].fields == e.fields);
  CHECK(back.corpus.entities[0].url == e.url);
  CHECK(back.corpus.entities[0].own);
  CHECK(back.corpus.entities[0].noSource());
  // CSV: a column each, which the forgiving importer reads back as fields.
  const std::string csv = exportEntitiesCsv(r.corpus, all);
  CHECK(csv.substr(0, csv.find('\r')) ==
        "id,kind,type,name,aliases,date,description,source_title,source_url,source_publisher,source_date,"
        "source_seed,quote,note,url,Charity number,Region");
  const SheetImportResult again = importTable({csv, "export.csv"});
  REQUIRE(again.ok());
  CHECK(again.corpus.entities.at(0).fields == e.fields);
  CHECK(again.corpus.entities.at(0).url == e.url);
  CHECK(again.corpus.entities.at(0).id == e.id);
}

TEST_CASE("ids: the written one, or made up from the name, stable and unique", "[sheet]") {
  const std::string text = "ID,Name,Type\norg-camden-mind,Mind,Charity\n,Mind,Programme\n,Mind,Charity\n7,Age UK,Charity\n"
                           ",\xce\xa9\xce\xbc\xce\xad\xce\xb3\xce\xb1,Charity\n";
  const SheetImportResult a = importTable({text, "ids.csv"});
  REQUIRE(a.ok());
  std::vector<std::string> ids;
  for (const Entity& e : a.corpus.entities) ids.push_back(e.id);
  // The written id; a programme of the same name; the third row is a second row for... the organisation
  // with the written id is told apart by it, so this "Mind" is new; a sheet's own id ("7") is not ours.
  CHECK(ids == std::vector<std::string>{"org-camden-mind", "prog-mind", "org-mind", "org-age-uk", "org-d35c5385"});
  CHECK(a.corpus.entities[3].fields == std::vector<Field>{{"ID", "7"}});
  // The same text, the same ids.
  const SheetImportResult b = importTable({text, "ids.csv"});
  for (size_t i = 0; i < ids.size(); ++i) CHECK(b.corpus.entities[i].id == ids[i]);
  // References by the sheet's own ids work too.
  const SheetImportResult rel = importSheets({text, "ids.csv"}, {"From,To,Type\n7,org-camden-mind,funds\n", "r.csv"});
  REQUIRE(rel.ok());
  CHECK(relation(rel.corpus, "Age UK", "funds", "Mind"));
  CHECK(rel.corpus.relations[0].id == "rel-age-uk-funds-camden-mind");
}

TEST_CASE("the same name on two rows is one entity; a repeated id adds a citation", "[sheet]") {
  const SheetImportResult r = importTable(
      {"Name,Type,Website,Source,Notes\nMind,Charity,,https://a.org/1,\nMind,Charity,mind.org.uk,https://a.org/2,Mental health\n", "m.csv"});
  REQUIRE(r.ok());
  REQUIRE(r.corpus.entities.size() == 1);
  const Entity& e = r.corpus.entities[0];
  CHECK(e.url == "mind.org.uk");
  CHECK(e.description == "Mental health");
  CHECK(e.citations.size() == 2);
  CHECK(lines(r.warnings) == std::vector<std::string>{
      "m.csv:3:1: column Name: \"Mind\" is also at m.csv:2: read as one organisation (its other values are added)"});
  const SheetImportResult dup = importTable({"id,name,type,source_url\norg-a,A,charity,https://a.org\norg-a,,,https://b.org\norg-a,B,charity,\n", "d.csv"});
  CHECK(lines(dup.errors) == std::vector<std::string>{
      "d.csv:4:1: column id: id \"org-a\" is used twice (first at d.csv:2); to add a citation to it, repeat the id "
      "and leave the other columns empty"});
}

TEST_CASE("text that cannot be read is an error; small faults of CSV are warnings", "[sheet]") {
  CHECK(lines(importTable({"Name\nCaf\xe9\n", "latin1.csv"}).errors) == std::vector<std::string>{
      "latin1.csv:2:4: unreadable text: byte 0xE9 is not UTF-8; save the sheet as \"CSV UTF-8\""});
  CHECK(lines(importTable({"Name\n\"Mind\nAge UK\n", "q.csv"}).errors) == std::vector<std::string>{
      "q.csv:2:1: quoted field never closed (a '\"' opened here has no matching '\"'): the rest of the sheet would be one cell"});
  CHECK(lines(importTable({std::string("Name\nA\0B\n", 9), "bin.csv"}).errors) == std::vector<std::string>{
      "bin.csv:2:2: this is not text (a NUL byte): save the sheet as CSV (UTF-8) or copy its cells"});
  const SheetImportResult stray = importTable({"Name,Notes\nMind,the \"best\" one\n", "s.csv"});
  REQUIRE(stray.ok());
  CHECK(stray.corpus.entities[0].description == "the \"best\" one");
  CHECK(has(lines(stray.warnings), "s.csv:2:10: unexpected '\"'"));
  // Empty text, or a header alone: nothing, and no error.
  const SheetImportResult empty = importTable({"", "e.csv"});
  CHECK(empty.ok());
  CHECK(empty.corpus.entities.empty());
  CHECK(importTable({"Name,Type\n", "h.csv"}).ok());
  // Rows longer than the header keep their extra values.
  const SheetImportResult wide = importTable({"Name\nMind,extra\n", "w.csv"});
  REQUIRE(wide.ok());
  CHECK(wide.corpus.entities[0].fields == std::vector<Field>{{"Column 2", "extra"}});
}

TEST_CASE("a cycle of successions among the rows is an error at the row that closes it", "[sheet]") {
  const SheetImportResult r = importTable({"From,To,Type\nA,B,replaced by\nB,C,replaced by\nC,A,replaced by\n", "c.csv"});
  CHECK(lines(r.errors) == std::vector<std::string>{
      "c.csv:4: a cycle of \"succeeded-by\" relations (a body cannot follow or contain itself): A \u2192 B \u2192 C \u2192 A"});
}

TEST_CASE("warnings of one sort are listed up to a limit, then counted", "[sheet]") {
  std::string text = "Name,Founded\n";
  for (int i = 0; i < 100; ++i) text += "Org " + std::to_string(i) + ",whenever\n";
  const SheetImportResult r = importTable({text, "many.csv"});
  REQUIRE(r.ok());
  CHECK(r.counts.unknownDates == 100);
  CHECK(r.warnings.size() == 25 + 1 + 1 + 1);  // 25 dates, the count of the rest, no type, no source
  CHECK(has(lines(r.warnings), "and 75 more warnings of this sort (dates not understood)"));
}

// Scale: the import is one pass over the text with hash lookups per row, so time and memory grow linearly
// with the sheet (the items plus one row). A generated pair of sheets of 20k + 40k rows is imported here;
// build/native/bench-sheet-import (bench/bench_sheet_import.cpp) times 5, 20 and 50 MB and reports peak memory.
TEST_CASE("a large generated sheet imports with bounded messages", "[sheet][scale]") {
  SheetGenOptions g;
  g.organisations = 20000;
  g.relations = 40000;
  const std::string ents = generateOrganisationsSheet(g), rels = generateRelationsSheet(g);
  const SheetImportResult r = importSheets({ents, "organisations.csv"}, {rels, "relations.csv"}, {&bundledCorpus()});
  for (const std::string& e : lines(r.errors)) UNSCOPED_INFO(e);
  REQUIRE(r.ok());
  CHECK(r.counts.rows == 60000);
  CHECK(r.corpus.relations.size() == 40000);
  CHECK(r.corpus.entities.size() > 19000);
  CHECK(r.warnings.size() < 200);  // listed up to a limit per sort, whatever the size
  CHECK(r.review.guesses.size() <= 200);
  CHECK(r.review.summary.size() < 4000);
  CHECK(r.counts.onMap == 0);
  CHECK(r.counts.mapEntities == 2);  // NHS England and ACEVO, brought in once each
  std::set<std::string> ids;
  for (const Entity& e : r.corpus.entities) CHECK(ids.insert(e.id).second);
  for (const Relation& x : r.corpus.relations) CHECK(ids.insert(x.id).second);
  reloads(r.corpus);
}

TEST_CASE("a seed document's citations quote it, even when a later row says it is one", "[sheet]") {
  // Found by fuzz_sheet: the first row cites a source without a quote, the second names it a seed document.
  const SheetImportResult r = importTable({"Name,source_url,source_seed,quote\nA,https://s.org,,\nB,https://s.org,003.txt,q\n", "s.csv"});
  CHECK(lines(r.errors) == std::vector<std::string>{
      "s.csv:2: a citation of a seed document (003.txt, given on a later row) needs a quote; this row gives none"});
  const SheetImportResult first = importTable({"Name,source_url,source_seed,quote\nB,https://s.org,003.txt,q\nA,https://s.org,,\n", "s.csv"});
  CHECK(lines(first.errors) == std::vector<std::string>{
      "s.csv:3:18: column quote: a citation of a seed document needs a quote, found an empty cell"});
}

TEST_CASE("a CSV saved by Excel in a European locale: byte order mark, semicolons, CRLF, accents", "[sheet]") {
  const SheetImportResult r = importTable({sheet("excel-semicolons.csv"), "excel.csv"});
  for (const std::string& e : lines(r.errors)) UNSCOPED_INFO(e);
  REQUIRE(r.ok());
  CHECK(r.review.sheets[0].delimiter == ';');
  const Entity& cafe = named(r.corpus, "Caf\xc3\xa9 Cr\xc3\xa8me Trust");
  CHECK(cafe.id == "org-cafe-creme-trust");
  CHECK(cafe.type == "charity");
  CHECK(cafe.description == "Runs a caf\xc3\xa9;\r\ntwo lines");
  CHECK(cafe.url == "cafe.example");
  CHECK(named(r.corpus, "North London Alliance").kind == Kind::Partnership);
  // A partner of a partnership takes part in it.
  const SheetImportResult rel = importSheets({sheet("excel-semicolons.csv"), "excel.csv"},
                                             {"From,To,Type\nCaf\xc3\xa9 Cr\xc3\xa8me Trust,North London Alliance,partner\n", "r.csv"});
  REQUIRE(rel.ok());
  CHECK(relation(rel.corpus, "Caf\xc3\xa9 Cr\xc3\xa8me Trust", "partner-in", "North London Alliance"));
}
