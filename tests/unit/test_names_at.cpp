// Names at a date: renamings forwards and backwards, mergers, successions, chains, cycles.
#include <catch2/catch_test_macros.hpp>


#include "bundled_corpus.h"
#include "core/corpus_loader.h"
#include "core/names_at.h"

using namespace nhsx;

namespace {

int32_t day(int y, int m, int d) { return daysFromCivil(y, m, d); }

std::string ent(const std::string& id, const std::string& name, const std::string& date = "") {
  return R"({"id": ")" + id + R"(", "kind": "organisation", "type": "charity", "name": ")" + name + "\"" +
         (date.empty() ? "" : R"(, "date": ")" + date + "\"") + R"(, "citations": [{"source": "src-a", "quote": "q"}]})";
}

std::string rel(const std::string& id, const std::string& type, const std::string& from, const std::string& to,
                const std::string& date = "") {
  return R"({"id": ")" + id + R"(", "type": ")" + type + R"(", "from": ")" + from + R"(", "to": ")" + to + "\"" +
         (date.empty() ? "" : R"(, "date": ")" + date + "\"") + R"(, "citations": [{"source": "src-a", "quote": "q"}]})";
}

// A renamed B in 2001; B renamed C when C began (1 Jun 2005); X merged into Y in 2010; P succeeded by
// Q the day after P's end; U renamed V with no date anywhere.
const Corpus& chain() {
  static LoadResult r = loadCorpus(R"({"format": "1.0", "title": "T",
    "sources": [{"id": "src-a", "title": "A", "publisher": "P"}],
    "entities": [)" + ent("org-a", "Alpha") + "," + ent("org-b", "Beta") + "," +
      ent("org-c", "Gamma", "2005-06-01/..") + "," + ent("org-x", "Ex") + "," + ent("org-y", "Why", "1990/..") + "," +
      ent("org-p", "Pea", "1999/2003-03-31") + "," + ent("org-q", "Queue") + "," + ent("org-u", "You") + "," +
      ent("org-v", "Vee") + R"(],
    "relations": [)" +
      rel("rel-1", "renamed-to", "org-a", "org-b", "2001") + "," + rel("rel-2", "renamed-to", "org-b", "org-c") + "," +
      rel("rel-3", "merged-into", "org-x", "org-y", "2010-04-01") + "," + rel("rel-4", "succeeded-by", "org-p", "org-q") +
      "," + rel("rel-5", "renamed-to", "org-u", "org-v") + R"(],
    "events": []})");
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatDiagnostic("chain", d));
  REQUIRE(r.ok());
  return r.corpus;
}

std::string nameOf(const char* id, int32_t d) {
  const Corpus& c = chain();
  return std::string(nameAt(c, static_cast<uint32_t>(c.findEntity(id)), d));
}
}  // namespace

TEST_CASE("a renamed body shows its new name from the renaming on, its old name before", "[names]") {
  const Corpus& c = bundledCorpus();
  const auto doh = static_cast<uint32_t>(c.findEntity("org-department-of-health"));
  const auto dhsc = static_cast<uint32_t>(c.findEntity("org-dhsc"));
  // rel-department-of-health-renamed-to-dhsc is dated 2018-01-08.
  CHECK(nameAt(c, doh, day(2018, 1, 7)) == "Department of Health");
  CHECK(nameAt(c, doh, day(2018, 1, 8)) == "Department of Health and Social Care");
  CHECK(nameAt(c, dhsc, day(2018, 1, 7)) == "Department of Health");
  CHECK(nameAt(c, dhsc, day(2018, 1, 8)) == "Department of Health and Social Care");
  CHECK(successorAt(c, doh, day(2024, 1, 1)) == static_cast<int>(dhsc));
  const auto nhse = static_cast<uint32_t>(c.findEntity("org-nhs-england"));
  CHECK(successorAt(c, nhse, day(2000, 1, 1)) == static_cast<int>(nhse));  // no renaming modelled
}

