// Graph layouts for the relationship view: a force-directed simulation (Barnes–Hut repulsion, springs on
// edges, gravity to the centre, cooling) and two fixed layouts (radial rings by hop distance, time axis).
// Plain C++17, single-threaded and deterministic: the same graph, seed and tick count give bit-identical
// positions on the same platform.
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace nhsx {

struct Graph {
  uint32_t nodeCount = 0;
  std::vector<std::pair<uint32_t, uint32_t>> edges;  // node indices; out-of-range or self edges are ignored
  std::vector<float> weight;  // per node, scales its repulsion (e.g. degree-based size); empty = all 1
  // Per node, where gravity pulls it (a cluster's centre); empty = the origin for all. With anchors the
  // pull is anchorGravity instead of ForceParams::gravity, and the start spiral is centred on them.
  std::vector<float> anchorX, anchorY;
  float anchorGravity = 0.1f;
};

// A deterministic synthetic graph for benchmarks and tests: a random recursive tree (so it is connected)
// plus preferential-attachment edges (so it has hubs, like a real organisation network). Integer-only
// RNG, so every platform (native, wasm) gets the same edge list for the same arguments.
Graph generateGraph(uint32_t nodes, uint32_t edges, uint32_t seed);

// Tunables. The defaults match d3-force's (forceManyBody -30, theta 0.9, forceLink distance 30 with
// strength 1/min(degree), velocityDecay 0.4, 300-tick cooling) plus forceX/forceY(0) of strength 0.02,
// so our layouts look like what people know and the benchmark compares like with like.
struct ForceParams {
  float repulsion = 30.f;      // charge per unit weight (d3's strength, sign flipped)
  float linkDistance = 30.f;   // spring rest length
  float linkStrength = 0.f;    // 0 = d3's default 1/min(degree(a), degree(b))
  // Pull towards (0,0), per unit distance: keeps components together. Stronger folds small structures
  // (at 0.05 a 4-node path often ends bent back on itself; at 0.02 it always ends in order).
  float gravity = 0.02f;
  float theta = 0.9f;          // Barnes–Hut opening angle: larger is faster and less exact
  float minDistance = 1.f;     // repulsion is capped below this distance (no blow-up at contact)
  float velocityDecay = 0.4f;  // fraction of velocity lost per tick (friction)
  float alphaMin = 0.001f;     // cooling ends here: settled at the latest ~300 ticks after reset
  float alphaDecay = 0.0228f;  // 1 - alphaMin^(1/300)
  // Settled once the mean displacement per tick falls under this fraction of the layout's extent
  // (0.1 px a tick when the whole layout spans 1000 px): a 1k-node graph stops after ~150 ticks.
  float settleFraction = 1e-4f;
};

class ForceLayout {
 public:
  explicit ForceLayout(ForceParams p = {}) : params_(p) {}

  // Starts a new simulation: phyllotaxis spiral with slots shuffled by `seed`, zero velocity, alpha 1,
  // nothing pinned.
  void reset(const Graph& g, uint32_t seed);

  // Swaps the charges and springs for those of g (same node count), keeping positions, velocities and
  // pins: a filter hides nodes (weight 0, no edges) without throwing the picture away. Call reheat().
  void setForces(const Graph& g);
  // Runs up to maxIterations ticks; stops early once budgetMs is spent (checked after each tick, so at
  // least one runs; budgetMs <= 0 means no budget) or the layout settles. Returns the ticks run.
  int step(int maxIterations, double budgetMs);

  // True once a tick moved the nodes less than settleFraction of the extent on average, or the cooling
  // ended (alpha < alphaMin); from then on step() returns 0 at once until reheat() or reset().
  bool settled() const { return settled_; }
  // Restarts the cooling from at least `alpha` (e.g. 0.3 after a drag or a filter change).
  void reheat(float alpha);

  // Pinned nodes sit exactly at (x, y) and never move (they still push and pull the others).
  // Pinning does not reheat: call reheat() if the others should react.
  void pin(uint32_t node, float x, float y);
  void unpin(uint32_t node);
  bool pinned(uint32_t node) const { return node < pinned_.size() && pinned_[node] != 0; }

  const std::vector<float>& x() const { return x_; }
  const std::vector<float>& y() const { return y_; }
  uint32_t nodeCount() const { return static_cast<uint32_t>(x_.size()); }
  uint64_t iterations() const { return iterations_; }  // ticks run since construction (reset() keeps it)
  float alpha() const { return alpha_; }
  // Mean displacement of the last tick divided by the layout's extent (what settled() compares).
  float lastMotion() const { return lastMotion_; }
  const ForceParams& params() const { return params_; }

  // Repulsion only, at alpha 1, on the current positions: the exact O(n^2) sum and the Barnes–Hut
  // approximation the simulation uses (so tests can measure the approximation's error).
  void exactForces(std::vector<float>& fx, std::vector<float>& fy) const;
  void barnesHutForces(std::vector<float>& fx, std::vector<float>& fy) const;

 private:
  // One particle in tree order: position, charge and original index, 16 bytes.
  struct Body {
    float x, y, q;
    uint32_t id;
  };
  // One quadtree cell in depth-first order; `next` is the index just past its subtree, which makes the
  // traversal a flat loop with no stack. Leaves hold bodies [begin, end).
  struct Cell {
    float cx, cy, q;  // centre of charge and total charge
    float open2;      // (cell width / theta)^2: approximate when the squared distance exceeds this
    uint32_t next, begin, end, leaf;
  };

  void tick();
  void applyLinks(float alpha);
  void applyGravity(float alpha);
  void integrate();
  void buildTree() const;
  uint32_t buildCell(uint32_t begin, uint32_t end, float x0, float y0, float size, int depth) const;
  void finishLeaf(uint32_t cell) const;
  void repulsion(float scale, float* fx, float* fy) const;
  void groupForces(uint32_t group, float scale, float* fx, float* fy) const;
  void sumBlock(uint32_t begin, uint32_t end, size_t m, float scale, float* fx, float* fy) const;

  // Tuned per target (measured at 10k and 100k nodes): natively 16 lanes keep four SSE vectors busy;
  // wasm has no SIMD here and spills registers beyond 8 scalar lanes. The lane count changes only the
  // speed (each body adds its terms in the same order); leaf and group sizes shift the approximation a
  // little, one more reason why positions are reproducible per platform, not across platforms.
#if defined(__wasm__)
  static constexpr uint32_t kLeafSize = 8;    // bodies per leaf: the resolution of the near field
  static constexpr uint32_t kGroupSize = 32;  // bodies sharing one tree walk
  static constexpr uint32_t kLanes = 8;       // bodies summed together in the innermost loop
#else
  static constexpr uint32_t kLeafSize = 16;
  static constexpr uint32_t kGroupSize = 64;
  static constexpr uint32_t kLanes = 16;
#endif

  ForceParams params_;
  std::vector<float> x_, y_, vx_, vy_, charge_;
  std::vector<float> anchorX_, anchorY_;  // empty: gravity to the origin
  float anchorGravity_ = 0.f;
  std::vector<uint8_t> pinned_;
  std::vector<uint32_t> src_, dst_;      // valid edges only
  std::vector<float> linkK_, linkBias_;  // per edge: strength, share of the correction the target takes
  float alpha_ = 1.f;
  float lastMotion_ = 0.f;
  bool settled_ = true;
  uint64_t iterations_ = 0;

  // Scratch reused every tick (mutable so the const force queries can use it too); capacity persists,
  // so a steady simulation allocates nothing.
  mutable std::vector<Body> bodies_;
  mutable std::vector<Cell> cells_;
  mutable std::vector<float> listX_, listY_, listQ_;  // one group's interaction list (sized to a bound)
  mutable std::vector<float> fx_, fy_;
};

// Rings around `centre` by hop distance (edges undirected): the centre at (0,0), hop-k nodes on the
// circle of radius k * ringSpacing, each ring ordered by discovery so subtrees stay together;
// unreachable nodes on one more ring beyond the last. Deterministic.
void radialLayout(const Graph& g, uint32_t centre, std::vector<float>& x, std::vector<float>& y,
                  float ringSpacing = 80.f);

// x from time scaled into [0, width] (all at width/2 if every date is equal); dated nodes go into lanes
// (y = lane * spacing) so that no two in a lane are closer than `spacing` in x; undated (NaN) nodes fill
// rows of a separate band below, one empty lane apart. Deterministic.
void timeLayout(const Graph& g, const std::vector<double>& time, float width, std::vector<float>& x,
                std::vector<float>& y, float spacing = 16.f);

}  // namespace nhsx
