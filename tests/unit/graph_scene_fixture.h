// Shared by the graph scene tests: scenes over the bundled corpus and generated corpora, laid out to
// rest, a camera fitted to them, and a text measure like the UI font's.
#pragma once
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <map>
#include <memory>
#include <string_view>

#include "bundled_corpus.h"
#include "core/corpus_gen.h"
#include "core/corpus_loader.h"
#include "core/graph_scene.h"

namespace scene_test {

// A generated corpus, loaded once per size.
inline const nhsx::Corpus& generatedCorpus(uint32_t entities, uint32_t relations, uint32_t seed = 3) {
  static std::map<std::tuple<uint32_t, uint32_t, uint32_t>, std::unique_ptr<nhsx::LoadResult>> cache;
  auto& slot = cache[{entities, relations, seed}];
  if (!slot) {
    nhsx::GenOptions o;
    o.entities = entities;
    o.relations = relations;
    o.seed = seed;
    slot = std::make_unique<nhsx::LoadResult>(nhsx::loadCorpus(nhsx::generateCorpus(o)));
  }
  REQUIRE(slot->ok());
  return slot->corpus;
}

// Everything shown, the force layout run to rest.
inline void settle(nhsx::GraphScene& s, const nhsx::Corpus& c, nhsx::Visibility* vis = nullptr) {
  s.setCorpus(c);
  if (vis) s.setVisibility(*vis);
  for (int i = 0; i < 100 && s.advance(true); ++i) {}
  REQUIRE(s.forceLayout().settled());
}

// About the UI font at 17 px: 7 px a character, wrapped at 14 em (238 px), 17 px a line.
inline void measure(std::string_view t, float& w, float& h) {
  const float full = 7.f * static_cast<float>(t.size());
  const float lines = std::max(1.f, std::ceil(full / 238.f));
  w = std::min(full, 238.f);
  h = 17.f * lines;
}

// A 1000 x 700 view fitted to every shown node.
inline nhsx::Camera2D fitted(const nhsx::GraphScene& s) {
  nhsx::Camera2D cam;
  cam.viewW = 1000;
  cam.viewH = 700;
  float x0, y0, x1, y1;
  REQUIRE(s.bounds({}, x0, y0, x1, y1));
  REQUIRE(cam.fit(x0, y0, x1, y1));
  return cam;
}

// The node with the most relations.
inline uint32_t hub(const nhsx::GraphScene& s) {
  uint32_t best = 0;
  for (uint32_t i = 1; i < s.nodeCount(); ++i)
    if (s.degree(i) > s.degree(best)) best = i;
  return best;
}

}  // namespace scene_test
