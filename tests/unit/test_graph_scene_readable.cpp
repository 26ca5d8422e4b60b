// The relationship view readable by default: parts folded into what they belong to (expanded on demand),
// themes left out unless asked for, labels that keep clear of the legend and panels, and the
// selection's neighbourhood laid out with room for every neighbour's label.
#include <catch2/catch_test_macros.hpp>

#include <map>
#include <set>

#include "core/vocab.h"
#include "graph_scene_fixture.h"

using namespace nhsx;

namespace {

bool boxesMeet(const GraphLabel& a, const GraphLabel& b) { return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0; }

uint32_t shownCount(const GraphScene& s) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < s.nodeCount(); ++i) n += s.hidden(i) ? 0 : 1;
  return n;
}

int findId(const Corpus& c, std::string_view id) { return c.findEntity(id); }

}  // namespace

TEST_CASE("parts fold into what they belong to; themes hidden; expand one or all", "[graph-scene][fold]") {
  const Corpus& c = bundledCorpus();
  GraphScene s;
  scene_test::settle(s, c);
  const uint32_t all = shownCount(s);
  REQUIRE(all == c.entities.size());
  s.setFolding(true, false);
  uint32_t parts = 0, themes = 0, rooted = 0;
  for (uint32_t i = 0; i < s.nodeCount(); ++i) {
    const Kind k = c.entities[i].kind;
    parts += k == Kind::Part;
    themes += k == Kind::Theme;
    if (k == Kind::Part && s.foldRoot(i) >= 0) {
      ++rooted;
      CHECK(s.hidden(i));
      CHECK(c.entities[static_cast<size_t>(s.foldRoot(i))].kind != Kind::Part);
    }
    if (k == Kind::Theme) CHECK(s.hidden(i));
    if (k != Kind::Part && k != Kind::Theme) CHECK_FALSE(s.hidden(i));  // the mission's nouns all shown
  }
  CHECK(rooted >= parts * 3 / 4);  // most parts belong to a document, programme or partnership
  CHECK(shownCount(s) == all - rooted - themes);
  // The badges add up to the parts folded.
  uint32_t badges = 0;
  for (uint32_t i = 0; i < s.nodeCount(); ++i) badges += s.foldedCount(i);
  CHECK(badges == rooted);
  // No relation is drawn to a hidden end.
  for (uint32_t r = 0; r < c.relations.size(); ++r)
    if (s.hidden(c.relations[r].from) || s.hidden(c.relations[r].to)) CHECK(s.edgeHidden(r));

  SECTION("expanding one parent shows exactly its parts") {
    uint32_t root = 0;
    for (uint32_t i = 0; i < s.nodeCount(); ++i)
      if (s.partCount(i) > s.partCount(root)) root = i;
    REQUIRE(s.partCount(root) > 1);
    const uint32_t before = shownCount(s);
    s.expand(root, true);
    CHECK(s.foldedCount(root) == 0);
    CHECK(shownCount(s) == before + s.partCount(root));
    for (uint32_t i = 0; i < s.nodeCount(); ++i)
      if (s.foldRoot(i) == static_cast<int>(root)) CHECK_FALSE(s.hidden(i));
    s.expand(root, false);
    CHECK(shownCount(s) == before);
  }
  SECTION("expanding all and showing themes gives everything back") {
    s.expandAll(true);
    s.setFolding(false, true);
    CHECK(shownCount(s) == all);
  }
  SECTION("selecting a folded part opens its parent; a selected theme is shown") {
    uint32_t part = 0;
    while (part < s.nodeCount() && s.foldRoot(part) < 0) ++part;
    REQUIRE(part < s.nodeCount());
    s.setFocus(SceneFocus{static_cast<int>(part), 0, kNoDay});
    CHECK_FALSE(s.hidden(part));
    CHECK(s.expanded(static_cast<uint32_t>(s.foldRoot(part))));
    uint32_t theme = 0;
    while (theme < s.nodeCount() && c.entities[theme].kind != Kind::Theme) ++theme;
    REQUIRE(theme < s.nodeCount());
    s.setFocus(SceneFocus{static_cast<int>(theme), 0, kNoDay});
    CHECK_FALSE(s.hidden(theme));
    s.setFocus(SceneFocus{});
    CHECK(s.hidden(theme));
  }
  SECTION("labels of the folded picture never overlap") {
    for (int i = 0; i < 100 && s.advance(true); ++i) {}
    s.setFocus(SceneFocus{});
    s.build();
    std::vector<GraphLabel> labels;
    s.placeLabels(scene_test::fitted(s), -1, scene_test::measure, LabelOptions{}, labels);
    CHECK(labels.size() > 20);
    for (const GraphLabel& l : labels) CHECK_FALSE(s.hidden(l.node));
  }
}

