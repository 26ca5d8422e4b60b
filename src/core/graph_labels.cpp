// GraphScene's labels: which nodes are labelled, and where each label goes so that no two overlap and none
// covers a node it does not belong to.
#include <algorithm>
#include <cmath>

#include "core/graph_scene.h"
#include "core/kind_style.h"
#include "core/names_at.h"

namespace nhsx {

std::string_view GraphScene::labelOf(uint32_t node) const {
  if (comparing_) return node < compareLabel_.size() && !compareLabel_[node].empty() ? std::string_view(compareLabel_[node])
                                                                                     : std::string_view(c_->entities[node].name);
  return focus_.asOf == kNoDay ? std::string_view(c_->entities[node].name) : nameAt(*c_, node, focus_.asOf);
}

void GraphScene::nodeBox(const Camera2D& cam, uint32_t i, float minNodePx, float& x0, float& y0, float& x1,
                         float& y1) const {
  const float sx = cam.toScreenX(x()[i]), sy = cam.toScreenY(y()[i]);
  const float half = std::max(radius_[i] * cam.scale, minNodePx) * shapeExtent(kindStyle(c_->entities[i].kind).shape) + kShapePadPx;
  x0 = sx - half;
  y0 = sy - half;
  x1 = sx + half;
  y1 = sy + half;
}

namespace {
struct Box {
  float x0, y0, x1, y1;
};
bool meets(const Box& a, const Box& b) { return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0; }
}  // namespace

// Where nodes are drawn, over the view and half a view around it: how many node boxes touch each cell of
// a grid of kCell-pixel cells, summed (a summed-area table), so the nodes a box may touch are counted in
// constant time. Conservative: a box that shares a cell with a node's box counts as touching it.
struct Occupancy {
  static constexpr float kCell = 6.f;
  float ox = 0, oy = 0;
  int cols = 0, rows = 0;
  std::vector<uint32_t> sum;  // (cols + 1) x (rows + 1): cells [0, x) x [0, y) summed

  bool covers(const Box& b) const { return b.x0 >= ox && b.y0 >= oy && b.x1 < ox + cols * kCell && b.y1 < oy + rows * kCell; }
  void cells(const Box& b, int& cx0, int& cy0, int& cx1, int& cy1) const {
    cx0 = std::clamp(static_cast<int>(std::floor((b.x0 - ox) / kCell)), 0, cols - 1);
    cy0 = std::clamp(static_cast<int>(std::floor((b.y0 - oy) / kCell)), 0, rows - 1);
    cx1 = std::clamp(static_cast<int>(std::floor((b.x1 - ox) / kCell)), 0, cols - 1);
    cy1 = std::clamp(static_cast<int>(std::floor((b.y1 - oy) / kCell)), 0, rows - 1);
  }
  uint32_t at(int x, int y) const { return sum[static_cast<size_t>(y) * static_cast<size_t>(cols + 1) + static_cast<size_t>(x)]; }
  uint32_t count(int cx0, int cy0, int cx1, int cy1) const {
    return at(cx1 + 1, cy1 + 1) - at(cx0, cy1 + 1) - at(cx1 + 1, cy0) + at(cx0, cy0);
  }
  void build(float x0, float y0, float w, float h, const std::vector<Box>& boxes) {
    ox = x0;
    oy = y0;
    cols = std::max(1, static_cast<int>(std::ceil(w / kCell)));
    rows = std::max(1, static_cast<int>(std::ceil(h / kCell)));
    const size_t stride = static_cast<size_t>(cols + 1);
    // Corners of each box's cell range, then two prefix passes give each cell's count, then two more
    // the summed table.
    std::vector<int32_t> diff(stride * static_cast<size_t>(rows + 1), 0);
    for (const Box& b : boxes) {
      if (b.x1 < ox || b.y1 < oy || b.x0 >= ox + cols * kCell || b.y0 >= oy + rows * kCell) continue;
      int cx0, cy0, cx1, cy1;
      cells(b, cx0, cy0, cx1, cy1);
      diff[static_cast<size_t>(cy0) * stride + static_cast<size_t>(cx0)] += 1;
      diff[static_cast<size_t>(cy0) * stride + static_cast<size_t>(cx1 + 1)] -= 1;
      diff[static_cast<size_t>(cy1 + 1) * stride + static_cast<size_t>(cx0)] -= 1;
      diff[static_cast<size_t>(cy1 + 1) * stride + static_cast<size_t>(cx1 + 1)] += 1;
    }
    for (int y = 0; y <= rows; ++y)
      for (int x = 1; x <= cols; ++x) diff[static_cast<size_t>(y) * stride + static_cast<size_t>(x)] += diff[static_cast<size_t>(y) * stride + static_cast<size_t>(x - 1)];
    for (int y = 1; y <= rows; ++y)
      for (int x = 0; x <= cols; ++x) diff[static_cast<size_t>(y) * stride + static_cast<size_t>(x)] += diff[static_cast<size_t>(y - 1) * stride + static_cast<size_t>(x)];
    sum.assign(stride * static_cast<size_t>(rows + 1), 0);
    for (int y = 0; y < rows; ++y)
      for (int x = 0; x < cols; ++x)
        sum[static_cast<size_t>(y + 1) * stride + static_cast<size_t>(x + 1)] =
            static_cast<uint32_t>(diff[static_cast<size_t>(y) * stride + static_cast<size_t>(x)]) + at(x, y + 1) + at(x + 1, y) - at(x, y);
  }
};

// The labels placed so far, in a grid of screen cells over the view and a view's width and height around
// it (labels reaching beyond that are also kept in a list checked one by one), and the nodes' occupancy.
struct GraphScene::Placement {
  Placement(const Camera2D& cam, const LabelOptions& opt, std::vector<GraphLabel>& out) : cam(cam), opt(opt), out(out) {
    gx0 = -cam.viewW;
    gy0 = -cam.viewH;
    cols = std::max(1, static_cast<int>(std::ceil(cam.viewW * 3 / kCell)));
    rows = std::max(1, static_cast<int>(std::ceil(cam.viewH * 3 / kCell)));
    head.assign(static_cast<size_t>(cols) * static_cast<size_t>(rows), -1);
  }
  static constexpr float kCell = 64.f;
  const Camera2D& cam;
  const LabelOptions& opt;
  std::vector<GraphLabel>& out;
  float gx0, gy0;
  int cols, rows;
  std::vector<int32_t> head;                        // per cell: first entry, -1 for none
  std::vector<std::pair<uint32_t, int32_t>> entries;  // (label, next entry in the cell)
  std::vector<uint32_t> outside;                    // labels reaching beyond the grid
  Occupancy nodes;
  bool nodesKnown = false;                          // the occupancy is built
  std::vector<Box> nodeBoxes;                       // of the nodes in the occupancy's area
  float bottom = -1e30f;                            // lowest box edge of every shown node and label
  bool bottomKnown = false;

