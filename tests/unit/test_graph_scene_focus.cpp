// Graph scene focus and masks: hops from the selection over the corpus's relations (either direction),
// what is dimmed beyond the focus, hidden by the filters or the date, and on a path; and the styles
// those give nodes and edges.
#include <catch2/catch_test_macros.hpp>

#include <queue>

#include "core/paths.h"
#include "graph_scene_fixture.h"

using namespace nhsx;

namespace {
// Hops by a breadth-first search over the relation list itself.
std::vector<int> referenceHops(const Corpus& c, uint32_t from) {
  std::vector<std::vector<uint32_t>> adj(c.entities.size());
  for (const Relation& r : c.relations) { adj[r.from].push_back(r.to); adj[r.to].push_back(r.from); }
  std::vector<int> hops(c.entities.size(), -1);
  std::queue<uint32_t> q;
  hops[from] = 0;
  q.push(from);
  while (!q.empty()) {
    const uint32_t v = q.front();
    q.pop();
    for (uint32_t w : adj[v])
      if (hops[w] < 0) { hops[w] = hops[v] + 1; q.push(w); }
  }
  return hops;
}
}  // namespace

TEST_CASE("degree, radius and neighbours come from the corpus's indices", "[graph-scene][focus]") {
  const Corpus& c = scene_test::generatedCorpus(300, 900);
  GraphScene s;
  s.setCorpus(c);
  std::vector<uint32_t> degree(c.entities.size(), 0);
  for (const Relation& r : c.relations) { ++degree[r.from]; ++degree[r.to]; }
  for (uint32_t i = 0; i < s.nodeCount(); ++i) {
    CHECK(s.degree(i) == degree[i]);
    CHECK(s.radius(i) > 0);
    for (uint32_t m : s.neighbours(i)) CHECK(m != i);
  }
  const uint32_t h = scene_test::hub(s);
  for (uint32_t i = 0; i < s.nodeCount(); ++i)
    if (s.degree(i) < s.degree(h)) CHECK(s.radius(i) <= s.radius(h));
}

TEST_CASE("focus: hops from the selection, dimming beyond them, styles", "[graph-scene][focus]") {
  const Corpus& c = bundledCorpus();
  GraphScene s;
  scene_test::settle(s, c);
  const uint32_t sel = static_cast<uint32_t>(c.findEntity("org-nhs-england"));
  const std::vector<int> want = referenceHops(c, sel);
  for (int focus : {0, 1, 2}) {
    s.setFocus(SceneFocus{static_cast<int>(sel), focus, kNoDay});
    REQUIRE(s.build());
    for (uint32_t i = 0; i < s.nodeCount(); ++i) {
      INFO("node " << i << " focus " << focus);
      CHECK(s.hops(i) == want[i]);
      CHECK(s.dimmed(i) == (focus > 0 && (want[i] < 0 || want[i] > focus)));
      const NodeInstance n = s.nodeStyle(i);
      CHECK(n.outline == (i == sel ? 1.f : want[i] == 1 ? 2.f : 0.f));
      if (s.dimmed(i)) CHECK((n.rgba >> 24) < 255);
    }
  }
  CHECK_FALSE(s.build());  // nothing changed: nothing rebuilt
  // The selection is drawn last, on top.
  REQUIRE(s.nodes().size() == s.nodeCount() + 1);
  CHECK(s.nodes().back().outline == 1.f);
  // Edges touching the selection are stronger.
  for (uint32_t r = 0; r < c.relations.size(); ++r) {
    const bool touches = c.relations[r].from == sel || c.relations[r].to == sel;
    CHECK(s.edgeStyle(r).width == (touches ? 2.2f : 0.8f));  // the rest quiet (thin) since the view became readable
  }
  const std::vector<uint32_t> near = s.nodesNearSelection(1);
  for (uint32_t i : near) CHECK((want[i] == 0 || want[i] == 1));
  // No selection: nothing dimmed, no hops.
  s.setFocus(SceneFocus{-1, 2, kNoDay});
  for (uint32_t i = 0; i < s.nodeCount(); ++i) {
    CHECK(s.hops(i) == -1);
    CHECK_FALSE(s.dimmed(i));
  }
}

