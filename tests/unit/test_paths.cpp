// Shortest paths: small hand-built graphs, masks, the bundled corpus, and a plain BFS as reference.
#include <catch2/catch_test_macros.hpp>

#include <queue>

#include "bundled_corpus.h"
#include "core/corpus_gen.h"
#include "core/corpus_loader.h"
#include "core/paths.h"
#include "core/rng.h"

using namespace nhsx;

namespace {

std::string ent(const std::string& id, const std::string& name) {
  return R"({"id": ")" + id + R"(", "kind": "organisation", "type": "charity", "name": ")" + name +
         R"(", "citations": [{"source": "src-a", "quote": "q"}]})";
}

std::string rel(const std::string& id, const std::string& type, const std::string& from, const std::string& to) {
  return R"({"id": ")" + id + R"(", "type": ")" + type + R"(", "from": ")" + from + R"(", "to": ")" + to +
         R"(", "citations": [{"source": "src-a", "quote": "q"}]})";
}

// a: Macmillan, p: Partnership X, b: Person Y, d: Org D, c: Org C, f: Org F, e: Lonely.
const Corpus& graph() {
  static LoadResult r = loadCorpus(R"({"format": "1.0", "title": "T",
    "sources": [{"id": "src-a", "title": "A", "publisher": "P"}],
    "entities": [)" + ent("org-a", "Macmillan Cancer Support") + "," + ent("org-p", "Partnership X") + "," +
      ent("org-b", "Person Y") + "," + ent("org-d", "Org D") + "," + ent("org-c", "Org C") + "," +
      ent("org-f", "Org F") + "," + ent("org-e", "Lonely") + R"(],
    "relations": [)" +
      rel("rel-0", "partner-in", "org-a", "org-p") + "," + rel("rel-1", "leads", "org-b", "org-p") + "," +
      rel("rel-2", "works-with", "org-a", "org-d") + "," + rel("rel-3", "member-of", "org-d", "org-c") + "," +
      rel("rel-4", "chair-of", "org-b", "org-c") + "," + rel("rel-5", "member-of", "org-a", "org-f") + "," +
      rel("rel-6", "supports", "org-c", "org-f") + "," + rel("rel-7", "works-with", "org-d", "org-c") + "," +
      rel("rel-8", "works-with", "org-e", "org-e") + R"(],
    "events": []})");
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatDiagnostic("graph", d));
  REQUIRE(r.ok());
  return r.corpus;
}

uint32_t idx(const Corpus& c, const char* id) {
  const int i = c.findEntity(id);
  REQUIRE(i >= 0);
  return static_cast<uint32_t>(i);
}

std::vector<std::string> texts(const Corpus& c, const std::vector<Path>& ps) {
  std::vector<std::string> out;
  for (const Path& p : ps) out.push_back(describePath(c, p));
  return out;
}

// Every step uses a relation between the previous entity and the next, in the direction stated.
void checkWellFormed(const Corpus& c, const Path& p, uint32_t from, uint32_t to) {
  CHECK(p.from == from);
  uint32_t prev = p.from;
  for (const PathStep& s : p.steps) {
    const Relation& r = c.relations.at(s.relation);
    CHECK((s.forward ? r.from : r.to) == prev);
    CHECK((s.forward ? r.to : r.from) == s.entity);
    prev = s.entity;
  }
  CHECK(prev == to);
}

// Hop count by a plain one-sided BFS, -1 when unreachable.
int bfsLength(const Corpus& c, uint32_t from, uint32_t to) {
  std::vector<int> d(c.entities.size(), -1);
  std::queue<uint32_t> q;
  d[from] = 0;
  q.push(from);
  while (!q.empty()) {
    const uint32_t v = q.front();
    q.pop();
    for (const Relation& r : c.relations) {
      if (r.from == r.to || (r.from != v && r.to != v)) continue;
      const uint32_t w = r.from == v ? r.to : r.from;
      if (d[w] < 0) { d[w] = d[v] + 1; q.push(w); }
    }
  }
  return d[to];
}
}  // namespace

TEST_CASE("paths read forward and backward steps", "[paths]") {
  const Corpus& c = graph();
  const auto ps = shortestPaths(c, idx(c, "org-a"), idx(c, "org-b"));
  CHECK(texts(c, ps) == std::vector<std::string>{
                            "Macmillan Cancer Support \u2014 partner in \u2192 Partnership X \u2190 leads \u2014 Person Y"});
  REQUIRE(ps.size() == 1);
  checkWellFormed(c, ps[0], idx(c, "org-a"), idx(c, "org-b"));
  CHECK_FALSE(ps[0].steps[1].forward);
}