TEST_CASE("labels keep clear of the rectangles the view passes (the legend, panels)", "[graph-scene][labels]") {
  for (const Corpus* c : {&bundledCorpus(), &scene_test::generatedCorpus(2000, 6000)}) {
    GraphScene s;
    scene_test::settle(s, *c);
    const uint32_t h = scene_test::hub(s);
    for (int sel : {-1, static_cast<int>(h)}) {
      s.setFocus(SceneFocus{sel, 0, kNoDay});
      s.build();
      const Camera2D base = scene_test::fitted(s);
      for (float zoom : {0.5f, 1.f, 3.f}) {
        Camera2D cam = base;
        cam.zoomAt(zoom, cam.viewW * 0.5f, cam.viewH * 0.5f);
        LabelOptions opt;
        opt.avoid.push_back({8.f, 400.f, 200.f, 692.f});    // a legend, bottom left
        opt.avoid.push_back({700.f, 0.f, 1000.f, 120.f});   // a panel over the top right
        std::vector<GraphLabel> labels;
        s.placeLabels(cam, -1, scene_test::measure, opt, labels);
        INFO(c->entities.size() << " entities, selection " << sel << ", zoom " << zoom);
        if (sel >= 0 || c == &bundledCorpus()) CHECK_FALSE(labels.empty());
        for (size_t a = 0; a < labels.size(); ++a) {
          const GraphLabel& l = labels[a];
          for (const auto& r : opt.avoid) {
            const bool meets = l.x0 < r[2] && l.x1 > r[0] && l.y0 < r[3] && l.y1 > r[1];
            if (meets) FAIL_CHECK("the label of " << l.node << " meets a rectangle to avoid, zoom " << zoom);
          }
          for (size_t b = a + 1; b < labels.size(); ++b)
            if (boxesMeet(l, labels[b])) FAIL_CHECK("labels " << l.node << " and " << labels[b].node << " overlap");
        }
      }
    }
  }
}

// Around the selection: each neighbour's footprint (its disc and label) clear of every other's, so at
// the scale that frames the neighbourhood every neighbour is labelled beside its node.
TEST_CASE("the selection's neighbourhood: rings spaced by label size, grouped by family, all labelled", "[graph-scene][neighbourhood]") {
  const Corpus& c = bundledCorpus();
  GraphScene s;
  s.setMeasure(scene_test::measure);
  scene_test::settle(s, c);
  s.setFolding(true, false);
  s.setMode(GraphLayoutMode::Radial);
  std::vector<uint32_t> selections;
  if (int e = findId(c, "org-nhs-england"); e >= 0) selections.push_back(static_cast<uint32_t>(e));
  selections.push_back(scene_test::hub(s));
  for (uint32_t i = 0; i < s.nodeCount(); i += 11) selections.push_back(i);
  for (uint32_t sel : selections) {
    INFO("selection " << c.entities[sel].id);
    s.setFocus(SceneFocus{static_cast<int>(sel), 1, kNoDay});
    s.advance(true);
    s.build();
    std::vector<uint32_t> near;
    for (uint32_t m : s.neighbours(sel))
      if (!s.hidden(m)) near.push_back(m);
    // No two footprints (label box below the disc) meet, at scale 1.
    Camera2D cam;
    cam.viewW = 4000;
    cam.viewH = 4000;
    cam.centreX = 0;
    cam.centreY = 0;
    cam.scale = 1;
    LabelOptions opt;
    std::vector<GraphLabel> labels;
    s.placeLabels(cam, -1, scene_test::measure, opt, labels);
    std::set<uint32_t> beside;
    for (const GraphLabel& l : labels)
      if (!l.displaced) beside.insert(l.node);
    size_t missing = 0;
    for (uint32_t m : near) missing += beside.count(m) ? 0 : 1;
    CHECK(missing == 0);
    for (size_t a = 0; a < labels.size(); ++a)
      for (size_t b = a + 1; b < labels.size(); ++b) CHECK_FALSE(boxesMeet(labels[a], labels[b]));
    // The framing box holds every neighbour.
    float x0, y0, x1, y1;
    REQUIRE(s.neighbourhoodBounds(x0, y0, x1, y1));
    for (uint32_t m : near) {
      CHECK(s.x()[m] >= x0);
      CHECK(s.x()[m] <= x1);
      CHECK(s.y()[m] >= y0);
      CHECK(s.y()[m] <= y1);
    }
  }
}

TEST_CASE("neighbourhood rings on a generated graph's hub: no label overlaps, all neighbours labelled", "[graph-scene][neighbourhood]") {
  const Corpus& c = scene_test::generatedCorpus(300, 900);
  GraphScene s;
  s.setMeasure(scene_test::measure);
  scene_test::settle(s, c);
  s.setMode(GraphLayoutMode::Radial);
  const uint32_t h = scene_test::hub(s);
  s.setFocus(SceneFocus{static_cast<int>(h), 1, kNoDay});
  s.advance(true);
  s.build();
  float x0, y0, x1, y1;
  REQUIRE(s.neighbourhoodBounds(x0, y0, x1, y1));
  Camera2D cam;
  cam.viewW = 1000;
  cam.viewH = 700;
  REQUIRE(cam.fit(x0, y0, x1, y1));
  std::vector<GraphLabel> labels;
  s.placeLabels(cam, -1, scene_test::measure, LabelOptions{}, labels);
  std::set<uint32_t> labelled;
  for (const GraphLabel& l : labels) labelled.insert(l.node);
  for (uint32_t m : s.neighbours(h)) CHECK(labelled.count(m));
  for (size_t a = 0; a < labels.size(); ++a)
    for (size_t b = a + 1; b < labels.size(); ++b) CHECK_FALSE(boxesMeet(labels[a], labels[b]));
}