  void cellRange(const Box& b, int& cx0, int& cy0, int& cx1, int& cy1) const {
    cx0 = std::max(0, static_cast<int>(std::floor((b.x0 - gx0) / kCell)));
    cy0 = std::max(0, static_cast<int>(std::floor((b.y0 - gy0) / kCell)));
    cx1 = std::min(cols - 1, static_cast<int>(std::floor((b.x1 - gx0) / kCell)));
    cy1 = std::min(rows - 1, static_cast<int>(std::floor((b.y1 - gy0) / kCell)));
  }
  bool inGrid(const Box& b) const {
    return b.x0 >= gx0 && b.y0 >= gy0 && b.x1 < gx0 + cols * kCell && b.y1 < gy0 + rows * kCell;
  }
  static Box boxOf(const GraphLabel& l) { return Box{l.x0, l.y0, l.x1, l.y1}; }
  bool meetsLabel(const Box& b) const {
    int cx0, cy0, cx1, cy1;
    cellRange(b, cx0, cy0, cx1, cy1);
    for (int cy = cy0; cy <= cy1; ++cy)
      for (int cx = cx0; cx <= cx1; ++cx)
        for (int32_t e = head[static_cast<size_t>(cy * cols + cx)]; e >= 0; e = entries[static_cast<size_t>(e)].second)
          if (meets(b, boxOf(out[entries[static_cast<size_t>(e)].first]))) return true;
    for (uint32_t l : outside)
      if (meets(b, boxOf(out[l]))) return true;
    return false;
  }
  void add(const GraphLabel& l) {
    const uint32_t k = static_cast<uint32_t>(out.size());
    out.push_back(l);
    const Box b = boxOf(l);
    int cx0, cy0, cx1, cy1;
    cellRange(b, cx0, cy0, cx1, cy1);
    for (int cy = cy0; cy <= cy1; ++cy)
      for (int cx = cx0; cx <= cx1; ++cx) {
        int32_t& h = head[static_cast<size_t>(cy * cols + cx)];
        entries.emplace_back(k, h);
        h = static_cast<int32_t>(entries.size() - 1);
      }
    if (!inGrid(b)) outside.push_back(k);
    bottom = std::max(bottom, b.y1);
  }
};

bool GraphScene::boxFree(Placement& p, float x0, float y0, float x1, float y1, uint32_t own) const {
  const Box b{x0, y0, x1, y1};
  for (const auto& r : p.opt.avoid)
    if (meets(b, Box{r[0], r[1], r[2], r[3]})) return false;
  if (p.meetsLabel(b)) return false;
  const Camera2D& cam = p.cam;
  if (!p.nodesKnown) {  // the occupancy of the view and half a view around it, once the first label needs it
    p.nodesKnown = true;
    const float mx = cam.viewW * 0.5f, my = cam.viewH * 0.5f;
    const float widen = 1.1f * maxRadius_ + (2.1f * p.opt.minNodePx + 2.2f) / cam.scale;
    index().query(cam.toWorldX(-mx) - widen, cam.toWorldY(-my) - widen, cam.toWorldX(cam.viewW + mx) + widen,
                  cam.toWorldY(cam.viewH + my) + widen, near_);
    p.nodeBoxes.resize(near_.size());
    for (size_t k = 0; k < near_.size(); ++k) {
      Box& nb = p.nodeBoxes[k];
      nodeBox(cam, near_[k], p.opt.minNodePx, nb.x0, nb.y0, nb.x1, nb.y1);
    }
    p.nodes.build(-mx, -my, cam.viewW + 2 * mx, cam.viewH + 2 * my, p.nodeBoxes);
  }
  if (p.nodes.covers(b)) {
    // Every node box touching the box's cells, less the label's own node (which covers each of its cells
    // once).
    int cx0, cy0, cx1, cy1;
    p.nodes.cells(b, cx0, cy0, cx1, cy1);
    uint32_t touching = p.nodes.count(cx0, cy0, cx1, cy1);
    Box nb;
    nodeBox(cam, own, p.opt.minNodePx, nb.x0, nb.y0, nb.x1, nb.y1);
    if (touching > 0 && !(nb.x1 < p.nodes.ox || nb.y1 < p.nodes.oy || nb.x0 >= p.nodes.ox + p.nodes.cols * Occupancy::kCell ||
                          nb.y0 >= p.nodes.oy + p.nodes.rows * Occupancy::kCell)) {
      int ox0, oy0, ox1, oy1;
      p.nodes.cells(nb, ox0, oy0, ox1, oy1);
      const int w = std::min(cx1, ox1) - std::max(cx0, ox0) + 1, h = std::min(cy1, oy1) - std::max(cy0, oy0) + 1;
      if (w > 0 && h > 0) touching -= static_cast<uint32_t>(w * h);
    }
    return touching == 0;
  }
  // Beyond the occupancy's area: the nodes whose drawn shape may meet the box, from the index of world
  // discs, the box widened by the most any shape reaches past its disc (diagonally, hence the factor).
  const float widen = 1.1f * maxRadius_ + (2.1f * p.opt.minNodePx + 2.2f) / cam.scale;
  index().query(cam.toWorldX(x0) - widen, cam.toWorldY(y0) - widen, cam.toWorldX(x1) + widen, cam.toWorldY(y1) + widen,
                near_);
  for (uint32_t j : near_) {
    if (j == own) continue;
    Box nb;
    nodeBox(cam, j, p.opt.minNodePx, nb.x0, nb.y0, nb.x1, nb.y1);
    if (meets(b, nb)) return false;
  }
  return true;
}

void GraphScene::placeLabels(const Camera2D& cam, int hovered, const MeasureText& measure, const LabelOptions& opt,
                             std::vector<GraphLabel>& out) const {
  out.clear();
  if (!c_ || n_ == 0 || x().size() != n_ || cam.viewW <= 0 || cam.viewH <= 0) return;
  const auto& px = x();
  const auto& py = y();
  auto inView = [&](uint32_t i) {
    const float sx = cam.toScreenX(px[i]), sy = cam.toScreenY(py[i]);
    return sx >= 0 && sx <= cam.viewW && sy >= 0 && sy <= cam.viewH;
  };
  // Candidates by importance. The first `must` of them are always labelled.
  std::vector<uint32_t> candidates;
  std::vector<uint8_t> taken(n_, 0);
  auto consider = [&](int node) {
    if (node < 0 || static_cast<uint32_t>(node) >= n_ || taken[static_cast<size_t>(node)]) return;
    if (hidden_[static_cast<size_t>(node)] || !inView(static_cast<uint32_t>(node))) return;
    taken[static_cast<size_t>(node)] = 1;
    candidates.push_back(static_cast<uint32_t>(node));
  };
  consider(focus_.selection);
  consider(hovered);
  if (focus_.selection >= 0) {
    std::vector<uint32_t> near = neighbours(static_cast<uint32_t>(focus_.selection));
    std::stable_sort(near.begin(), near.end(), [&](uint32_t a, uint32_t b) { return degree_[a] > degree_[b]; });
    for (uint32_t m : near) consider(static_cast<int>(m));
  }
  const size_t must = candidates.size();
  // Walking the list sorted by degree and stopping once nodes are too small to label keeps this
  // proportional to the labels shown, not to the nodes on screen.
  for (uint32_t i : byDegree_) {
    if ((4.5f + 1.6f * std::sqrt(static_cast<float>(degree_[i]))) * cam.scale < opt.minLabelledPx) break;
    if (candidates.size() > must + opt.maxCandidates) break;
    if (!dimmed(i)) consider(static_cast<int>(i));
  }

  Placement p(cam, opt, out);
  size_t ordinary = 0;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const uint32_t i = candidates[k];
    const bool strong = k < must;
    const float rPx = std::max(radius_[i] * cam.scale, opt.minNodePx);
    if (!strong && rPx < opt.minLabelledPx) continue;
    if (!strong && ordinary >= opt.maxOrdinary) break;
    float w = 0, h = 0;
    measure(labelOf(i), w, h);
    const float sx = cam.toScreenX(px[i]), sy = cam.toScreenY(py[i]);
    const float reach = rPx * shapeExtent(kindStyle(c_->entities[i].kind).shape) + kShapePadPx;
    const float g = opt.gapPx, bw = w + 2 * opt.padX, bh = h + 2 * opt.padY;
    GraphLabel l;
    l.node = i;
    l.strong = strong;
    l.dimmed = dimmed(i);
    l.mark = compareMark(i);
    // Tries the box with its top-left at (bx, by); places the label there when it is free.
    auto tryAt = [&](float bx, float by, bool anywhere = false) {
      const bool inside = bx >= 0 && by >= 0 && bx + bw <= cam.viewW && by + bh <= cam.viewH;
      if (!(inside || anywhere) || !boxFree(p, bx, by, bx + bw, by + bh, i)) return false;
      l.x0 = bx;
      l.y0 = by;
      l.x1 = bx + bw;
      l.y1 = by + bh;
      l.textX = bx + opt.padX;
      l.textY = by + opt.padY;
      p.add(l);
      return true;
    };
    // Within the view, beside the node: below (where labels have always been), above, right, left, then the
    // corners.
    const float d = reach * 0.7f + g;
    const float beside[][2] = {
        {sx - bw * 0.5f, sy + rPx + g - opt.padY}, {sx - bw * 0.5f, sy - reach - g - bh},
        {sx + reach + g, sy - bh * 0.5f},          {sx - reach - g - bw, sy - bh * 0.5f},
        {sx + d, sy + d},                          {sx - d - bw, sy + d},
        {sx + d, sy - d - bh},                     {sx - d - bw, sy - d - bh}};
    // Around the selection a neighbour's label goes outward first (right of the ring's right side).
    static constexpr int kAnyOrder[8] = {0, 1, 2, 3, 4, 5, 6, 7}, kRight[8] = {2, 0, 1, 4, 6, 3, 5, 7},
                         kLeft[8] = {3, 0, 1, 5, 7, 2, 4, 6};
    const int side = mode_ == GraphLayoutMode::Radial && i < side_.size() ? side_[i] : 0;
    const int* order = side > 0 ? kRight : side < 0 ? kLeft : kAnyOrder;
    bool placed = false;
    for (int o = 0; o < 8; ++o)
      if ((placed = tryAt(beside[order[o]][0], beside[order[o]][1]))) break;
    if (placed) {
      ordinary += strong ? 0 : 1;
      continue;
    }
    // The most connected nodes may go a little further out; the selection, the hovered node and the
    // selection's neighbours must be labelled: further out, on growing rings, displaced with a leader
    // line.
    const bool important = !strong && k - must < opt.importantDisplaced;
    if (!strong && !important) continue;
    l.displaced = true;
    for (int ring = 0; ring < (strong ? 14 : 3) && !placed; ++ring) {
      const float dist = reach + g + std::max(bw, bh) * 0.5f + (bh + g) * std::pow(1.5f, static_cast<float>(ring));
      for (int a = 0; a < 12 && !placed; ++a) {
        const float angle = 1.5707963f + static_cast<float>(a) * 0.5235988f;  // from straight down, round
        placed = tryAt(sx + dist * std::cos(angle) - bw * 0.5f, sy + dist * std::sin(angle) - bh * 0.5f);
      }
    }
    if (placed) ordinary += strong ? 0 : 1;
    if (placed || !strong) continue;
    // Below everything drawn (out of view): always free.
    if (!p.bottomKnown) {
      for (uint32_t j = 0; j < n_; ++j) {
        if (hidden_[j]) continue;
        float bx0, by0, bx1, by1;
        nodeBox(cam, j, opt.minNodePx, bx0, by0, bx1, by1);
        p.bottom = std::max(p.bottom, by1);
      }
      p.bottomKnown = true;
    }
    // A cell of the node occupancy's grid lower still: it counts a box as touching whatever shares a cell.
    tryAt(sx - bw * 0.5f, p.bottom + Occupancy::kCell + g, true);
  }
}

}  // namespace nhsx
