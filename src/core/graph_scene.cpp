#include "core/graph_scene.h"

#include <unordered_map>

#include <algorithm>
#include <cmath>
#include <queue>

#include "core/kind_style.h"
#include "core/names_at.h"
#include "core/vocab.h"

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
  // Clusters: organisations by type, the rest with most of their organisation neighbours.
  cluster_.assign(n, -1);
  for (uint32_t i = 0; i < n; ++i)
    if (c.entities[i].kind == Kind::Organisation) cluster_[i] = clusterOfType(c.entities[i].type);
  for (uint32_t i = 0; i < n; ++i) {
    if (c.entities[i].kind == Kind::Organisation) continue;
    int votes[kClusterCount] = {};
    forEachNeighbour(i, [&](uint32_t m) { if (c.entities[m].kind == Kind::Organisation && cluster_[m] >= 0) ++votes[cluster_[m]]; });
    const int best = static_cast<int>(std::max_element(votes, votes + kClusterCount) - votes);
    if (votes[best] > 0) cluster_[i] = best;
  }
  {
    const float R = 20.f * std::sqrt(static_cast<float>(std::max<uint32_t>(n, 1)));
    graph_.anchorX.assign(n, 0.f);
    graph_.anchorY.assign(n, 0.f);
    for (uint32_t i = 0; i < n; ++i) {
      if (cluster_[i] < 0) continue;
      const float a = 6.2831853f * static_cast<float>(cluster_[i]) / kClusterCount - 1.5707963f;
      graph_.anchorX[i] = R * std::cos(a);
      graph_.anchorY[i] = R * std::sin(a);
    }
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
  visEntity_.clear();
  visRelation_.clear();
  expanded_.assign(n, 0);
  // Each part's fold root: along its first part-of relation until something that is not a part.
  foldRoot_.assign(n, -1);
  partCount_.assign(n, 0);
  const int partOf = relationTypeIndex("part-of");
  auto parentOf = [&](uint32_t i) -> int {
    for (uint32_t k = c.outStart[i]; k < c.outStart[i + 1]; ++k) {
      const Relation& r = c.relations[c.outRel[k]];
      if (r.type == partOf && r.to != i) return static_cast<int>(r.to);
    }
    return -1;
  };
  for (uint32_t i = 0; i < n; ++i) {
    if (c.entities[i].kind != Kind::Part) continue;
    int at = parentOf(i);
    for (uint32_t steps = 0; at >= 0 && c.entities[static_cast<size_t>(at)].kind == Kind::Part && steps < n; ++steps)
      at = parentOf(static_cast<uint32_t>(at));
    if (at >= 0 && c.entities[static_cast<size_t>(at)].kind != Kind::Part) {
      foldRoot_[i] = at;
      ++partCount_[static_cast<size_t>(at)];
    }
  }
  themeMap_ = mapThemeColours(c);
  radialCentreOf_ = -2;
  laidOut_ = GraphLayoutMode::Force;
  if (mode_ != GraphLayoutMode::Force) applyLayoutMode();
  visVersion_ = UINT64_MAX;
  setComparison(nullptr);      // marked again with the new corpus's visibility
  pathsVersion_ = UINT64_MAX;  // re-mark the paths on the new corpus
  // Label candidates in order of importance: most relations first.
  byDegree_.resize(n);
  for (uint32_t i = 0; i < n; ++i) byDegree_[i] = i;
  std::stable_sort(byDegree_.begin(), byDegree_.end(), [&](uint32_t a, uint32_t b) { return degree_[a] > degree_[b]; });
  builtKey_ = BuildKey{};
  overlayKey_ = OverlayKey{};
  refit_ = true;
  applyMasks();  // the folding carries over to a new corpus
}

const char* GraphScene::clusterName(int k) {
  static const char* names[kClusterCount] = {"government", "national bodies, regulators and commissioners", "providers",
                                             "voluntary sector and membership bodies", "others"};
  return k >= 0 && k < kClusterCount ? names[k] : "";
}