// Clusters that mean something lie apart: at rest, most organisations (six in ten) are nearer the centre of their own
// cluster (government, national bodies, providers, voluntary sector, others) than any other's.
TEST_CASE("organisation clusters are laid out apart", "[graph-scene][clusters]") {
  CHECK(GraphScene::clusterOfType("government-department") == 0);
  CHECK(GraphScene::clusterOfType("nhs-foundation-trust") == 2);
  CHECK(GraphScene::clusterOfType("charity") == 3);
  for (const Corpus* c : {&bundledCorpus(), &scene_test::generatedCorpus(2000, 6000)}) {
    GraphScene s;
    s.setFolding(true, false);
    scene_test::settle(s, *c);
    INFO(c->entities.size() << " entities");
    float cx[GraphScene::kClusterCount] = {}, cy[GraphScene::kClusterCount] = {};
    int count[GraphScene::kClusterCount] = {};
    for (uint32_t i = 0; i < s.nodeCount(); ++i) {
      const int k = s.cluster(i);
      if (k < 0 || s.hidden(i) || c->entities[i].kind != Kind::Organisation) continue;
      cx[k] += s.x()[i], cy[k] += s.y()[i], ++count[k];
    }
    int clusters = 0;
    for (int k = 0; k < GraphScene::kClusterCount; ++k)
      if (count[k]) cx[k] /= static_cast<float>(count[k]), cy[k] /= static_cast<float>(count[k]), ++clusters;
    REQUIRE(clusters >= 3);
    int nearest = 0, total = 0;
    for (uint32_t i = 0; i < s.nodeCount(); ++i) {
      const int k = s.cluster(i);
      if (k < 0 || s.hidden(i) || c->entities[i].kind != Kind::Organisation) continue;
      int best = -1;
      float bestD = 1e30f;
      for (int j = 0; j < GraphScene::kClusterCount; ++j) {
        if (!count[j]) continue;
        const float d = std::hypot(s.x()[i] - cx[j], s.y()[i] - cy[j]);
        if (d < bestD) bestD = d, best = j;
      }
      nearest += best == k;
      ++total;
    }
    CHECK(nearest * 10 >= total * 6);  // by chance about one in five would be
  }
}

TEST_CASE("picking follows the layout back from around the selection to the forces", "[graph-scene][picking]") {
  const Corpus& c = bundledCorpus();
  GraphScene s;
  scene_test::settle(s, c);
  const uint32_t h = scene_test::hub(s);
  s.setFocus(SceneFocus{static_cast<int>(h), 1, kNoDay});
  s.setMode(GraphLayoutMode::Radial);
  s.advance(true);
  Camera2D cam = scene_test::fitted(s);
  float sx, sy;
  REQUIRE(s.screenPos(cam, h, sx, sy));
  CHECK(s.pick(cam, sx, sy) == static_cast<int>(h));
  s.setMode(GraphLayoutMode::Force);
  s.advance(true);
  cam = scene_test::fitted(s);
  for (uint32_t i = 0; i < s.nodeCount(); i += 5) {
    if (s.hidden(i) || !s.screenPos(cam, i, sx, sy)) continue;
    const int p = s.pick(cam, sx, sy, 0.f);
    CHECK(p >= 0);  // something is under every node's centre (the node or one drawn over it)
  }
}

TEST_CASE("parallel relations are drawn as one line, wider for each more", "[graph-scene][edges]") {
  const Corpus& c = bundledCorpus();
  GraphScene s;
  scene_test::settle(s, c);
  s.build();
  const std::vector<EdgeInstance>& e = s.edges();
  REQUIRE(e.size() == c.relations.size());
  std::map<std::pair<uint32_t, uint32_t>, std::vector<uint32_t>> byPair;
  for (uint32_t r = 0; r < c.relations.size(); ++r) {
    const Relation& rel = c.relations[r];
    if (s.edgeHidden(r) || rel.from == rel.to) continue;
    byPair[{std::min(rel.from, rel.to), std::max(rel.from, rel.to)}].push_back(r);
  }
  size_t bundles = 0;
  for (const auto& [pair, rels] : byPair) {
    size_t drawn = 0;
    float width = 0;
    for (uint32_t r : rels)
      if ((e[r].rgba >> 24) != 0) {
        ++drawn;
        width = e[r].width;
      }
    INFO(c.entities[pair.first].id << " - " << c.entities[pair.second].id << ": " << rels.size() << " relations");
    CHECK(drawn == 1);  // one line however many relations join the two
    if (rels.size() > 1) {
      ++bundles;
      CHECK(width > 0.8f);  // wider than a single quiet relation
    }
  }
  CHECK(bundles > 0);  // the bundled corpus has parallel relations (a mandate and its department)
}
