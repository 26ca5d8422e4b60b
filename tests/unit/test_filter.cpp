// Filters: each facet alone and combined, on a small literal corpus (expected sets written out), on the
// bundled corpus and on a generated one (checked against a direct reading of the rules); option counts
// agree with what applying the filter with that option ticked shows.
#include <catch2/catch_test_macros.hpp>


#include "bundled_corpus.h"
#include "core/corpus_gen.h"
#include "core/corpus_loader.h"
#include "core/filter.h"

using namespace nhsx;

namespace {

// org-a (charity, 2010), org-b (nhs-trust, 2015-2018), org-c (charity, undated), person-p (May 2012),
// doc-d (28 Jul 2014), theme-x, theme-y. doc-d is related to theme-x twice.
const char* const kSmall = R"({"format": "1.0", "title": "T",
  "sources": [{"id": "src-a", "title": "A", "publisher": "P"}],
  "entities": [
    {"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "date": "2010", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "org-b", "kind": "organisation", "type": "nhs-trust", "name": "B", "date": "2015/2018", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "org-c", "kind": "organisation", "type": "charity", "name": "C", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "person-p", "kind": "person", "type": "chief-executive", "name": "P", "date": "2012-05", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "doc-d", "kind": "document", "type": "report", "name": "D", "date": "2014-07-28", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "theme-x", "kind": "theme", "type": "theme", "name": "X", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "theme-y", "kind": "theme", "type": "theme", "name": "Y", "citations": [{"source": "src-a", "quote": "q"}]}],
  "relations": [
    {"id": "rel-1", "type": "chief-executive-of", "from": "person-p", "to": "org-a", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "rel-2", "type": "addresses-theme", "from": "org-a", "to": "theme-x", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "rel-3", "type": "addresses-theme", "from": "doc-d", "to": "theme-x", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "rel-4", "type": "refers-to", "from": "doc-d", "to": "theme-x", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "rel-5", "type": "addresses-theme", "from": "doc-d", "to": "theme-y", "citations": [{"source": "src-a", "quote": "q"}]},
    {"id": "rel-6", "type": "publishes", "from": "org-b", "to": "doc-d", "citations": [{"source": "src-a", "quote": "q"}]}]})";

const Corpus& small() {
  static LoadResult r = loadCorpus(kSmall);
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatDiagnostic("small", d));
  REQUIRE(r.ok());
  return r.corpus;
}

const Corpus& generated() {
  static LoadResult r = [] {
    GenOptions o;
    o.entities = 3000;
    o.relations = 12000;
    o.seed = 7;
    return loadCorpus(generateCorpus(o));
  }();
  REQUIRE(r.ok());
  return r.corpus;
}

std::set<std::string> visibleIds(const Corpus& c, const FilterResult& r) {
  std::set<std::string> ids;
  for (size_t i = 0; i < c.entities.size(); ++i) if (r.entityVisible[i]) ids.insert(c.entities[i].id);
  return ids;
}

std::set<std::string> visibleRelations(const Corpus& c, const FilterResult& r) {
  std::set<std::string> ids;
  for (size_t i = 0; i < c.relations.size(); ++i) if (r.relationVisible[i]) ids.insert(c.relations[i].id);
  return ids;
}

// Entity e "has" theme t: it is t or a relation joins them.
bool touchesTheme(const Corpus& c, size_t e, const std::string& themeId) {
  if (c.entities[e].id == themeId) return true;
  for (const Relation& r : c.relations) {
    if ((r.from == e && c.entities[r.to].id == themeId) || (r.to == e && c.entities[r.from].id == themeId)) return true;
  }
  return false;
}

// The rules of filter.h read directly, one entity at a time (slow, obviously right).
bool entityPasses(const Corpus& c, size_t i, const FilterSpec& s) {
  const Entity& e = c.entities[i];
  if (!s.kinds.empty() && !s.kinds.count(e.kind)) return false;
  if (!s.orgTypes.empty() && e.kind == Kind::Organisation && !s.orgTypes.count(e.type)) return false;
  if (!s.themes.empty()) {
    bool anyTheme = false, touches = false;
    for (const std::string& t : s.themes) {
      const int ti = c.findEntity(t);
      if (ti < 0 || c.entities[static_cast<size_t>(ti)].kind != Kind::Theme) continue;
      anyTheme = true;
      touches = touches || touchesTheme(c, i, t);
    }
    if (anyTheme && !touches) return false;
  }
  if (e.date.present() && (e.date.value.lastDay() < s.fromDay || e.date.value.firstDay() > s.toDay)) return false;
  return true;
}

