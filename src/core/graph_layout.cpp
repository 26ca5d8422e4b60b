#include "core/graph_layout.h"
#include "core/rng.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <queue>

namespace nhsx {

namespace {


constexpr int kMaxDepth = 40;        // coincident bodies end in one leaf instead of recursing forever
constexpr double kPi = 3.14159265358979323846;

float squareOf(float v) { return v * v; }

}  // namespace

// ---- generator ----------------------------------------------------------------------------------

Graph generateGraph(uint32_t nodes, uint32_t edges, uint32_t seed) {
  Graph g;
  g.nodeCount = nodes;
  if (nodes < 2) return g;
  Rng r{seed * 0x2545F4914F6CDD1Dull + 1};
  g.edges.reserve(edges);
  // A random recursive tree first, so the graph is connected when edges >= nodes - 1.
  for (uint32_t i = 1; i < nodes && g.edges.size() < edges; ++i) g.edges.emplace_back(i, r.below(i));
  // Then preferential attachment: the far end is an endpoint of a random existing edge, so well
  // connected nodes gain more (hubs, as in real organisation networks).
  while (g.edges.size() < edges) {
    const uint32_t src = r.below(nodes);
    const auto& e = g.edges[r.below(static_cast<uint32_t>(g.edges.size()))];
    uint32_t dst = (r.next() & 1) ? e.first : e.second;
    if (dst == src) dst = (src + 1 + r.below(nodes - 1)) % nodes;
    g.edges.emplace_back(src, dst);
  }
  return g;
}

// ---- force layout: set-up and stepping ------------------------------------------------------------

void ForceLayout::reset(const Graph& g, uint32_t seed) {
  const uint32_t n = g.nodeCount;
  x_.assign(n, 0.f);
  y_.assign(n, 0.f);
  vx_.assign(n, 0.f);
  vy_.assign(n, 0.f);
  pinned_.assign(n, 0);
  setForces(g);

  // Phyllotaxis spiral (as d3 does: even density, no two nodes together) with the slots shuffled by
  // the seed, so different seeds give genuinely different starts.
  std::vector<uint32_t> slot(n);
  for (uint32_t i = 0; i < n; ++i) slot[i] = i;
  Rng r{seed};
  for (uint32_t i = n; i > 1; --i) std::swap(slot[i - 1], slot[r.below(i)]);
  const double angleStep = kPi * (3.0 - std::sqrt(5.0));
  for (uint32_t i = 0; i < n; ++i) {
    const double k = slot[i], radius = 10.0 * std::sqrt(0.5 + k), angle = k * angleStep;
    x_[i] = static_cast<float>(radius * std::cos(angle));
    y_[i] = static_cast<float>(radius * std::sin(angle));
  }
  if (anchorX_.size() == n) {  // each cluster starts around its centre, a third of the spiral's size
    for (uint32_t i = 0; i < n; ++i) {
      x_[i] = anchorX_[i] + x_[i] * 0.35f;
      y_[i] = anchorY_[i] + y_[i] * 0.35f;
    }
  }

  bodies_.clear();  // the tree order restarts from index order
  alpha_ = 1.f;
  lastMotion_ = 0.f;
  settled_ = n == 0;
}

void ForceLayout::setForces(const Graph& g) {
  const uint32_t n = static_cast<uint32_t>(x_.size());
  charge_.resize(n);
  for (uint32_t i = 0; i < n; ++i)
    charge_[i] = params_.repulsion * (i < g.weight.size() ? std::max(g.weight[i], 0.f) : 1.f);
  const bool anchored = g.anchorX.size() == n && g.anchorY.size() == n && n > 0;
  anchorX_ = anchored ? g.anchorX : std::vector<float>{};
  anchorY_ = anchored ? g.anchorY : std::vector<float>{};
  anchorGravity_ = g.anchorGravity;

  // Springs: d3's defaults, weaker on edges into busy nodes so hubs are not yanked about.
  std::vector<uint32_t> degree(n, 0);
  src_.clear();
  dst_.clear();
  for (const auto& [a, b] : g.edges) {
    if (a >= n || b >= n || a == b) continue;
    src_.push_back(a);
    dst_.push_back(b);
    ++degree[a];
    ++degree[b];
  }
  linkK_.resize(src_.size());
  linkBias_.resize(src_.size());
  for (size_t e = 0; e < src_.size(); ++e) {
    const float da = static_cast<float>(degree[src_[e]]), db = static_cast<float>(degree[dst_[e]]);
    linkK_[e] = params_.linkStrength > 0.f ? params_.linkStrength : 1.f / std::min(da, db);
    linkBias_[e] = da / (da + db);
  }
}

int ForceLayout::step(int maxIterations, double budgetMs) {
  if (settled_ || maxIterations <= 0) return 0;
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  int ran = 0;
  while (ran < maxIterations && !settled_) {
    tick();
    ++ran;
    if (budgetMs > 0 && std::chrono::duration<double, std::milli>(Clock::now() - t0).count() >= budgetMs)
      break;
  }
  return ran;
}

void ForceLayout::reheat(float alpha) {
  if (x_.empty()) return;
  alpha_ = std::max(alpha_, alpha);
  settled_ = false;
}

void ForceLayout::pin(uint32_t node, float x, float y) {
  if (node >= x_.size()) return;
  pinned_[node] = 1;
  x_[node] = x;
  y_[node] = y;
  vx_[node] = vy_[node] = 0.f;
}

void ForceLayout::unpin(uint32_t node) {
  if (node < pinned_.size()) pinned_[node] = 0;
}

// One tick in d3's order: cool, accumulate velocity changes from the forces, then move.
void ForceLayout::tick() {
  alpha_ -= alpha_ * params_.alphaDecay;
  applyLinks(alpha_);
  const uint32_t n = nodeCount();
  fx_.assign(n, 0.f);
  fy_.assign(n, 0.f);
  repulsion(alpha_, fx_.data(), fy_.data());
  for (uint32_t i = 0; i < n; ++i) {
    vx_[i] += fx_[i];
    vy_[i] += fy_[i];
  }
  applyGravity(alpha_);
  integrate();
  ++iterations_;
  settled_ = alpha_ < params_.alphaMin || lastMotion_ < params_.settleFraction;
}

// Springs act on velocities one edge after another (Gauss–Seidel, as d3): each edge sees the
// corrections of the edges before it, which converges faster than summing them all.
void ForceLayout::applyLinks(float alpha) {
  const float rest = params_.linkDistance;
  for (size_t e = 0; e < src_.size(); ++e) {
    const uint32_t s = src_[e], t = dst_[e];
    float dx = x_[t] + vx_[t] - x_[s] - vx_[s];
    float dy = y_[t] + vy_[t] - y_[s] - vy_[s];
    // Coincident ends have no direction: nudge them apart by a tiny, deterministic amount.
    if (dx == 0.f) dx = (e & 1) ? 1e-6f : -1e-6f;
    if (dy == 0.f) dy = (e & 2) ? 1e-6f : -1e-6f;
    const float len = std::sqrt(dx * dx + dy * dy);
    const float k = (len - rest) / len * alpha * linkK_[e];
    dx *= k;
    dy *= k;
    const float b = linkBias_[e];
    vx_[t] -= dx * b;
    vy_[t] -= dy * b;
    vx_[s] += dx * (1.f - b);
    vy_[s] += dy * (1.f - b);
  }
}

void ForceLayout::applyGravity(float alpha) {
  if (!anchorX_.empty()) {  // each node to its cluster's centre
    const float k = anchorGravity_ * alpha;
    for (uint32_t i = 0; i < nodeCount(); ++i) {
      vx_[i] -= (x_[i] - anchorX_[i]) * k;
      vy_[i] -= (y_[i] - anchorY_[i]) * k;
    }
    return;
  }
  const float k = params_.gravity * alpha;
  for (uint32_t i = 0; i < nodeCount(); ++i) {
    vx_[i] -= x_[i] * k;
    vy_[i] -= y_[i] * k;
  }
}

// Friction, move, and measure how much moved relative to the layout's size (for settled()).
void ForceLayout::integrate() {
  const float keep = 1.f - params_.velocityDecay;
  float x0 = std::numeric_limits<float>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  double motion = 0;
  uint32_t moving = 0;
  for (uint32_t i = 0; i < nodeCount(); ++i) {
    if (pinned_[i]) {
      vx_[i] = vy_[i] = 0.f;
    } else {
      vx_[i] *= keep;
      vy_[i] *= keep;
      x_[i] += vx_[i];
      y_[i] += vy_[i];
      motion += std::sqrt(vx_[i] * vx_[i] + vy_[i] * vy_[i]);
      ++moving;
    }
    x0 = std::min(x0, x_[i]);
    x1 = std::max(x1, x_[i]);
    y0 = std::min(y0, y_[i]);
    y1 = std::max(y1, y_[i]);
  }
  const double extent = std::max({static_cast<double>(x1 - x0), static_cast<double>(y1 - y0),
                                  static_cast<double>(params_.linkDistance)});
  lastMotion_ = moving ? static_cast<float>(motion / moving / extent) : 0.f;
}

// ---- Barnes–Hut ----------------------------------------------------------------------------------

namespace {
// Hoare-style partition: bodies satisfying `pred` first. Written out (not std::partition) so that an
// already partitioned range is left untouched, which keeps the tree order, and so the summation order,
// identical when the tree is rebuilt on unchanged positions.
template <class Vec, class Pred>
uint32_t partitionRange(Vec& b, uint32_t lo, uint32_t hi, Pred pred) {
  while (true) {
    while (lo < hi && pred(b[lo])) ++lo;
    while (lo < hi && !pred(b[hi - 1])) --hi;
    if (lo >= hi) return lo;
    std::swap(b[lo], b[hi - 1]);
    ++lo;
    --hi;
  }
}
}  // namespace

// Rebuilds the quadtree over the current positions. The bodies keep last tick's order, which is
// already nearly sorted, so partitioning moves few of them.
void ForceLayout::buildTree() const {
  const uint32_t n = nodeCount();
  if (bodies_.size() != n) {
    bodies_.resize(n);
    for (uint32_t i = 0; i < n; ++i) bodies_[i].id = i;
  }
  float x0 = std::numeric_limits<float>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  for (Body& b : bodies_) {
    b.x = x_[b.id];
    b.y = y_[b.id];
    b.q = charge_[b.id];
    x0 = std::min(x0, b.x);
    x1 = std::max(x1, b.x);
    y0 = std::min(y0, b.y);
    y1 = std::max(y1, b.y);
  }
  cells_.clear();
  if (n == 0) return;
  buildCell(0, n, x0, y0, std::max(x1 - x0, y1 - y0), 0);
}

// Emits the cell for bodies [begin, end) in the square (x0, y0, size), then its children right after
// it (depth-first), and returns its index. A square whose bodies all fall in one quadrant is shrunk to
// that quadrant instead of adding a cell with one child, so clusters do not make long chains.
uint32_t ForceLayout::buildCell(uint32_t begin, uint32_t end, float x0, float y0, float size,
                                int depth) const {
  const uint32_t self = static_cast<uint32_t>(cells_.size());
  cells_.push_back(Cell{0, 0, 0, 0, 0, begin, end, 0});
  uint32_t cut[5];
  while (true) {
    const bool leaf = end - begin <= kLeafSize || depth >= kMaxDepth || !(size > 0.f);
    if (leaf) {
      cells_[self].leaf = 1;
      cells_[self].open2 = squareOf(size / params_.theta);
      finishLeaf(self);
      return self;
    }
    const float mx = x0 + size * 0.5f, my = y0 + size * 0.5f;
    cut[0] = begin;
    cut[4] = end;
    cut[2] = partitionRange(bodies_, begin, end, [my](const Body& b) { return b.y < my; });
    cut[1] = partitionRange(bodies_, begin, cut[2], [mx](const Body& b) { return b.x < mx; });
    cut[3] = partitionRange(bodies_, cut[2], end, [mx](const Body& b) { return b.x < mx; });
    int occupied = 0, only = 0;
    for (int k = 0; k < 4; ++k)
      if (cut[k + 1] > cut[k]) ++occupied, only = k;
    size *= 0.5f;
    ++depth;
    if (occupied > 1) break;
    x0 = (only & 1) ? mx : x0;
    y0 = (only & 2) ? my : y0;
  }
  cells_[self].open2 = squareOf(2.f * size / params_.theta);
  float q = 0, qx = 0, qy = 0;
  for (int k = 0; k < 4; ++k) {
    if (cut[k + 1] == cut[k]) continue;
    const uint32_t c = buildCell(cut[k], cut[k + 1], (k & 1) ? x0 + size : x0, (k & 2) ? y0 + size : y0, size,
                                 depth);
    q += cells_[c].q;
    qx += cells_[c].q * cells_[c].cx;
    qy += cells_[c].q * cells_[c].cy;
  }
  Cell& cell = cells_[self];
  cell.q = q;
  cell.cx = q > 0 ? qx / q : x0 + size;
  cell.cy = q > 0 ? qy / q : y0 + size;
  cell.next = static_cast<uint32_t>(cells_.size());
  return self;
}

void ForceLayout::finishLeaf(uint32_t self) const {
  Cell& cell = cells_[self];
  float q = 0, qx = 0, qy = 0;
  for (uint32_t i = cell.begin; i < cell.end; ++i) {
    q += bodies_[i].q;
    qx += bodies_[i].q * bodies_[i].x;
    qy += bodies_[i].q * bodies_[i].y;
  }
  const Body& first = bodies_[cell.begin];
  cell.q = q;
  cell.cx = q > 0 ? qx / q : first.x;
  cell.cy = q > 0 ? qy / q : first.y;
  cell.next = self + 1;
}

// Adds scale * repulsion to fx, fy (indexed by node). Builds the tree, then walks it once per group:
// each largest subtree of at most kGroupSize bodies.
void ForceLayout::repulsion(float scale, float* fx, float* fy) const {
  buildTree();
  // Every cell is accepted or every body listed at most once per walk: that bounds a list's length.
  const size_t bound = cells_.size() + bodies_.size();
  if (listX_.size() < bound) {
    listX_.resize(bound);
    listY_.resize(bound);
    listQ_.resize(bound);
  }
  for (uint32_t c = 0; c < cells_.size();) {
    const Cell& cell = cells_[c];
    // A leaf is a group whatever its size (coincident bodies can overfill one at the depth limit).
    if (cell.leaf || cell.end - cell.begin <= kGroupSize) {
      groupForces(c, scale, fx, fy);
      c = cell.next;
    } else {
      ++c;
    }
  }
}

// The bodies of one group share a single walk of the tree: a cell is summarised by its centre of
// charge when it is far enough from the group's bounding box (so from every body in it), otherwise
// opened, and leaves that are too close contribute their bodies one by one. Sharing the walk divides
// its cost by the group size; measuring distance to the box makes the approximation slightly more
// accurate than d3's per-body test, never less.
void ForceLayout::groupForces(uint32_t group, float scale, float* fx, float* fy) const {
  const Cell& own = cells_[group];
  float gx0 = bodies_[own.begin].x, gx1 = gx0, gy0 = bodies_[own.begin].y, gy1 = gy0;
  for (uint32_t i = own.begin + 1; i < own.end; ++i) {
    gx0 = std::min(gx0, bodies_[i].x);
    gx1 = std::max(gx1, bodies_[i].x);
    gy0 = std::min(gy0, bodies_[i].y);
    gy1 = std::max(gy1, bodies_[i].y);
  }
  float* lx = listX_.data();
  float* ly = listY_.data();
  float* lq = listQ_.data();
  size_t m = 0;
  const uint32_t cellCount = static_cast<uint32_t>(cells_.size());
  for (uint32_t c = 0; c < cellCount;) {
    const Cell& cell = cells_[c];
    const float dx = std::max(std::max(gx0 - cell.cx, cell.cx - gx1), 0.f);
    const float dy = std::max(std::max(gy0 - cell.cy, cell.cy - gy1), 0.f);
    if (cell.open2 < dx * dx + dy * dy) {
      lx[m] = cell.cx, ly[m] = cell.cy, lq[m] = cell.q, ++m;
      c = cell.next;
    } else if (cell.leaf) {
      for (uint32_t i = cell.begin; i < cell.end; ++i) lx[m] = bodies_[i].x, ly[m] = bodies_[i].y, lq[m] = bodies_[i].q, ++m;
      c = cell.next;
    } else {
      ++c;
    }
  }
  for (uint32_t i = own.begin; i < own.end; i += kLanes) sumBlock(i, std::min(own.end, i + kLanes), m, scale, fx, fy);
}

// Sums the interaction list for up to kLanes bodies at once: the inner loop over the lanes has
// independent accumulators, so the compiler can vectorise it (SSE natively) or at least overlap the
// divisions (wasm), while each body still adds its terms in list order (results do not depend on the
// lane count).
void ForceLayout::sumBlock(uint32_t begin, uint32_t end, size_t m, float scale, float* fx, float* fy) const {
  float px[kLanes], py[kLanes], sx[kLanes] = {}, sy[kLanes] = {};
  for (uint32_t k = 0; k < kLanes; ++k) {
    const Body& b = bodies_[begin + k < end ? begin + k : begin];  // spare lanes repeat the first body
    px[k] = b.x;
    py[k] = b.y;
  }
  const float* lx = listX_.data();
  const float* ly = listY_.data();
  const float* lq = listQ_.data();
  const float min2 = params_.minDistance * params_.minDistance;
  for (size_t j = 0; j < m; ++j) {
    const float qx = lx[j], qy = ly[j], q = lq[j];
    for (uint32_t k = 0; k < kLanes; ++k) {
      const float dx = px[k] - qx, dy = py[k] - qy;
      const float d2 = dx * dx + dy * dy;
      // The body itself (or one exactly on top of it, which has no direction to push) has dx = dy = 0
      // and so adds nothing: no test needed, which keeps the loop branch-free so it vectorises.
      const float w = q / std::max(d2, min2);
      sx[k] += dx * w;
      sy[k] += dy * w;
    }
  }
  for (uint32_t k = 0; begin + k < end; ++k) {
    fx[bodies_[begin + k].id] += sx[k] * scale;
    fy[bodies_[begin + k].id] += sy[k] * scale;
  }
}

void ForceLayout::barnesHutForces(std::vector<float>& fx, std::vector<float>& fy) const {
  fx.assign(nodeCount(), 0.f);
  fy.assign(nodeCount(), 0.f);
  repulsion(1.f, fx.data(), fy.data());
}

void ForceLayout::exactForces(std::vector<float>& fx, std::vector<float>& fy) const {
  const uint32_t n = nodeCount();
  const double min2 = static_cast<double>(params_.minDistance) * params_.minDistance;
  fx.assign(n, 0.f);
  fy.assign(n, 0.f);
  for (uint32_t i = 0; i < n; ++i) {
    double sx = 0, sy = 0;
    for (uint32_t j = 0; j < n; ++j) {
      const double dx = static_cast<double>(x_[i]) - x_[j], dy = static_cast<double>(y_[i]) - y_[j];
      const double d2 = dx * dx + dy * dy;
      if (d2 == 0) continue;
      const double w = charge_[j] / std::max(d2, min2);
      sx += dx * w;
      sy += dy * w;
    }
    fx[i] = static_cast<float>(sx);
    fy[i] = static_cast<float>(sy);
  }
}

// ---- fixed layouts -------------------------------------------------------------------------------

namespace {
// Undirected adjacency in CSR form, neighbours in edge order (so BFS order is deterministic).
void adjacency(const Graph& g, std::vector<uint32_t>& start, std::vector<uint32_t>& nbr) {
  const uint32_t n = g.nodeCount;
  start.assign(n + 1, 0);
  for (const auto& [a, b] : g.edges)
    if (a < n && b < n && a != b) ++start[a + 1], ++start[b + 1];
  for (uint32_t i = 0; i < n; ++i) start[i + 1] += start[i];
  nbr.resize(start[n]);
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (const auto& [a, b] : g.edges)
    if (a < n && b < n && a != b) nbr[fill[a]++] = b, nbr[fill[b]++] = a;
}

// Spreads `ring` evenly round the circle of `radius`, starting at angle 0.
void placeRing(const std::vector<uint32_t>& ring, float radius, std::vector<float>& x, std::vector<float>& y) {
  for (size_t j = 0; j < ring.size(); ++j) {
    const double a = 2.0 * kPi * static_cast<double>(j) / static_cast<double>(ring.size());
    x[ring[j]] = static_cast<float>(radius * std::cos(a));
    y[ring[j]] = static_cast<float>(radius * std::sin(a));
  }
}
}  // namespace

void radialLayout(const Graph& g, uint32_t centre, std::vector<float>& x, std::vector<float>& y,
                  float ringSpacing) {
  const uint32_t n = g.nodeCount;
  x.assign(n, 0.f);
  y.assign(n, 0.f);
  std::vector<uint32_t> start, nbr;
  adjacency(g, start, nbr);
  constexpr uint32_t kUnseen = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> hop(n, kUnseen), order;
  order.reserve(n);
  if (centre < n) hop[centre] = 0, order.push_back(centre);
  for (size_t head = 0; head < order.size(); ++head) {
    const uint32_t u = order[head];
    for (uint32_t k = start[u]; k < start[u + 1]; ++k)
      if (hop[nbr[k]] == kUnseen) hop[nbr[k]] = hop[u] + 1, order.push_back(nbr[k]);
  }
  // BFS order is ring by ring, and within a ring by parent, so consecutive runs are the rings.
  std::vector<uint32_t> ring;
  uint32_t lastHop = 0;
  for (size_t i = 1; i <= order.size(); ++i) {
    if (i == order.size() || hop[order[i]] != hop[order[i - 1]]) {
      placeRing(ring, static_cast<float>(hop[order[i - 1]]) * ringSpacing, x, y);
      lastHop = hop[order[i - 1]];
      ring.clear();
    }
    if (i < order.size()) ring.push_back(order[i]);
  }
  ring.clear();
  for (uint32_t i = 0; i < n; ++i)
    if (hop[i] == kUnseen) ring.push_back(i);
  placeRing(ring, static_cast<float>(lastHop + 1) * ringSpacing, x, y);
}

void timeLayout(const Graph& g, const std::vector<double>& time, float width, std::vector<float>& x,
                std::vector<float>& y, float spacing) {
  const uint32_t n = g.nodeCount;
  x.assign(n, 0.f);
  y.assign(n, 0.f);
  std::vector<uint32_t> dated, undated;
  double t0 = std::numeric_limits<double>::infinity(), t1 = -t0;
  for (uint32_t i = 0; i < n; ++i) {
    if (i < time.size() && std::isfinite(time[i])) {
      dated.push_back(i);
      t0 = std::min(t0, time[i]);
      t1 = std::max(t1, time[i]);
    } else {
      undated.push_back(i);
    }
  }
  // By time, ties by index, so lanes fill the same way every run.
  std::sort(dated.begin(), dated.end(),
            [&](uint32_t a, uint32_t b) { return time[a] != time[b] ? time[a] < time[b] : a < b; });
  for (uint32_t i : dated)
    x[i] = t1 > t0 ? static_cast<float>((time[i] - t0) / (t1 - t0) * width) : width * 0.5f;

  // Lanes: each node takes the lowest lane whose last node is at least `spacing` to its left; lanes
  // become free again in order of their last x (a heap), so this is O(n log n) even when many dates
  // coincide.
  using Busy = std::pair<float, uint32_t>;  // (x of the lane's last node, lane)
  std::priority_queue<Busy, std::vector<Busy>, std::greater<Busy>> busy;
  std::priority_queue<uint32_t, std::vector<uint32_t>, std::greater<uint32_t>> freeLanes;
  uint32_t lanes = 0;
  for (uint32_t i : dated) {
    while (!busy.empty() && busy.top().first + spacing <= x[i]) freeLanes.push(busy.top().second), busy.pop();
    uint32_t lane = lanes;
    if (!freeLanes.empty()) lane = freeLanes.top(), freeLanes.pop();
    else ++lanes;
    y[i] = static_cast<float>(lane) * spacing;
    busy.push({x[i], lane});
  }

  // Undated nodes: rows across the width, in index order, below the dated band after one empty lane.
  const uint32_t perRow = std::max<uint32_t>(1, static_cast<uint32_t>(width / spacing) + 1);
  const float band = static_cast<float>(lanes + 1) * spacing;
  for (size_t k = 0; k < undated.size(); ++k) {
    x[undated[k]] = static_cast<float>(k % perRow) * spacing;
    y[undated[k]] = band + static_cast<float>(k / perRow) * spacing;
  }
}

}  // namespace nhsx