int GraphScene::clusterOfType(std::string_view t) {
  if (t == "government-department" || t == "government" || t == "legislature" || t == "local-government") return 0;
  if (t == "public-body" || t == "arms-length-body" || t == "regulator" || t == "commissioning-body" ||
      t == "commissioning-support-unit")
    return 1;
  if (t == "nhs-trust" || t == "nhs-foundation-trust" || t == "provider" || t == "gp-practice") return 2;
  if (t == "charity" || t == "membership-body" || t == "sector" || t == "social-enterprise" || t == "think-tank" ||
      t == "voluntary-organisation")
    return 3;
  if (t.empty()) return -1;
  return 4;
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
    layoutNeighbourhood(centre);
    radialCentreOf_ = focus_.selection;
    radialMasks_ = maskVersion_;
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

void GraphScene::labelSize(uint32_t i, float& w, float& h) const {
  const std::string_view name = labelOf(i);
  if (measure_) measure_(name, w, h);
  else w = 7.f * static_cast<float>(std::min<size_t>(name.size(), 34)), h = 17.f * (name.size() > 34 ? 2.f : 1.f);
  w += 4.f;  // the label box's padding
  h += 2.f;
}

float GraphScene::reach(uint32_t i) const {
  return radius_[i] * shapeExtent(kindStyle(c_->entities[i].kind).shape) + kShapePadPx;
}

// The neighbours stand on the two sides of a ring round the selection, labels outward (right of the right
// arc, left of the left one), one above the other with room for each label's height; a ring holds what
// fits in kColumnPx of height, and further rings stand beyond the widest label of the one inside. In
// family order (then by relations), so that each family is one run.
void GraphScene::layoutNeighbourhood(uint32_t centre) {
  constexpr float kColumnPx = 600.f;
  radialLayout(graph_, centre, fixedX_, fixedY_, 90.f);
  side_.assign(n_, 0);
  if (centre >= n_) return;
  std::vector<uint32_t> near;
  std::vector<uint8_t> family(n_, 255);
  auto note = [&](uint32_t m, uint32_t ri) {
    if (m == centre || hidden_[m]) return;
    const uint8_t f = static_cast<uint8_t>(relationGroup(c_->relations[ri].type));
    if (family[m] == 255) near.push_back(m);
    family[m] = std::min(family[m], f);
  };
  for (uint32_t k = c_->outStart[centre]; k < c_->outStart[centre + 1]; ++k) note(c_->relations[c_->outRel[k]].to, c_->outRel[k]);
  for (uint32_t k = c_->inStart[centre]; k < c_->inStart[centre + 1]; ++k) note(c_->relations[c_->inRel[k]].from, c_->inRel[k]);
  std::stable_sort(near.begin(), near.end(), [&](uint32_t a, uint32_t b) {
    return family[a] != family[b] ? family[a] < family[b] : degree_[a] != degree_[b] ? degree_[a] > degree_[b] : a < b;
  });
  const float gap = ringGap_;
  std::vector<float> rowH(near.size()), labelW(near.size());
  for (size_t k = 0; k < near.size(); ++k) {
    float w = 0, h = 0;
    labelSize(near[k], w, h);
    labelW[k] = w;
    rowH[k] = std::max(2.f * reach(near[k]), h) + gap;
  }
  float cw = 0, ch = 0;
  labelSize(centre, cw, ch);
  // The first ring clears the selection and its label (below it).
  float inner = std::max(0.5f * cw, reach(centre)) + 3.f * gap + 30.f;
  fixedX_[centre] = 0;
  fixedY_[centre] = 0;
  size_t k = 0;
  float outer = inner;
  while (k < near.size()) {
    // This ring: a right column, then a left one, each up to kColumnPx high.
    float widest = 0, maxReach = 0;
    // What this ring holds (up to two columns' height), split in two columns of about equal height.
    size_t ringEnd = k;
    float ringHeight = 0;
    while (ringEnd < near.size() && (ringEnd == k || ringHeight + rowH[ringEnd] <= 2.f * kColumnPx)) ringHeight += rowH[ringEnd++];
    for (int sideNo = 0; sideNo < 2 && k < ringEnd; ++sideNo) {
      size_t end = k;
      float height = 0;
      const float target = sideNo == 0 ? 0.5f * ringHeight : ringHeight;
      while (end < ringEnd && (end == k || sideNo == 1 || height + 0.5f * rowH[end] <= target)) height += rowH[end++];
      const float sign = sideNo == 0 ? 1.f : -1.f;
      // The column bows out like a ring's arc: the middle furthest from the selection.
      const float half = 0.5f * height, bow = 0.18f * half;
      float y = -half;
      for (size_t j = k; j < end; ++j) {
        const uint32_t m = near[j];
        const float cy = y + 0.5f * rowH[j];
        const float t = half > 0 ? cy / half : 0.f;
        fixedX_[m] = sign * (inner + reach(m) + bow * (1.f - t * t));
        fixedY_[m] = cy;
        side_[m] = static_cast<int8_t>(sign);
        widest = std::max(widest, labelW[j]);
        maxReach = std::max(maxReach, reach(m));
        y += rowH[j];
      }
      k = end;
    }
    outer = inner + 2.f * maxReach + 0.18f * 0.5f * kColumnPx + gap + widest;
    inner = outer + 2.f * gap;
  }
  // The rest beyond, by hops, where radialLayout put them (rings 90 apart), pushed out past the last ring.
  std::vector<uint8_t> isNear(n_, 0);
  for (uint32_t m : near) isNear[m] = 1;
  for (uint32_t i = 0; i < n_; ++i) {
    if (i == centre || isNear[i]) continue;
    const float d = std::hypot(fixedX_[i], fixedY_[i]);
    if (d <= 0) continue;
    const float to = outer + 80.f + d;
    fixedX_[i] *= to / d;
    fixedY_[i] *= to / d;
  }
}

bool GraphScene::neighbourhoodBounds(float& x0, float& y0, float& x1, float& y1) const {
  if (focus_.selection < 0 || !c_) return false;
  const uint32_t sel = static_cast<uint32_t>(focus_.selection);
  x0 = y0 = 1e30f;
  x1 = y1 = -1e30f;
  auto add = [&](uint32_t i) {
    float w = 0, h = 0;
    labelSize(i, w, h);
    const float r = reach(i), side = i < side_.size() && mode_ == GraphLayoutMode::Radial ? side_[i] : 0;
    // The node and its label: outward beside it on a side of the ring, else below it.
    const float lx0 = side > 0 ? x()[i] + r : side < 0 ? x()[i] - r - w - ringGap_ : x()[i] - 0.5f * w;
    const float lx1 = side > 0 ? x()[i] + r + w + ringGap_ : side < 0 ? x()[i] - r : x()[i] + 0.5f * w;
    x0 = std::min({x0, x()[i] - r, lx0});
    x1 = std::max({x1, x()[i] + r, lx1});
    y0 = std::min(y0, y()[i] - std::max(r, 0.5f * h));
    y1 = std::max(y1, y()[i] + (side != 0 ? std::max(r, 0.5f * h) : r + h + ringGap_));
  };
  add(sel);
  for (uint32_t m : neighbours(sel))
    if (!hidden_[m]) add(m);
  return x1 >= x0;
}

bool GraphScene::advance(bool reducedMotion) {
  if (!c_) return false;
  if (mode_ != laidOut_ ||
      (mode_ == GraphLayoutMode::Radial && (focus_.selection != radialCentreOf_ || maskVersion_ != radialMasks_))) {
    if (mode_ != GraphLayoutMode::Force) applyLayoutMode();
    else refit_ = true, ++positionsVersion_;  // back to the force positions: the picking index follows
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
  if (node >= n_) return;
  if (mode_ != GraphLayoutMode::Force) {
    if (node < fixedX_.size()) fixedX_[node] = wx, fixedY_[node] = wy;
    ++positionsVersion_;
    return;
  }
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
  visEntity_ = vis.entityAt;
  visRelation_ = vis.relationAt;
  setComparison(vis.comparison.get());
  applyMasks();
}

// The marks of two dates compared: by where each node existed, the new name of a renaming labelled with
// both names (its old name's node is hidden by the visibility).
void GraphScene::setComparison(const Comparison* cmp) {
  comparing_ = cmp && cmp->stateFirst.size() == n_;
  mark_.clear();
  compareLabel_.clear();
  edgeFirstOnly_.clear();
  edgeSecondOnly_.clear();
  if (!comparing_) return;
  mark_.assign(n_, CompareMark::None);
  compareLabel_.assign(n_, std::string());
  for (uint32_t i = 0; i < n_; ++i) {
    if (cmp->stateFirst[i] && !cmp->stateSecond[i]) mark_[i] = CompareMark::FirstOnly;
    if (!cmp->stateFirst[i] && cmp->stateSecond[i]) mark_[i] = CompareMark::SecondOnly;
  }
  for (const EntityChange& ch : cmp->entities) {
    if (ch.kind != ChangeKind::Renamed || ch.to < 0 || static_cast<uint32_t>(ch.to) >= n_) continue;
    mark_[static_cast<size_t>(ch.to)] = CompareMark::Renamed;
    compareLabel_[static_cast<size_t>(ch.to)] =
        c_->entities[ch.entity].name + " \xe2\x86\x92 " + c_->entities[static_cast<size_t>(ch.to)].name;
  }
  edgeFirstOnly_.assign(edgeHidden_.size(), 0);
  edgeSecondOnly_.assign(edgeHidden_.size(), 0);
  for (uint32_t r : cmp->relationsEnded) if (r < edgeFirstOnly_.size()) edgeFirstOnly_[r] = 1;
  for (uint32_t r : cmp->relationsBegan) if (r < edgeSecondOnly_.size()) edgeSecondOnly_[r] = 1;
  // A relation of a node only at one date is only at that date too.
  for (uint32_t r = 0; r < edgeFirstOnly_.size(); ++r) {
    const Relation& rel = c_->relations[r];
    if (mark_[rel.from] == CompareMark::FirstOnly || mark_[rel.to] == CompareMark::FirstOnly) edgeFirstOnly_[r] = 1;
    else if (mark_[rel.from] == CompareMark::SecondOnly || mark_[rel.to] == CompareMark::SecondOnly) edgeSecondOnly_[r] = 1;
  }
}

bool GraphScene::folded(uint32_t i) const {
  if (i >= n_ || static_cast<int>(i) == focus_.selection) return false;
  const Kind k = c_->entities[i].kind;
  if (k == Kind::Theme) return !showThemes_;
  return foldParts_ && foldRoot_[i] >= 0 && !expanded_[static_cast<size_t>(foldRoot_[i])];
}

void GraphScene::setFolding(bool foldParts, bool showThemes) {
  if (foldParts == foldParts_ && showThemes == showThemes_) return;
  foldParts_ = foldParts;
  showThemes_ = showThemes;
  applyMasks();
}

void GraphScene::expand(uint32_t root, bool open) {
  if (root >= n_ || (expanded_[root] != 0) == open) return;
  expanded_[root] = open ? 1 : 0;
  applyMasks();
}

void GraphScene::expandAll(bool open) {
  std::fill(expanded_.begin(), expanded_.end(), open ? 1 : 0);
  foldParts_ = !open;
  applyMasks();
}

// Hidden: filtered out (or not existing at the date), or folded; a relation also when either end is.
void GraphScene::applyMasks() {
  if (!c_) return;
  bool changed = false;
  for (uint32_t i = 0; i < n_; ++i) {
    const bool shown = (visEntity_.size() != n_ || visEntity_[i]) && !folded(i);
    const uint8_t h = shown ? 0 : 1;
    changed = changed || h != hidden_[i];
    hidden_[i] = h;
  }
  for (size_t r = 0; r < edgeHidden_.size(); ++r) {
    const Relation& rel = c_->relations[r];
    const bool shown = (visRelation_.size() != edgeHidden_.size() || visRelation_[r]) && !hidden_[rel.from] && !hidden_[rel.to];
    const uint8_t h = shown ? 0 : 1;
    changed = changed || h != edgeHidden_[r];
    edgeHidden_[r] = h;
  }
  if (!changed) return;
  ++maskVersion_;
  Graph g;
  g.nodeCount = n_;
  g.weight = graph_.weight;
  g.anchorX = graph_.anchorX;
  g.anchorY = graph_.anchorY;
  g.anchorGravity = graph_.anchorGravity;
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
  if (focus_.selection != hopsOf_) {
    computeHops();
    // The selection is never folded away: a part selected opens its root (and stays open).
    if (focus_.selection >= 0) {
      const int root = foldRoot_[static_cast<size_t>(focus_.selection)];
      if (root >= 0) expanded_[static_cast<size_t>(root)] = 1;
    }
    applyMasks();
  }
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

uint32_t GraphScene::fill(uint32_t i) const {
  if (colouring_ == NodeColouring::Theme) {
    const Rgba f = themeFill(themeColourIndex(i));
    return rgba(f.r, f.g, f.b, f.a);
  }
  return kindStyle(c_->entities[i].kind).colour;
}

NodeInstance GraphScene::nodeStyle(uint32_t i) const {
  const auto& px = x();
  const auto& py = y();
  const KindStyle& ks = kindStyle(c_->entities[i].kind);
  const bool sel = static_cast<int>(i) == focus_.selection;
  const bool neighbour = focus_.selection >= 0 && hops_[i] == 1;
  uint32_t col = fill(i);
  const CompareMark mark = compareMark(i);
  if (dimmed_[i]) col = withAlpha(greyed(col, 0.75f), 0.35f);
  if (mark == CompareMark::FirstOnly) col = withAlpha(greyed(col, 0.6f), 0.45f);  // gone by the second date
  if (hidden_[i]) return NodeInstance{px[i], py[i], 0.f, withAlpha(col, 0.f), ks.shape, 0.0f};
  const bool isNew = mark == CompareMark::SecondOnly || mark == CompareMark::Renamed;
  return NodeInstance{px[i], py[i], radius_[i] * (onPath_[i] ? 1.15f : 1.0f), col, ks.shape,
                      sel || onPath_[i] ? 1.0f : isNew ? 3.0f : neighbour ? 2.0f : 0.0f};
}

EdgeInstance GraphScene::edgeStyle(uint32_t ri, bool lit) const {
  const auto& px = x();
  const auto& py = y();
  const Relation& r = c_->relations[ri];
  const int sel = focus_.selection;
  const bool touchesSel = sel >= 0 && (static_cast<int>(r.from) == sel || static_cast<int>(r.to) == sel);
  const uint32_t group = relationGroupColour(relationGroup(r.type));
  // Quiet by default (thin, light), fainter still beside a selection; the selection's own edges strong.
  uint32_t col = touchesSel || lit ? withAlpha(group, 0.95f) : withAlpha(group, sel >= 0 ? 0.18f : 0.3f);
  if (dimmed_[r.from] || dimmed_[r.to]) col = kDimmedEdgeColour;
  const bool firstOnly = ri < edgeFirstOnly_.size() && edgeFirstOnly_[ri];
  const bool secondOnly = ri < edgeSecondOnly_.size() && edgeSecondOnly_[ri];
  if (firstOnly) col = withAlpha(greyed(col, 0.6f), 0.3f);  // in force at the first date only: faint
  if (edgeHidden_[ri]) col = withAlpha(col, 0.f);
  if (edgeOnPath_[ri]) return EdgeInstance{px[r.from], py[r.from], px[r.to], py[r.to], kPathColour, 3.5f, radius_[r.to]};
  const float width = touchesSel || lit ? 2.2f : secondOnly ? 1.6f : 0.8f;  // new at the second date: heavier
  return EdgeInstance{px[r.from], py[r.from], px[r.to], py[r.to], col, width, radius_[r.to]};
}

// Relations between the same two entities (DHSC publishes a mandate, the mandate is addressed to it...)
// would draw one line over another, each darkening it: they are drawn as one, a little wider for each
// more. The first shown carries the bundle; a relation on a path keeps its own line.
void GraphScene::bundleParallelEdges() {
  const uint32_t m = static_cast<uint32_t>(edges_.size());
  std::unordered_map<uint64_t, uint32_t> lead;
  lead.reserve(m);
  for (uint32_t ri = 0; ri < m; ++ri) {
    const Relation& r = c_->relations[ri];
    if (edgeHidden_[ri] || edgeOnPath_[ri] || r.from == r.to) continue;
    const uint64_t key = (static_cast<uint64_t>(std::min(r.from, r.to)) << 32) | std::max(r.from, r.to);
    const auto [at, fresh] = lead.emplace(key, ri);
    if (fresh) continue;
    EdgeInstance& carrier = edges_[at->second];
    carrier.width = std::min(carrier.width + 0.6f, 3.2f);
    edges_[ri].rgba &= 0x00ffffffu;  // drawn by its bundle
  }
}

bool GraphScene::build() {
  if (!c_) return false;
  const BuildKey key{positionsVersion_, focus_.selection, focus_.hops, focus_.asOf, visVersion_, pathsVersion_, maskVersion_,
                     colouring_};
  // (The comparison's marks come with the visibility: its version covers them.)
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
  bundleParallelEdges();
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
