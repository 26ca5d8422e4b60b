// Graph scene picking: the node under the pointer, a few pixels of grace around small nodes, nothing on
// empty canvas, never a hidden node.
#include <catch2/catch_test_macros.hpp>

#include <cmath>

#include "graph_scene_fixture.h"

using namespace nhsx;

TEST_CASE("picking finds the node under the pointer, with slop, never a hidden one", "[graph-scene][picking]") {
  const Corpus& c = bundledCorpus();
  GraphScene s;
  scene_test::settle(s, c);
  const Camera2D cam = scene_test::fitted(s);
  size_t alone = 0;
  for (uint32_t i = 0; i < s.nodeCount(); ++i) {
    float sx, sy;
    REQUIRE(s.screenPos(cam, i, sx, sy));
    const int got = s.pick(cam, sx, sy);
    REQUIRE(got >= 0);
    // Whatever is picked has its disc under the point (nodes may overlap: the one drawn on top wins).
    const float d = std::hypot(s.x()[static_cast<size_t>(got)] - s.x()[i], s.y()[static_cast<size_t>(got)] - s.y()[i]);
    CHECK(d <= s.radius(static_cast<uint32_t>(got)) + 1e-3f);
    // A node with nobody within 20 px: found at its centre, and a few pixels beyond its edge.
    bool isolated = true;
    for (uint32_t j = 0; j < s.nodeCount() && isolated; ++j) {
      if (j == i) continue;
      const float dj = std::hypot(s.x()[j] - s.x()[i], s.y()[j] - s.y()[i]) * cam.scale;
      isolated = dj > (s.radius(i) + s.radius(j)) * cam.scale + 20.f;
    }
    if (!isolated) continue;
    ++alone;
    CHECK(got == static_cast<int>(i));
    const float edge = s.radius(i) * cam.scale;
    CHECK(s.pick(cam, sx + edge + 4.f, sy) == static_cast<int>(i));          // within the slop
    CHECK(s.pick(cam, sx + edge + 4.f, sy, 2.f) == -1);                      // a tighter slop misses
    CHECK(s.pick(cam, sx, sy + edge + 12.f) == -1);                          // well beyond it
  }
  CHECK(alone > 5);
  CHECK(s.pick(cam, -5000.f, -5000.f) == -1);

  // Hidden nodes are never picked, and picking follows the camera.
  AppState st;
  st.corpusVersion = 1;
  st.filter.kinds = {Kind::Organisation};
  Visibility vis;
  updateVisibility(c, st, vis);
  s.setVisibility(vis);
  for (uint32_t i = 0; i < s.nodeCount(); ++i) {
    float sx = cam.toScreenX(s.x()[i]), sy = cam.toScreenY(s.y()[i]);
    const int got = s.pick(cam, sx, sy);
    if (got >= 0) CHECK(vis.entityAt[static_cast<size_t>(got)]);
    float px, py;
    CHECK(s.screenPos(cam, i, px, py) == (vis.entityAt[i] != 0));
  }
  const uint32_t org = static_cast<uint32_t>(c.findEntity("org-nhs-england"));
  Camera2D zoomed = cam;
  zoomed.zoomAt(3.f, 100.f, 80.f);
  float zx, zy;
  REQUIRE(s.screenPos(zoomed, org, zx, zy));
  CHECK(s.pick(zoomed, zx, zy) == static_cast<int>(org));
}
