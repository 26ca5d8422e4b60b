// bench-layout: force-layout ticks and spatial-index build/pick/query on generated graphs (nodes, twice as
// many edges), printing figures; not a test. Built natively and as wasm for Node (same source, same
// in-memory generator and seed, so both measure identical graphs; bench/layout_peers.mjs runs d3-force
// on the same graphs, read from files this program writes).
//   bench-layout [--ticks T] [N ...]        default N = 1000 10000 100000; T = 20 (10 at 100k and above)
//   bench-layout --write-graph N FILE        native only: writes "n\nsrc dst\n..." for the peer script
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/graph_layout.h"
#include "core/spatial_index.h"

namespace {

constexpr uint32_t kGraphSeed = 42;   // the peer script reads the files, so only this program needs it
constexpr uint32_t kLayoutSeed = 1;

#ifdef __EMSCRIPTEN__
const char* const kWhere = "wasm";
#else
const char* const kWhere = "native";
#endif

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int writeGraph(uint32_t n, const char* path) {
#ifdef __EMSCRIPTEN__
  (void)n;
  std::fprintf(stderr, "--write-graph is native only (no host filesystem under wasm): %s\n", path);
  return 2;
#else
  const nhsx::Graph g = nhsx::generateGraph(n, 2 * n, kGraphSeed);
  std::FILE* f = std::fopen(path, "w");
  if (!f) {
    std::perror(path);
    return 1;
  }
  std::fprintf(f, "%u\n", g.nodeCount);
  for (const auto& [a, b] : g.edges) std::fprintf(f, "%u %u\n", a, b);
  return std::fclose(f) == 0 ? 0 : 1;
#endif
}

// FNV-1a over the edge list as 32-bit words (src, dst, ...): the peer script computes the same over the
// file it reads, to check that every contender lays out the identical graph.
uint32_t graphHash(const nhsx::Graph& g) {
  uint32_t h = 2166136261u;
  auto mix = [&h](uint32_t v) {
    for (int k = 0; k < 4; ++k) h = (h ^ ((v >> (8 * k)) & 0xFF)) * 16777619u;
  };
  mix(g.nodeCount);
  for (const auto& [a, b] : g.edges) mix(a), mix(b);
  return h;
}

// Median time per tick from a fresh start, one tick at a time (as the peer script times d3).
void benchLayout(const nhsx::Graph& g, int ticks, nhsx::ForceLayout& layout) {
  layout.reset(g, kLayoutSeed);
  std::vector<double> ms;
  for (int t = 0; t < ticks; ++t) {
    const auto t0 = Clock::now();
    layout.step(1, 0);
    ms.push_back(msSince(t0));
  }
  std::printf("layout ours [%s] nodes=%u edges=%zu ticks=%d median_ms_per_tick=%.3f min_ms=%.3f max_ms=%.3f "
              "graph_hash=%08x\n",
              kWhere, g.nodeCount, g.edges.size(), ticks, median(ms), *std::min_element(ms.begin(), ms.end()),
              *std::max_element(ms.begin(), ms.end()), graphHash(g));
}

// Index the layout's positions (radius 4..~12 by degree, as the view might draw them) and time a
// build, random picks and viewport-sized queries.
void benchSpatial(const nhsx::Graph& g, const nhsx::ForceLayout& layout) {
  const uint32_t n = g.nodeCount;
  std::vector<float> radius(n, 4.f);
  for (const auto& [a, b] : g.edges) radius[a] += 0.25f, radius[b] += 0.25f;
  for (float& r : radius) r = std::min(r, 12.f);
  const auto& x = layout.x();
  const auto& y = layout.y();
  const float x0 = *std::min_element(x.begin(), x.end()), x1 = *std::max_element(x.begin(), x.end());
  const float y0 = *std::min_element(y.begin(), y.end()), y1 = *std::max_element(y.begin(), y.end());

  nhsx::SpatialIndex index;
  std::vector<double> buildMs;
  for (int i = 0; i < 5; ++i) {
    const auto t0 = Clock::now();
    index.build(x.data(), y.data(), radius.data(), n);
    buildMs.push_back(msSince(t0));
  }
  // Points: half on node centres (hits), half anywhere in the bounds.
  uint64_t s = 7;
  auto rnd = [&s]() { return ((s = s * 6364136223846793005ull + 1442695040888963407ull) >> 40) / 16777216.0f; };
  const int picks = 200000;
  std::vector<float> px(picks), py(picks);
  for (int i = 0; i < picks; ++i) {
    const uint32_t k = static_cast<uint32_t>(rnd() * (n - 1));
    px[i] = (i & 1) ? x0 + rnd() * (x1 - x0) : x[k];
    py[i] = (i & 1) ? y0 + rnd() * (y1 - y0) : y[k];
  }
  long hits = 0;
  auto t0 = Clock::now();
  for (int i = 0; i < picks; ++i) hits += index.pick(px[i], py[i]) >= 0;
  const double pickNs = msSince(t0) * 1e6 / picks;
  // Viewports a tenth of the layout across, as when zoomed in.
  const int queries = 1000;
  std::vector<uint32_t> out;
  size_t found = 0;
  t0 = Clock::now();
  for (int i = 0; i < queries; ++i) {
    const float qx = x0 + rnd() * (x1 - x0) * 0.9f, qy = y0 + rnd() * (y1 - y0) * 0.9f;
    index.query(qx, qy, qx + (x1 - x0) * 0.1f, qy + (y1 - y0) * 0.1f, out);
    found += out.size();
  }
  const double queryUs = msSince(t0) * 1e3 / queries;
  std::printf("spatial ours [%s] nodes=%u build_ms=%.3f pick_ns=%.1f hit_rate=%.2f query_us=%.1f nodes_per_query=%.0f\n",
              kWhere, n, median(buildMs), pickNs, static_cast<double>(hits) / picks, queryUs,
              static_cast<double>(found) / queries);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<uint32_t> sizes;
  int ticks = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--write-graph") && i + 2 < argc)
      return writeGraph(static_cast<uint32_t>(std::strtoul(argv[i + 1], nullptr, 10)), argv[i + 2]);
    if (!std::strcmp(argv[i], "--ticks") && i + 1 < argc) ticks = std::atoi(argv[++i]);
    else if (std::strtoul(argv[i], nullptr, 10) >= 2) sizes.push_back(static_cast<uint32_t>(std::strtoul(argv[i], nullptr, 10)));
    else {
      std::fprintf(stderr, "usage: bench-layout [--ticks T] [N ...] | --write-graph N FILE\n");
      return 2;
    }
  }
  if (sizes.empty()) sizes = {1000, 10000, 100000};
  for (uint32_t n : sizes) {
    const nhsx::Graph g = nhsx::generateGraph(n, 2 * n, kGraphSeed);
    nhsx::ForceLayout layout;
    benchLayout(g, ticks > 0 ? ticks : (n >= 100000 ? 10 : 20), layout);
    benchSpatial(g, layout);
    std::fflush(stdout);
  }
  return 0;
}
