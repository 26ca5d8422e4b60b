// A uniform grid over node discs for hit-testing (which node is under the pointer) and culling (which
// nodes touch the visible rectangle). Rebuilt whenever positions change; a build is two linear passes
// and a query looks at one or a few cells, so both stay cheap at 100k nodes.
#pragma once
#include <cstdint>
#include <vector>

namespace nhsx {

class SpatialIndex {
 public:
  // Copies the discs (centre x, y and radius per node). Discs with a non-finite centre or radius, or a
  // negative radius, are left out: they are never picked nor returned.
  void build(const float* x, const float* y, const float* radius, uint32_t n);

  // The node whose disc contains (px, py) (distance^2 <= radius^2); when several do, the highest index,
  // which is the one drawn on top. -1 if none.
  int pick(float px, float py) const;

  // Appends to `out` (after clearing it) the nodes whose disc intersects the rectangle [x0,x1]x[y0,y1],
  // in ascending order.
  void query(float x0, float y0, float x1, float y1, std::vector<uint32_t>& out) const;

  uint32_t size() const { return static_cast<uint32_t>(x_.size()); }

 private:
  struct CellRange {
    int cx0, cy0, cx1, cy1;
  };
  bool usable(uint32_t i) const;
  int cellX(float v) const;
  int cellY(float v) const;
  CellRange rangeOf(uint32_t i) const;
  bool contains(uint32_t i, float px, float py) const;
  bool touches(uint32_t i, float x0, float y0, float x1, float y1) const;

  std::vector<float> x_, y_, r_;
  float originX_ = 0, originY_ = 0, invCell_ = 1;
  int cols_ = 0, rows_ = 0;
  std::vector<uint32_t> cellStart_;  // CSR: nodes of cell c are items_[cellStart_[c] .. cellStart_[c+1])
  std::vector<uint32_t> items_;
  std::vector<uint32_t> large_;  // discs covering too many cells: checked on every query instead
};

}  // namespace nhsx