void checkAgainstRules(const Corpus& c, const FilterSpec& s) {
  const FilterResult r = applyFilter(c, s);
  REQUIRE(r.entityVisible.size() == c.entities.size());
  REQUIRE(r.relationVisible.size() == c.relations.size());
  size_t shown = 0, shownRelations = 0;
  for (size_t i = 0; i < c.entities.size(); ++i) {
    INFO(c.entities[i].id);
    CHECK(bool(r.entityVisible[i]) == entityPasses(c, i, s));
    shown += r.entityVisible[i];
  }
  for (size_t i = 0; i < c.relations.size(); ++i) {
    const Relation& rel = c.relations[i];
    const bool expected = (s.relationTypes.empty() || s.relationTypes.count(rel.type)) &&
                          r.entityVisible[rel.from] && r.entityVisible[rel.to];
    CHECK(bool(r.relationVisible[i]) == expected);
    shownRelations += r.relationVisible[i];
  }
  CHECK(r.entities == shown);
  CHECK(r.relations == shownRelations);
}

// Each option's count is what applying the filter with that option added shows of the items it admits;
// an option alone in an otherwise empty facet shows exactly its count.
void checkCountsMatchFilter(const Corpus& c, const FilterSpec& s) {
  const FilterCounts counts = countOptions(c, s);
  for (int k = 0; k < kKindCount; ++k) {
    const Kind kind = static_cast<Kind>(k);
    INFO("kind " << kindName(kind));
    FilterSpec on = s;
    on.kinds.insert(kind);
    const FilterResult r = applyFilter(c, on);
    size_t n = 0;
    for (size_t i = 0; i < c.entities.size(); ++i) n += r.entityVisible[i] && c.entities[i].kind == kind;
    CHECK(counts.kinds[k] == n);
    on.kinds = {kind};
    CHECK(applyFilter(c, on).entities == counts.kinds[k]);
  }
  const auto& orgTypes = typesOfKind(Kind::Organisation);
  REQUIRE(counts.orgTypes.size() == orgTypes.size());
  for (size_t t = 0; t < orgTypes.size(); ++t) {
    INFO("organisation type " << orgTypes[t]);
    FilterSpec on = s;
    on.orgTypes.insert(std::string(orgTypes[t]));
    const FilterResult r = applyFilter(c, on);
    size_t n = 0;
    for (size_t i = 0; i < c.entities.size(); ++i) {
      n += r.entityVisible[i] && c.entities[i].kind == Kind::Organisation && c.entities[i].type == orgTypes[t];
    }
    CHECK(counts.orgTypes[t] == n);
  }
  REQUIRE(counts.themes.size() == counts.themeEntities.size());
  CHECK(counts.themeEntities.size() == c.countByKind[static_cast<int>(Kind::Theme)]);
  for (size_t k = 0; k < counts.themeEntities.size(); ++k) {
    const std::string& id = c.entities[counts.themeEntities[k]].id;
    INFO("theme " << id);
    FilterSpec on = s;
    on.themes.insert(id);
    const FilterResult r = applyFilter(c, on);
    size_t n = 0;
    for (size_t i = 0; i < c.entities.size(); ++i) n += r.entityVisible[i] && touchesTheme(c, i, id);
    CHECK(counts.themes[k] == n);
    on.themes = {id};
    CHECK(applyFilter(c, on).entities == counts.themes[k]);
  }
  REQUIRE(counts.relationTypes.size() == relationTypes().size());
  for (size_t t = 0; t < relationTypes().size(); ++t) {
    INFO("relation type " << relationTypes()[t].id);
    FilterSpec on = s;
    on.relationTypes = {static_cast<int>(t)};
    CHECK(applyFilter(c, on).relations == counts.relationTypes[t]);
  }
}