TEST_CASE("masks: hidden by filters and date, on a path; the hover overlay", "[graph-scene][focus]") {
  const Corpus& c = bundledCorpus();
  AppState st;
  st.corpusVersion = 1;
  st.asOf = daysFromCivil(2013, 6, 1);
  Visibility vis;
  updateVisibility(c, st, vis);
  GraphScene s;
  scene_test::settle(s, c, &vis);
  for (uint32_t i = 0; i < s.nodeCount(); ++i) {
    CHECK(s.hidden(i) == !vis.entityAt[i]);
    if (s.hidden(i)) CHECK(s.nodeStyle(i).radius == 0.f);
  }
  for (uint32_t r = 0; r < c.relations.size(); ++r) {
    CHECK(s.edgeHidden(r) == !vis.relationAt[r]);
    if (s.edgeHidden(r)) CHECK((s.edgeStyle(r).rgba >> 24) == 0);
  }
  // A path from Macmillan to NHS England.
  st.asOf = kNoDay;
  updateVisibility(c, st, vis);
  s.setVisibility(vis);
  const uint32_t a = static_cast<uint32_t>(c.findEntity("org-macmillan")), b = static_cast<uint32_t>(c.findEntity("org-nhs-england"));
  const std::vector<Path> paths = shortestPaths(c, a, b, 5, &vis.filtered.relationVisible);
  REQUIRE_FALSE(paths.empty());
  s.setPaths(paths, 1);
  s.setFocus(SceneFocus{static_cast<int>(a), 0, kNoDay});
  s.build();
  CHECK(s.onPath(a));
  CHECK(s.onPath(b));
  for (const PathStep& st2 : paths[0].steps) {
    CHECK(s.edgeOnPath(st2.relation));
    CHECK(s.edgeStyle(st2.relation).width == 3.5f);
    CHECK(s.nodeStyle(st2.entity).radius > s.radius(st2.entity));
  }
  // Hovering a node overlays its relations and each neighbour once.
  REQUIRE(s.buildOverlay(static_cast<int>(b)));
  CHECK_FALSE(s.buildOverlay(static_cast<int>(b)));
  CHECK(s.overlayNodes().size() == s.neighbours(b).size() + 1);
  CHECK(s.overlayEdges().size() == s.degree(b));
  REQUIRE(s.buildOverlay(-1));
  CHECK(s.overlayNodes().empty());
}

TEST_CASE("layout modes: rings around the selection, by date; a refit after each change", "[graph-scene][focus]") {
  const Corpus& c = bundledCorpus();
  GraphScene s;
  s.setCorpus(c);
  CHECK(s.takeRefit());
  CHECK_FALSE(s.takeRefit());
  const uint32_t sel = static_cast<uint32_t>(c.findEntity("org-nhs-england"));
  s.setFocus(SceneFocus{static_cast<int>(sel), 0, kNoDay});
  s.setMode(GraphLayoutMode::Radial);
  CHECK_FALSE(s.advance(false));  // fixed layouts do not animate
  CHECK(s.takeRefit());
  CHECK(s.x()[sel] == 0.f);
  CHECK(s.y()[sel] == 0.f);
  const uint64_t v = s.positionsVersion();
  s.advance(false);
  CHECK(s.positionsVersion() == v);  // same selection: not laid out again
  s.setFocus(SceneFocus{static_cast<int>(sel == 0 ? 1 : 0), 0, kNoDay});
  s.advance(false);
  CHECK(s.positionsVersion() > v);  // the rings follow the selection
  s.setMode(GraphLayoutMode::Force);
  CHECK(s.advance(false));  // the force layout animates
  // A dragged node stays where it is put, and can be let go.
  s.drag(sel, 500.f, -250.f);
  CHECK(s.pinnedByUser(sel));
  CHECK(s.x()[sel] == 500.f);
  s.letMove(sel);
  CHECK_FALSE(s.pinnedByUser(sel));
}

TEST_CASE("level of detail: fainter edges on dense graphs, arrowheads only when edges are long enough", "[graph-scene][focus]") {
  const Corpus& small = bundledCorpus();
  GraphScene s;
  scene_test::settle(s, small);
  s.build();
  Camera2D cam = scene_test::fitted(s);
  const GraphDrawStyle near = s.drawStyle(cam);
  CHECK(near.minRadiusPx == 3.f);
  CHECK(near.edgeOpacity == 1.f);  // a few hundred edges: full strength
  cam.zoom(0.01f);
  CHECK_FALSE(s.drawStyle(cam).arrowheads);  // far out, edges are specks
  cam.zoom(1000.f);
  CHECK(s.drawStyle(cam).arrowheads);
  const Corpus& big = scene_test::generatedCorpus(2000, 6000);
  GraphScene b;
  b.setCorpus(big);
  b.build();
  CHECK(b.drawStyle(cam).edgeOpacity < 1.f);
  CHECK(b.drawStyle(cam).edgeOpacity >= 0.2f);
}