TEST_CASE("all shortest paths, parallel relations apart, in a stable order, up to maxPaths", "[paths]") {
  const Corpus& c = graph();
  const uint32_t a = idx(c, "org-a"), cc = idx(c, "org-c");
  const auto ps = shortestPaths(c, a, cc);
  CHECK(texts(c, ps) == std::vector<std::string>{
                            "Macmillan Cancer Support \u2014 works with \u2192 Org D \u2014 member of \u2192 Org C",
                            "Macmillan Cancer Support \u2014 works with \u2192 Org D \u2014 works with \u2192 Org C",
                            "Macmillan Cancer Support \u2014 member of \u2192 Org F \u2190 supports \u2014 Org C"});
  for (const Path& p : ps) checkWellFormed(c, p, a, cc);
  const auto all = texts(c, ps);
  CHECK(texts(c, shortestPaths(c, a, cc, 2)) == std::vector<std::string>(all.begin(), all.begin() + 2));
  CHECK(shortestPaths(c, a, cc, 0).empty());
  // The other way round: same relations, directions read from the other end.
  CHECK(texts(c, shortestPaths(c, cc, a, 1)) == std::vector<std::string>{
                                                    "Org C \u2190 member of \u2014 Org D \u2190 works with \u2014 Macmillan Cancer Support"});
}

TEST_CASE("a relation mask limits the relations paths may use", "[paths]") {
  const Corpus& c = graph();
  const uint32_t a = idx(c, "org-a"), cc = idx(c, "org-c");
  std::vector<uint8_t> mask(c.relations.size(), 1);
  mask[2] = 0;  // a works-with d
  CHECK(texts(c, shortestPaths(c, a, cc, 5, &mask)) == std::vector<std::string>{
                                                          "Macmillan Cancer Support \u2014 member of \u2192 Org F \u2190 supports \u2014 Org C"});
  mask[5] = 0;  // a member-of f: now only through the partnership, three hops
  const auto ps = shortestPaths(c, a, cc, 5, &mask);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].steps.size() == 3);
  mask[0] = 0;  // nothing left from a
  CHECK(shortestPaths(c, a, cc, 5, &mask).empty());
  std::vector<uint8_t> shortMask(1, 1);  // relations past the mask's end are not usable
  CHECK(shortestPaths(c, a, cc, 5, &shortMask).empty());
}

TEST_CASE("no path, the same entity, self-relations and bad indices", "[paths]") {
  const Corpus& c = graph();
  const uint32_t a = idx(c, "org-a"), e = idx(c, "org-e");
  CHECK(shortestPaths(c, a, e).empty());
  CHECK(shortestPaths(c, e, a).empty());
  const auto same = shortestPaths(c, a, a);
  REQUIRE(same.size() == 1);
  CHECK(same[0].steps.empty());
  CHECK(describePath(c, same[0]) == "Macmillan Cancer Support");
  const auto lonely = shortestPaths(c, e, e);  // only a self-relation: still itself
  REQUIRE(lonely.size() == 1);
  CHECK(lonely[0].steps.empty());
  CHECK(shortestPaths(c, a, 999).empty());
  CHECK(shortestPaths(c, 999, a).empty());
}

TEST_CASE("paths from a charity to NHS England in the bundled corpus", "[paths]") {
  const Corpus& c = bundledCorpus();
  const uint32_t mac = idx(c, "org-macmillan"), nhse = idx(c, "org-nhs-england");
  const auto ps = shortestPaths(c, mac, nhse, 10);
  REQUIRE_FALSE(ps.empty());
  for (const Path& p : ps) {
    INFO(describePath(c, p));
    CHECK(static_cast<int>(p.steps.size()) == bfsLength(c, mac, nhse));
    checkWellFormed(c, p, mac, nhse);
  }
  CHECK(describePath(c, ps[0]).rfind("Macmillan Cancer Support ", 0) == 0);
  CHECK(texts(c, shortestPaths(c, mac, nhse, 10)) == texts(c, ps));  // deterministic
}

TEST_CASE("path lengths agree with a plain BFS on a generated graph", "[paths]") {
  GenOptions o;
  o.entities = 600;
  o.relations = 500;  // sparse, so some pairs are not connected
  LoadResult r = loadCorpus(generateCorpus(o));
  REQUIRE(r.ok());
  const Corpus& c = r.corpus;
  Rng rng{7};
  int connected = 0, apart = 0;
  for (int i = 0; i < 60; ++i) {
    const uint32_t a = rng.below(o.entities), b = rng.below(o.entities);
    const int want = bfsLength(c, a, b);
    const auto ps = shortestPaths(c, a, b, 20);
    INFO("pair " << a << " " << b);
    if (want < 0) { CHECK(ps.empty()); ++apart; continue; }
    ++connected;
    REQUIRE_FALSE(ps.empty());
    for (size_t k = 0; k < ps.size(); ++k) {
      CHECK(static_cast<int>(ps[k].steps.size()) == want);
      checkWellFormed(c, ps[k], a, b);
      if (k) {  // strictly increasing by (entity, relation) step by step
        auto key = [](const Path& p) {
          std::vector<std::pair<uint32_t, uint32_t>> v;
          for (const PathStep& s : p.steps) v.push_back({s.entity, s.relation});
          return v;
        };
        CHECK(key(ps[k - 1]) < key(ps[k]));
      }
    }
  }
  CHECK(connected > 5);
  CHECK(apart > 5);
}