TEST_CASE("the bundled successions show the structure of each year", "[names]") {
  const Corpus& c = bundledCorpus();
  auto at = [&](const char* id, int32_t d) {
    const int e = c.findEntity(id);
    REQUIRE(e >= 0);
    return std::string(nameAt(c, static_cast<uint32_t>(e), d));
  };
  CHECK(at("org-ftn", day(2014, 11, 30)) == "Foundation Trust Network");
  CHECK(at("org-ftn", day(2014, 12, 1)) == "NHS Providers");
  CHECK(at("org-nhs-providers", day(2013, 1, 1)) == "Foundation Trust Network");
  CHECK(at("org-monitor", day(2015, 1, 1)) == "Monitor");
  CHECK(at("org-monitor", day(2017, 1, 1)) == "NHS Improvement");
  CHECK(at("org-monitor", day(2023, 1, 1)) == "NHS England");
  CHECK(at("org-nhs-tda", day(2017, 1, 1)) == "NHS Improvement");
  CHECK(at("org-ccgs", day(2022, 6, 30)) == "Clinical commissioning groups");
  CHECK(at("org-ccgs", day(2022, 7, 1)) == c.entities[static_cast<uint32_t>(c.findEntity("org-icbs"))].name);
}

TEST_CASE("names follow chains of renamings both ways", "[names]") {
  CHECK(nameOf("org-a", day(2000, 12, 31)) == "Alpha");
  CHECK(nameOf("org-a", day(2001, 1, 1)) == "Beta");
  CHECK(nameOf("org-a", day(2005, 5, 31)) == "Beta");
  CHECK(nameOf("org-a", day(2005, 6, 1)) == "Gamma");  // undated renaming: the new body's start
  CHECK(nameOf("org-c", day(2005, 5, 31)) == "Beta");
  CHECK(nameOf("org-c", day(2000, 1, 1)) == "Alpha");
  CHECK(nameOf("org-b", day(2000, 1, 1)) == "Alpha");
  CHECK(nameOf("org-b", day(2003, 1, 1)) == "Beta");
  CHECK(nameOf("org-b", day(2020, 1, 1)) == "Gamma");
}

TEST_CASE("mergers and successions go forwards only", "[names]") {
  CHECK(nameOf("org-x", day(2010, 3, 31)) == "Ex");
  CHECK(nameOf("org-x", day(2010, 4, 1)) == "Why");
  CHECK(nameOf("org-y", day(2000, 1, 1)) == "Why");  // Y existed before the merger under its own name
  CHECK(nameOf("org-p", day(2003, 3, 31)) == "Pea");
  CHECK(nameOf("org-p", day(2003, 4, 1)) == "Queue");  // the day after P's end
  CHECK(nameOf("org-q", day(2000, 1, 1)) == "Queue");
  CHECK(successionDay(chain(), static_cast<uint32_t>(chain().relations.size() - 1)) == Date::kOpenEnd);
  CHECK(nameOf("org-u", day(2100, 1, 1)) == "You");  // never takes effect without a date
  CHECK(nameOf("org-v", day(1900, 1, 1)) == "Vee");
}

TEST_CASE("a cycle in bad data ends where it would repeat; bad indices give -1", "[names]") {
  // The loader refuses renaming cycles, so build one by hand.
  Corpus c;
  c.entities.resize(2);
  c.entities[0].name = "First";
  c.entities[1].name = "Second";
  for (uint32_t i = 0; i < 2; ++i) {
    Relation r;
    r.type = relationTypeIndex("renamed-to");
    r.from = i;
    r.to = 1 - i;
    r.date.text = i == 0 ? "2000" : "2001";
    r.date.value = parseEdtf(r.date.text).date;
    c.relations.push_back(r);
  }
  c.buildIndex();
  CHECK(nameAt(c, 0, day(2005, 1, 1)) == "Second");  // 0 -> 1 (2000), then 1 -> 0 would repeat
  CHECK(nameAt(c, 1, day(2005, 1, 1)) == "First");
  CHECK(nameAt(c, 0, day(1999, 1, 1)) == "Second");  // backwards: 1 -> 0 not yet in effect
  CHECK(successorAt(c, 2, 0) == -1);
  CHECK(nameAt(c, 2, 0).empty());
}