int themeIndex(const FilterCounts& counts, const Corpus& c, std::string_view id) {
  for (size_t k = 0; k < counts.themeEntities.size(); ++k) {
    if (c.entities[counts.themeEntities[k]].id == id) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

TEST_CASE("an empty filter shows everything", "[filter]") {
  const Corpus& c = small();
  FilterSpec s;
  CHECK(s.empty());
  const FilterResult r = applyFilter(c, s);
  CHECK(r.entities == 7);
  CHECK(r.relations == 6);
}

TEST_CASE("each facet alone on a small corpus", "[filter]") {
  const Corpus& c = small();
  FilterSpec s;
  using Ids = std::set<std::string>;

  SECTION("kinds") {
    s.kinds = {Kind::Organisation, Kind::Person};
    const FilterResult r = applyFilter(c, s);
    CHECK(visibleIds(c, r) == Ids{"org-a", "org-b", "org-c", "person-p"});
    CHECK(visibleRelations(c, r) == Ids{"rel-1"});  // publishes ends at the hidden document
  }
  SECTION("organisation types restrict organisations only") {
    s.orgTypes = {"charity"};
    CHECK(visibleIds(c, applyFilter(c, s)) == Ids{"org-a", "org-c", "person-p", "doc-d", "theme-x", "theme-y"});
  }
  SECTION("a theme shows itself and what is related to it, by any relation") {
    s.themes = {"theme-x"};
    const FilterResult r = applyFilter(c, s);
    CHECK(visibleIds(c, r) == Ids{"theme-x", "org-a", "doc-d"});
    CHECK(visibleRelations(c, r) == Ids{"rel-2", "rel-3", "rel-4"});
    s.themes = {"theme-x", "theme-y"};
    CHECK(visibleIds(c, applyFilter(c, s)) == Ids{"theme-x", "theme-y", "org-a", "doc-d"});
  }
  SECTION("theme ids that name no theme are ignored") {
    s.themes = {"theme-gone", "org-a"};
    CHECK(applyFilter(c, s).entities == 7);
  }
  SECTION("a time range keeps what overlaps it and what is undated") {
    s.fromDay = daysFromCivil(2011, 1, 1);
    s.toDay = daysFromCivil(2013, 12, 31);
    CHECK_FALSE(s.empty());
    CHECK(visibleIds(c, applyFilter(c, s)) == Ids{"org-c", "person-p", "theme-x", "theme-y"});
    s.fromDay = daysFromCivil(2018, 12, 31);  // the last day of org-b's interval
    s.toDay = Date::kOpenEnd;
    CHECK(visibleIds(c, applyFilter(c, s)) == Ids{"org-b", "org-c", "theme-x", "theme-y"});
    s.fromDay = daysFromCivil(2014, 7, 28);  // one day
    s.toDay = s.fromDay;
    CHECK(visibleIds(c, applyFilter(c, s)) == Ids{"doc-d", "org-c", "theme-x", "theme-y"});
  }
  SECTION("relation types hide relations, not entities") {
    s.relationTypes = {relationTypeIndex("addresses-theme"), relationTypeIndex("publishes")};
    const FilterResult r = applyFilter(c, s);
    CHECK(r.entities == 7);
    CHECK(visibleRelations(c, r) == Ids{"rel-2", "rel-3", "rel-5", "rel-6"});
  }
  SECTION("reset clears every facet") {
    s.kinds = {Kind::Theme};
    s.orgTypes = {"charity"};
    s.relationTypes = {0};
    s.themes = {"theme-x"};
    s.toDay = 0;
    CHECK_FALSE(s.empty());
    s.reset();
    CHECK(s.empty());
    CHECK(s == FilterSpec{});
  }
}

TEST_CASE("facets combine: an entity must pass all of them", "[filter]") {
  const Corpus& c = small();
  FilterSpec s;
  s.kinds = {Kind::Organisation, Kind::Document};
  s.orgTypes = {"charity"};
  s.themes = {"theme-x"};
  CHECK(visibleIds(c, applyFilter(c, s)) == std::set<std::string>{"org-a", "doc-d"});
  s.fromDay = daysFromCivil(2014, 1, 1);
  CHECK(visibleIds(c, applyFilter(c, s)) == std::set<std::string>{"doc-d"});
}

TEST_CASE("option counts on a small corpus", "[filter]") {
  const Corpus& c = small();
  FilterSpec s;
  s.kinds = {Kind::Organisation};
  s.themes = {"theme-x"};
  const FilterCounts n = countOptions(c, s);
  // Ticking a kind counts its entities related to theme-x, whatever the other ticked kinds.
  CHECK(n.kinds[static_cast<int>(Kind::Organisation)] == 1);  // org-a
  CHECK(n.kinds[static_cast<int>(Kind::Document)] == 1);      // doc-d
  CHECK(n.kinds[static_cast<int>(Kind::Person)] == 0);
  CHECK(n.kinds[static_cast<int>(Kind::Theme)] == 1);         // theme-x itself
  CHECK(n.orgTypes[static_cast<size_t>(organisationTypeIndex("charity"))] == 1);
  CHECK(n.orgTypes[static_cast<size_t>(organisationTypeIndex("nhs-trust"))] == 0);
  // Ticking a theme counts organisations only (the kind facet): theme-y reaches none of them.
  CHECK(n.themes[static_cast<size_t>(themeIndex(n, c, "theme-x"))] == 1);
  CHECK(n.themes[static_cast<size_t>(themeIndex(n, c, "theme-y"))] == 0);
  CHECK(n.relationTypes[static_cast<size_t>(relationTypeIndex("addresses-theme"))] == 0);  // theme-x is hidden
  // With no filter, theme-x admits itself, org-a and doc-d once (doc-d is related to it twice).
  const FilterCounts all = countOptions(c, FilterSpec{});
  CHECK(all.themes[static_cast<size_t>(themeIndex(all, c, "theme-x"))] == 3);
  CHECK(all.relationTypes[static_cast<size_t>(relationTypeIndex("addresses-theme"))] == 3);
  checkCountsMatchFilter(c, s);
  checkCountsMatchFilter(c, FilterSpec{});
}

TEST_CASE("filters on the bundled corpus follow the rules", "[filter]") {
  const Corpus& c = bundledCorpus();
  FilterSpec s;
  checkAgainstRules(c, s);
  s.themes = {"theme-voluntary-sector"};
  checkAgainstRules(c, s);
  const FilterResult r = applyFilter(c, s);
  CHECK(r.entities > 3);
  CHECK(r.entities < c.entities.size());
  s.kinds = {Kind::Organisation, Kind::Document};
  s.orgTypes = {"charity", "membership-body"};
  checkAgainstRules(c, s);
  s.fromDay = daysFromCivil(2012, 1, 1);
  s.toDay = daysFromCivil(2014, 12, 31);
  s.relationTypes = {relationTypeIndex("publishes"), relationTypeIndex("addresses-theme")};
  checkAgainstRules(c, s);
  FilterSpec people;
  people.kinds = {Kind::Person};
  people.relationTypes = {relationTypeIndex("chief-executive-of")};
  const FilterResult p = applyFilter(c, people);
  CHECK(p.entities == c.countByKind[static_cast<int>(Kind::Person)]);
  CHECK(p.relations == 0);  // chief executives are of organisations, which are hidden
}

TEST_CASE("counts on the bundled corpus agree with applying the filter", "[filter]") {
  const Corpus& c = bundledCorpus();
  checkCountsMatchFilter(c, FilterSpec{});
  FilterSpec s;
  s.kinds = {Kind::Organisation, Kind::Programme};
  s.themes = {"theme-voluntary-sector", "theme-mental-health"};
  s.fromDay = daysFromCivil(2010, 1, 1);
  checkCountsMatchFilter(c, s);
  s.orgTypes = {"charity"};
  s.relationTypes = {relationTypeIndex("partner-in")};
  checkCountsMatchFilter(c, s);
  const FilterCounts all = countOptions(c, FilterSpec{});
  for (int k = 0; k < kKindCount; ++k) CHECK(all.kinds[k] == c.countByKind[k]);
}

TEST_CASE("filters and counts on a generated corpus", "[filter]") {
  const Corpus& c = generated();
  const FilterCounts all = countOptions(c, FilterSpec{});
  FilterSpec s;
  s.kinds = {Kind::Organisation, Kind::Person, Kind::Theme};
  s.orgTypes = {"charity", "nhs-trust", "regulator"};
  s.themes = {c.entities[all.themeEntities.at(0)].id, c.entities[all.themeEntities.at(1)].id};
  s.fromDay = daysFromCivil(1970, 1, 1);
  s.toDay = daysFromCivil(1999, 12, 31);
  checkAgainstRules(c, s);
  s.themes.clear();
  checkAgainstRules(c, s);
  s.relationTypes = {relationTypeIndex("works-with"), relationTypeIndex("funds")};
  checkAgainstRules(c, s);
  // Counting every option of the theme facet re-applies the filter per theme: keep to a few facets.
  s.themes = {c.entities[all.themeEntities.at(2)].id};
  const FilterCounts n = countOptions(c, s);
  const FilterResult r = applyFilter(c, s);
  CHECK(n.relationTypes[static_cast<size_t>(relationTypeIndex("works-with"))] +
            n.relationTypes[static_cast<size_t>(relationTypeIndex("funds"))] ==
        r.relations);
  for (int k = 0; k < kKindCount; ++k) {
    if (!s.kinds.count(static_cast<Kind>(k))) continue;
    size_t shown = 0;
    for (size_t i = 0; i < c.entities.size(); ++i) shown += r.entityVisible[i] && c.entities[i].kind == static_cast<Kind>(k);
    CHECK(n.kinds[k] == shown);
  }
}
