#include "core/graph_scene.h"

#include <algorithm>
#include <cmath>
#include <queue>

#include "core/kind_style.h"
#include "core/names_at.h"

namespace nhsx {

namespace {
constexpr uint32_t kPathColour = rgba(213, 94, 0, 255);
constexpr uint32_t kDimmedEdgeColour = rgba(150, 150, 150, 40);
}  // namespace

void GraphScene::setCorpus(const Corpus& c) {
  c_ = &c;
  n_ = static_cast<uint32_t>(c.entities.size());
  const uint32_t n = n_;
  graph_ = Graph{};
  graph_.nodeCount = n;
  graph_.edges.reserve(c.relations.size());
  for (const Relation& r : c.relations) graph_.edges.emplace_back(r.from, r.to);
  degree_.resize(n);
  radius_.resize(n);
  graph_.weight.resize(n);
  maxRadius_ = 0;
  for (uint32_t i = 0; i < n; ++i) {
    degree_[i] = (c.outStart[i + 1] - c.outStart[i]) + (c.inStart[i + 1] - c.inStart[i]);
    const float base = c.entities[i].kind == Kind::Part ? 3.0f : 4.5f;
    radius_[i] = base + 1.6f * std::sqrt(static_cast<float>(degree_[i]));
    graph_.weight[i] = 1.0f + 0.15f * std::sqrt(static_cast<float>(degree_[i]));
    maxRadius_ = std::max(maxRadius_, radius_[i]);
  }
  layout_.reset(graph_, 1);
  ++positionsVersion_;
  hidden_.assign(n, 0);
  dimmed_.assign(n, 0);
  hiddenPinned_.assign(n, 0);
  onPath_.assign(n, 0);
  edgeHidden_.assign(c.relations.size(), 0);
  edgeOnPath_.assign(c.relations.size(), 0);
  hops_.assign(n, -1);
  hopsOf_ = -2;
  radialCentreOf_ = -2;
  laidOut_ = GraphLayoutMode::Force;
  if (mode_ != GraphLayoutMode::Force) applyLayoutMode();
  visVersion_ = UINT64_MAX;
  pathsVersion_ = UINT64_MAX;  // re-mark the paths on the new corpus
  // Label candidates in order of importance: most relations first.
  byDegree_.resize(n);
  for (uint32_t i = 0; i < n; ++i) byDegree_[i] = i;
  std::stable_sort(byDegree_.begin(), byDegree_.end(), [&](uint32_t a, uint32_t b) { return degree_[a] > degree_[b]; });
  builtKey_ = BuildKey{};
  overlayKey_ = OverlayKey{};
  refit_ = true;
}

std::vector<uint32_t> GraphScene::neighbours(uint32_t node) const {
  std::vector<uint32_t> out;
  forEachNeighbour(node, [&](uint32_t m) { if (m != node) out.push_back(m); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// ---- Layout ------------------------------------------------------------------------------------------

void GraphScene::applyLayoutMode() {
  if (mode_ == GraphLayoutMode::Radial) {
    uint32_t centre = 0;
    if (focus_.selection >= 0 && static_cast<uint32_t>(focus_.selection) < n_) centre = static_cast<uint32_t>(focus_.selection);
    else if (n_ > 0) centre = static_cast<uint32_t>(std::max_element(degree_.begin(), degree_.end()) - degree_.begin());
    radialLayout(graph_, centre, fixedX_, fixedY_, 90.f);
    radialCentreOf_ = focus_.selection;
  } else if (mode_ == GraphLayoutMode::Time) {
    std::vector<double> t(n_, std::nan(""));
    for (uint32_t i = 0; i < n_; ++i) {
      const DateField& d = c_->entities[i].date;
      if (d.present()) t[i] = d.value.startBound == Bound::Date ? d.value.start.firstDay() : d.value.end.firstDay();
    }
    timeLayout(graph_, t, 2400.f, fixedX_, fixedY_, 22.f);
  }
  ++positionsVersion_;
  refit_ = true;
}

bool GraphScene::advance(bool reducedMotion) {
  if (!c_) return false;
  if (mode_ != laidOut_ || (mode_ == GraphLayoutMode::Radial && focus_.selection != radialCentreOf_)) {
    if (mode_ != GraphLayoutMode::Force) applyLayoutMode();
    else refit_ = true;
    laidOut_ = mode_;
  }
  if (mode_ != GraphLayoutMode::Force || layout_.settled()) return false;
  // Bounded work per frame; stops once settled. With reduced motion the layout runs (almost) to its end
  // at once, so nothing drifts on screen.
  const int ran = reducedMotion ? layout_.step(1000, 250.0) : layout_.step(40, 6.0);
  if (ran > 0) ++positionsVersion_;
  return !layout_.settled();
}

bool GraphScene::takeRefit() {
  const bool r = refit_;
  refit_ = false;
  return r;
}

void GraphScene::drag(uint32_t node, float wx, float wy) {
  if (node >= n_ || mode_ != GraphLayoutMode::Force) return;
  layout_.pin(node, wx, wy);
  layout_.reheat(0.3f);
  ++positionsVersion_;
}

void GraphScene::letMove(uint32_t node) {
  if (!pinnedByUser(node)) return;
  layout_.unpin(node);
  layout_.reheat(0.3f);
}

// ---- Masks -------------------------------------------------------------------------------------------

void GraphScene::setVisibility(const Visibility& vis) {
  if (vis.version == visVersion_ || vis.entityAt.size() != n_ || vis.relationAt.size() != edgeHidden_.size()) return;
  visVersion_ = vis.version;
  bool changed = false;
  for (uint32_t i = 0; i < n_; ++i) {
    const uint8_t h = vis.entityAt[i] ? 0 : 1;
    changed = changed || h != hidden_[i];
    hidden_[i] = h;
  }
  for (size_t r = 0; r < edgeHidden_.size(); ++r) {
    const uint8_t h = vis.relationAt[r] ? 0 : 1;
    changed = changed || h != edgeHidden_[r];
    edgeHidden_[r] = h;
  }
  if (!changed) return;
  Graph g;
  g.nodeCount = n_;
  g.weight = graph_.weight;
  for (uint32_t i = 0; i < n_; ++i) {
    if (hidden_[i]) {
      g.weight[i] = 0.f;
      if (!layout_.pinned(i)) { layout_.pin(i, layout_.x()[i], layout_.y()[i]); hiddenPinned_[i] = 1; }
    } else if (hiddenPinned_[i]) {
      layout_.unpin(i);
      hiddenPinned_[i] = 0;
    }
  }
  for (size_t r = 0; r < edgeHidden_.size(); ++r)
    if (!edgeHidden_[r]) g.edges.emplace_back(c_->relations[r].from, c_->relations[r].to);
  layout_.setForces(g);
  layout_.reheat(0.3f);
  ++positionsVersion_;
}

void GraphScene::setPaths(const std::vector<Path>& paths, uint64_t version) {
  if (version == pathsVersion_) return;
  std::fill(onPath_.begin(), onPath_.end(), 0);
  std::fill(edgeOnPath_.begin(), edgeOnPath_.end(), 0);
  for (const Path& p : paths) {
    if (p.from < onPath_.size()) onPath_[p.from] = 1;
    for (const PathStep& st : p.steps) {
      if (st.entity < onPath_.size()) onPath_[st.entity] = 1;
      if (st.relation < edgeOnPath_.size()) edgeOnPath_[st.relation] = 1;
    }
  }
  pathsVersion_ = version;
}

void GraphScene::setFocus(const SceneFocus& f) {
  focus_ = f;
  if (focus_.selection >= static_cast<int>(n_)) focus_.selection = -1;
  if (focus_.selection != hopsOf_) computeHops();
}

// Breadth-first over relations in both directions.
void GraphScene::computeHops() {
  hopsOf_ = focus_.selection;
  std::fill(hops_.begin(), hops_.end(), -1);
  if (focus_.selection < 0) return;
  std::queue<uint32_t> q;
  hops_[static_cast<size_t>(focus_.selection)] = 0;
  q.push(static_cast<uint32_t>(focus_.selection));
  while (!q.empty()) {
    const uint32_t v = q.front();
    q.pop();
    forEachNeighbour(v, [&](uint32_t w) {
      if (hops_[w] < 0) { hops_[w] = hops_[v] + 1; q.push(w); }
    });
  }
}

bool GraphScene::dimmed(uint32_t node) const {
  return focus_.hops > 0 && focus_.selection >= 0 && (hops_[node] < 0 || hops_[node] > focus_.hops);
}

std::vector<uint32_t> GraphScene::nodesNearSelection(int maxHops) const {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < n_; ++i)
    if (hops_[i] >= 0 && hops_[i] <= maxHops && !hidden_[i]) out.push_back(i);
  return out;
}

// ---- Styles ------------------------------------------------------------------------------------------

NodeInstance GraphScene::nodeStyle(uint32_t i) const {
  const auto& px = x();
  const auto& py = y();
  const KindStyle& ks = kindStyle(c_->entities[i].kind);
  const bool sel = static_cast<int>(i) == focus_.selection;
  const bool neighbour = focus_.selection >= 0 && hops_[i] == 1;
  uint32_t col = ks.colour;
  if (dimmed_[i]) col = withAlpha(greyed(col, 0.75f), 0.35f);
  if (hidden_[i]) return NodeInstance{px[i], py[i], 0.f, withAlpha(col, 0.f), ks.shape, 0.0f};
  return NodeInstance{px[i], py[i], radius_[i] * (onPath_[i] ? 1.15f : 1.0f), col, ks.shape,
                      sel || onPath_[i] ? 1.0f : neighbour ? 2.0f : 0.0f};
}

EdgeInstance GraphScene::edgeStyle(uint32_t ri, bool lit) const {
  const auto& px = x();
  const auto& py = y();
  const Relation& r = c_->relations[ri];
  const int sel = focus_.selection;
  const bool touchesSel = sel >= 0 && (static_cast<int>(r.from) == sel || static_cast<int>(r.to) == sel);
  const uint32_t group = relationGroupColour(relationGroup(r.type));
  uint32_t col = touchesSel || lit ? withAlpha(group, 0.95f) : withAlpha(group, 0.42f);
  if (dimmed_[r.from] || dimmed_[r.to]) col = kDimmedEdgeColour;
  if (edgeHidden_[ri]) col = withAlpha(col, 0.f);
  if (edgeOnPath_[ri]) return EdgeInstance{px[r.from], py[r.from], px[r.to], py[r.to], kPathColour, 3.5f, radius_[r.to]};
  return EdgeInstance{px[r.from], py[r.from], px[r.to], py[r.to], col, touchesSel || lit ? 2.2f : 1.0f, radius_[r.to]};
}

bool GraphScene::build() {
  if (!c_) return false;
  const BuildKey key{positionsVersion_, focus_.selection, focus_.hops, focus_.asOf, visVersion_, pathsVersion_};
  if (key == builtKey_) return false;
  builtKey_ = key;
  ++sceneVersion_;
  for (uint32_t i = 0; i < n_; ++i) dimmed_[i] = dimmed(i) ? 1 : 0;
  nodes_.resize(n_);
  for (uint32_t i = 0; i < n_; ++i) nodes_[i] = nodeStyle(i);
  const uint32_t m = static_cast<uint32_t>(c_->relations.size());
  edges_.resize(m);
  double lengthSum = 0;
  for (uint32_t ri = 0; ri < m; ++ri) {
    edges_[ri] = edgeStyle(ri);
    lengthSum += std::hypot(edges_[ri].x1 - edges_[ri].x0, edges_[ri].y1 - edges_[ri].y0);
  }
  meanEdgeLength_ = edges_.empty() ? 0.f : static_cast<float>(lengthSum / static_cast<double>(edges_.size()));
  if (focus_.selection >= 0) nodes_.push_back(nodes_[static_cast<size_t>(focus_.selection)]);
  return true;
}

GraphDrawStyle GraphScene::drawStyle(const Camera2D& cam) const {
  constexpr float kMinArrowEdgePx = 24.0f;  // mean edge length on screen below which arrowheads are left out
  GraphDrawStyle style;
  style.edgeOpacity = std::clamp(std::sqrt(3000.f / std::max<float>(1.f, static_cast<float>(edges_.size()))), 0.2f, 1.f);
  style.minRadiusPx = n_ > 20000 ? 1.5f : 3.0f;
  style.arrowheads = meanEdgeLength_ * cam.scale >= kMinArrowEdgePx;
  return style;
}

bool GraphScene::buildOverlay(int hovered) {
  const OverlayKey key{sceneVersion_, hovered};
  if (key == overlayKey_) return false;
  overlayKey_ = key;
  overlayNodes_.clear();
  overlayEdges_.clear();
  if (hovered < 0 || static_cast<uint32_t>(hovered) >= n_ || hidden_[static_cast<size_t>(hovered)]) return true;
  const uint32_t h = static_cast<uint32_t>(hovered);
  auto lit = [&](uint32_t ri) { if (!edgeHidden_[ri]) overlayEdges_.push_back(edgeStyle(ri, true)); };
  for (uint32_t k = c_->outStart[h]; k < c_->outStart[h + 1]; ++k) lit(c_->outRel[k]);
  for (uint32_t k = c_->inStart[h]; k < c_->inStart[h + 1]; ++k) lit(c_->inRel[k]);
  // Each neighbour once, though several relations may join it to the hovered node (a translucent node
  // drawn twice would darken).
  for (uint32_t m : neighbours(h)) {
    if (hidden_[m]) continue;
    NodeInstance n = nodeStyle(m);
    if (n.outline == 0.f) n.outline = 2.f;
    overlayNodes_.push_back(n);
  }
  NodeInstance n = nodeStyle(h);
  n.radius *= onPath_[h] ? 1.f : 1.15f;
  if (n.outline == 0.f) n.outline = 2.f;
  overlayNodes_.push_back(n);
  return true;
}

// ---- Picking -----------------------------------------------------------------------------------------

// Hidden nodes are left out (a negative radius), so they are never picked nor in the way of a label.
const SpatialIndex& GraphScene::index() const {
  if (indexedVersion_ != positionsVersion_ || index_.size() != n_) {
    indexRadius_.resize(n_);
    for (uint32_t i = 0; i < n_; ++i) indexRadius_[i] = hidden_[i] ? -1.f : radius_[i];
    index_.build(x().data(), y().data(), indexRadius_.data(), n_);
    indexedVersion_ = positionsVersion_;
  }
  return index_;
}

int GraphScene::pick(const Camera2D& cam, float sx, float sy, float slopPx) const {
  if (n_ == 0 || x().size() != n_) return -1;
  const float wx = cam.toWorldX(sx), wy = cam.toWorldY(sy);
  const SpatialIndex& idx = index();
  int found = idx.pick(wx, wy);
  if (found >= 0) return found;
  const float slop = slopPx / cam.scale;
  idx.query(wx - slop, wy - slop, wx + slop, wy + slop, near_);
  float best = 1e30f;
  for (uint32_t i : near_) {
    const float d = std::hypot(x()[i] - wx, y()[i] - wy) - radius_[i];
    if (d < slop && d < best) { best = d; found = static_cast<int>(i); }
  }
  return found;
}

bool GraphScene::screenPos(const Camera2D& cam, uint32_t node, float& sx, float& sy) const {
  if (node >= n_ || hidden_[node] || node >= x().size()) return false;
  sx = cam.toScreenX(x()[node]);
  sy = cam.toScreenY(y()[node]);
  return true;
}

bool GraphScene::bounds(const std::vector<uint32_t>& nodes, float& x0, float& y0, float& x1, float& y1) const {
  x0 = y0 = 1e30f;
  x1 = y1 = -1e30f;
  const auto& px = x();
  const auto& py = y();
  auto add = [&](uint32_t i) {
    x0 = std::min(x0, px[i] - radius_[i]);
    x1 = std::max(x1, px[i] + radius_[i]);
    y0 = std::min(y0, py[i] - radius_[i]);
    y1 = std::max(y1, py[i] + radius_[i]);
  };
  if (nodes.empty()) {
    for (uint32_t i = 0; i < px.size() && i < n_; ++i)
      if (!hidden_[i]) add(i);
  } else {
    for (uint32_t i : nodes)
      if (i < px.size() && i < n_) add(i);
  }
  return x1 >= x0;
}

}  // namespace nhsx
