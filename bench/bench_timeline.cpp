// bench-timeline: the timeline view's per-frame core work on a large generated corpus (100k entities,
// 10k events by default): 300 frames of wheel zooms at varying anchors and drags, each doing what the view
// does (clamp, ticks, repack on a zoom-bucket change, culling, label level of detail, a collapsed lane's
// density, hit test at the pointer). Prints build time and median / 95th percentile / worst frame times.
// Built natively and as wasm for Node (same source; no filesystem).
//   bench-timeline [ENTITIES EVENTS FRAMES]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/corpus_gen.h"
#include "core/rng.h"
#include "core/corpus_loader.h"
#include "core/time_scale.h"
#include "core/time_ticks.h"
#include "core/timeline_layout.h"

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }


double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// The user's input for frame f: zoom in for a third, drag, zoom out, then mix (wheel steps of 15%).
void simulateInput(int f, int frames, nhsx::Rng& rng, nhsx::TimeScale& s, float& pointerX) {
  pointerX = rng.uniform(0.f, s.width());
  const int phase = f * 4 / frames;
  if (phase == 0) s.zoomAt(pointerX, 1.15);
  else if (phase == 1) s.pan(rng.uniform(-150.f, 150.f));
  else if (phase == 2) s.zoomAt(pointerX, 1 / 1.15);
  else if (f % 2) s.zoomAt(pointerX, rng.next() % 2 ? 1.15 : 1 / 1.15);
  else s.pan(rng.uniform(-300.f, 300.f));
}

}  // namespace

int main(int argc, char** argv) {
  nhsx::GenOptions o;
  o.entities = argc > 1 ? static_cast<uint32_t>(std::strtoul(argv[1], nullptr, 10)) : 100000;
  o.events = argc > 2 ? static_cast<uint32_t>(std::strtoul(argv[2], nullptr, 10)) : 10000;
  o.relations = 1000;
  const int frames = argc > 3 ? std::atoi(argv[3]) : 300;
  const float width = 1200.f, viewHeight = 800.f, minLabelSpacing = 80.f;
  const int32_t today = nhsx::daysFromCivil(2025, 6, 1);  // fixed, so runs compare

  const std::string text = nhsx::generateCorpus(o);
  auto t = Clock::now();
  nhsx::LoadResult r = nhsx::loadCorpus(text);
  const double loadMs = msSince(t);
  if (!r.ok()) {
    std::fprintf(stderr, "generated corpus did not validate: %s\n",
                 nhsx::formatDiagnostic("generated", r.errors.front()).c_str());
    return 1;
  }

  t = Clock::now();
  nhsx::TimelineLayout layout;
  layout.build(r.corpus, today);
  const double buildMs = msSince(t);
  // What the view computes once per font size: label widths (here ~7 px a character).
  std::vector<float> labelWidth(layout.size());
  for (size_t i = 0; i < layout.size(); ++i) labelWidth[i] = 7.f * static_cast<float>(layout.items()[i].label.size());
  layout.setCollapsed(static_cast<int>(nhsx::Lane::Documents), true);  // one lane as a density summary

  nhsx::TimeScale scale;
  scale.setWidth(width);
  scale.fit(layout.dataFirst(), layout.dataLast());
  const double margin = layout.defaultMarginDays();

  nhsx::Rng rng{42};
  nhsx::TickSet ticks;
  std::vector<uint32_t> vis, density;
  std::vector<nhsx::PlacedItem> placed;
  std::vector<double> ms;
  double part[6] = {};  // clamp+ticks, packing, culling, labels, density, hit: summed over frames
  size_t repacks = 0, visibleTotal = 0, labelled = 0, hits = 0, maxVisible = 0;
  int selected = -1;
  float pointerX = 0;
  for (int f = 0; f < frames; ++f) {
    simulateInput(f, frames, rng, scale, pointerX);
    const float pointerY = rng.uniform(0.f, viewHeight);
    const float scrollY = f % 50 < 25 ? 0.f : 400.f;  // the lanes scrolled a little, half the time
    t = Clock::now();
    auto lap = [&, last = t](int i) mutable {
      const auto now = Clock::now();
      part[i] += std::chrono::duration<double, std::milli>(now - last).count();
      last = now;
    };
    scale.clampTo(layout.dataFirst(), layout.dataLast(), margin);
    nhsx::computeTicks(scale, minLabelSpacing, ticks);
    lap(0);
    repacks += layout.packForZoom(scale.pxPerDay());
    lap(1);
    layout.visible(scale, scrollY, scrollY + viewHeight, vis);
    lap(2);
    layout.place(scale, vis, labelWidth, selected, placed);
    lap(3);
    layout.density(static_cast<int>(nhsx::Lane::Documents), scale, 3.f, density);
    lap(4);
    const int h = layout.hit(scale, pointerX, scrollY + pointerY, 2.f, &placed);
    lap(5);
    ms.push_back(msSince(t));
    if (h >= 0) { ++hits; selected = h; }  // click what is under the pointer, as a user would
    visibleTotal += vis.size();
    maxVisible = std::max(maxVisible, vis.size());
    for (const nhsx::PlacedItem& p : placed) labelled += p.fit != nhsx::LabelFit::Hidden;
  }

  // For scale: one whole repack at once, as a zoom out past the shown rows' zoom costs in the worst case.
  t = Clock::now();
  layout.pack(scale.pxPerDay(), layout.style().minItemPx);
  const double fullPackMs = msSince(t);

#ifdef __EMSCRIPTEN__
  const char* where = "wasm";
#else
  const char* where = "native";
#endif
  std::printf("timeline [%s] items=%zu frames=%d median_ms=%.3f p95_ms=%.3f max_ms=%.3f build_ms=%.1f load_ms=%.1f\n",
              where, layout.size(), frames, percentile(ms, 0.5), percentile(ms, 0.95),
              *std::max_element(ms.begin(), ms.end()), buildMs, loadMs);
  std::printf("  repacks=%zu full_repack_ms=%.2f visible_avg=%zu visible_max=%zu labels_avg=%zu hits=%zu\n", repacks,
              fullPackMs, visibleTotal / static_cast<size_t>(frames), maxVisible, labelled / static_cast<size_t>(frames),
              hits);
  const double n = frames;
  std::printf("  mean_ms per frame: clamp+ticks=%.3f packing=%.3f culling=%.3f labels=%.3f density=%.3f hit=%.3f\n",
              part[0] / n, part[1] / n, part[2] / n, part[3] / n, part[4] / n, part[5] / n);
  return 0;
}
