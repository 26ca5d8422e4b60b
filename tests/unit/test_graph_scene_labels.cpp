// Graph scene labels: at any zoom, on the bundled corpus and on generated graphs, no two labels overlap,
// no label covers a node it does not belong to, and the selection, the hovered node and the selection's
// neighbours in view are always labelled.
#include <catch2/catch_test_macros.hpp>

#include <set>

#include "core/names_at.h"
#include "graph_scene_fixture.h"

using namespace nhsx;

namespace {

bool meets(const GraphLabel& a, float x0, float y0, float x1, float y1) {
  return a.x0 < x1 && a.x1 > x0 && a.y0 < y1 && a.y1 > y0;
}

bool centreInView(const GraphScene& s, const Camera2D& cam, uint32_t n) {
  float x, y;
  return s.screenPos(cam, n, x, y) && x >= 0 && x <= cam.viewW && y >= 0 && y <= cam.viewH;
}

// Places labels and checks every rule; returns how many were placed.
size_t checkLabels(const GraphScene& s, const Camera2D& cam, int hovered) {
  LabelOptions opt;
  std::vector<GraphLabel> labels;
  s.placeLabels(cam, hovered, scene_test::measure, opt, labels);
  INFO("scale " << cam.scale << ", " << labels.size() << " labels");
  std::set<uint32_t> labelled;
  size_t ordinary = 0;
  for (size_t a = 0; a < labels.size(); ++a) {
    const GraphLabel& l = labels[a];
    CHECK(labelled.insert(l.node).second);  // one label a node
    CHECK_FALSE(s.hidden(l.node));
    ordinary += l.strong ? 0 : 1;
    for (size_t b = a + 1; b < labels.size(); ++b) {
      const GraphLabel& m = labels[b];
      if (meets(l, m.x0, m.y0, m.x1, m.y1)) FAIL_CHECK("labels of " << l.node << " and " << m.node << " overlap");
    }
    for (uint32_t n = 0; n < s.nodeCount(); ++n) {
      if (n == l.node || s.hidden(n)) continue;
      float x0, y0, x1, y1;
      s.nodeBox(cam, n, opt.minNodePx, x0, y0, x1, y1);
      if (meets(l, x0, y0, x1, y1)) FAIL_CHECK("the label of " << l.node << " covers node " << n);
    }
  }
  CHECK(ordinary <= opt.maxOrdinary);
  // Labels are in the view, but for a must-have label with no room there: then below everything drawn.
  float lowest = -1e30f;
  for (uint32_t n = 0; n < s.nodeCount(); ++n) {
    if (s.hidden(n)) continue;
    float x0, y0, x1, y1;
    s.nodeBox(cam, n, opt.minNodePx, x0, y0, x1, y1);
    lowest = std::max(lowest, y1);
  }
  for (const GraphLabel& l : labels) {
    const bool inView = l.x0 >= 0 && l.y0 >= 0 && l.x1 <= cam.viewW && l.y1 <= cam.viewH;
    if (!inView) CHECK((l.displaced && l.y0 >= lowest));
  }
  std::vector<uint32_t> must;
  const int sel = s.focus().selection;
  if (sel >= 0) {
    must.push_back(static_cast<uint32_t>(sel));
    for (uint32_t m : s.neighbours(static_cast<uint32_t>(sel))) must.push_back(m);
  }
  if (hovered >= 0) must.push_back(static_cast<uint32_t>(hovered));
  for (uint32_t n : must) {
    if (s.hidden(n) || !centreInView(s, cam, n)) continue;
    if (!labelled.count(n)) FAIL_CHECK("node " << n << " (selected, hovered or a neighbour) has no label");
  }
  size_t displacedOrdinary = 0;  // only the most connected few may be displaced
  for (const GraphLabel& l : labels) {
    const bool isMust = std::find(must.begin(), must.end(), l.node) != must.end();
    CHECK(l.strong == isMust);
    if (!isMust && l.displaced) ++displacedOrdinary;
  }
  CHECK(displacedOrdinary <= opt.importantDisplaced);
  return labels.size();
}

void atZooms(GraphScene& s, int hovered, bool centreOnSelection) {
  const Camera2D base = scene_test::fitted(s);
  for (float zoom : {0.25f, 0.5f, 1.f, 2.f, 4.f, 8.f}) {
    Camera2D cam = base;
    cam.zoomAt(zoom, cam.viewW * 0.5f, cam.viewH * 0.5f);
    if (centreOnSelection && s.focus().selection >= 0) {
      cam.centreX = s.x()[static_cast<size_t>(s.focus().selection)];
      cam.centreY = s.y()[static_cast<size_t>(s.focus().selection)];
    }
    checkLabels(s, cam, hovered);
  }
}

}  // namespace

TEST_CASE("bundled corpus: labels never overlap each other or other nodes, at every zoom", "[graph-scene][labels]") {
  const Corpus& c = bundledCorpus();
  GraphScene s;
  scene_test::settle(s, c);
  SECTION("nothing selected") {
    s.setFocus(SceneFocus{});
    s.build();
    CHECK(checkLabels(s, scene_test::fitted(s), -1) > 0);
    atZooms(s, -1, false);
  }
  SECTION("the most connected node selected, another hovered") {
    const uint32_t h = scene_test::hub(s);
    s.setFocus(SceneFocus{static_cast<int>(h), 0, kNoDay});
    s.build();
    atZooms(s, h == 0 ? 1 : 0, false);
    atZooms(s, -1, true);
  }
  SECTION("every entity selected in turn, fitted") {
    const Camera2D cam = scene_test::fitted(s);
    for (uint32_t i = 0; i < s.nodeCount(); i += 7) {
      s.setFocus(SceneFocus{static_cast<int>(i), 1, kNoDay});
      s.build();
      checkLabels(s, cam, -1);
    }
  }
}

TEST_CASE("generated graphs: labels never overlap, hubs' neighbours all labelled", "[graph-scene][labels]") {
  for (auto [entities, relations] : {std::pair<uint32_t, uint32_t>{300, 900}, {2000, 6000}}) {
    const Corpus& c = scene_test::generatedCorpus(entities, relations);
    GraphScene s;
    scene_test::settle(s, c);
    INFO(entities << " entities");
    const uint32_t h = scene_test::hub(s);
    s.setFocus(SceneFocus{static_cast<int>(h), 0, kNoDay});
    s.build();
    atZooms(s, -1, false);
    atZooms(s, static_cast<int>((h + 1) % s.nodeCount()), true);
  }
}

TEST_CASE("labels at an as-of date use the names then, and skip hidden nodes", "[graph-scene][labels]") {
  const Corpus& c = bundledCorpus();
  AppState st;
  st.corpusVersion = 1;
  st.asOf = daysFromCivil(2012, 6, 1);
  Visibility vis;
  updateVisibility(c, st, vis);
  GraphScene s;
  scene_test::settle(s, c, &vis);
  s.setFocus(SceneFocus{-1, 0, st.asOf});
  s.build();
  std::vector<GraphLabel> labels;
  s.placeLabels(scene_test::fitted(s), -1, scene_test::measure, LabelOptions{}, labels);
  REQUIRE_FALSE(labels.empty());
  for (const GraphLabel& l : labels) {
    CHECK(vis.entityAt[l.node]);
    CHECK(s.labelOf(l.node) == nameAt(c, l.node, st.asOf));
  }
  checkLabels(s, scene_test::fitted(s), -1);
}
