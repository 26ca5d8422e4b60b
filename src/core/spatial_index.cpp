#include "core/spatial_index.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nhsx {

namespace {
constexpr int kMaxSide = 2048;    // bounds the grid's memory whatever the spread of positions
constexpr int kLargeCells = 64;   // a disc over more cells than this goes to the `large_` list
}  // namespace

bool SpatialIndex::usable(uint32_t i) const {
  return std::isfinite(x_[i]) && std::isfinite(y_[i]) && std::isfinite(r_[i]) && r_[i] >= 0.f;
}

// Cell coordinates are clamped, which keeps them monotonic in v: a point inside a disc's bounding box
// always maps into the disc's cell range, even outside the grid (NaN maps to 0 rather than to UB).
int SpatialIndex::cellX(float v) const {
  const float c = std::floor((v - originX_) * invCell_);
  return !(c > 0.f) ? 0 : c >= static_cast<float>(cols_ - 1) ? cols_ - 1 : static_cast<int>(c);
}

int SpatialIndex::cellY(float v) const {
  const float c = std::floor((v - originY_) * invCell_);
  return !(c > 0.f) ? 0 : c >= static_cast<float>(rows_ - 1) ? rows_ - 1 : static_cast<int>(c);
}

// The cells a disc's bounding box covers, widened by a hair so float rounding in x - r can never leave
// out a cell holding a point the exact disc test accepts.
SpatialIndex::CellRange SpatialIndex::rangeOf(uint32_t i) const {
  const float r = r_[i] * 1.0001f + 1e-6f * (std::fabs(x_[i]) + std::fabs(y_[i]) + 1.f);
  return {cellX(x_[i] - r), cellY(y_[i] - r), cellX(x_[i] + r), cellY(y_[i] + r)};
}

bool SpatialIndex::contains(uint32_t i, float px, float py) const {
  const float dx = px - x_[i], dy = py - y_[i];
  return dx * dx + dy * dy <= r_[i] * r_[i];
}

bool SpatialIndex::touches(uint32_t i, float x0, float y0, float x1, float y1) const {
  const float dx = x_[i] - std::min(std::max(x_[i], x0), x1);
  const float dy = y_[i] - std::min(std::max(y_[i], y0), y1);
  return dx * dx + dy * dy <= r_[i] * r_[i];
}

void SpatialIndex::build(const float* x, const float* y, const float* radius, uint32_t n) {
  x_.assign(x, x + n);
  y_.assign(y, y + n);
  r_.assign(radius, radius + n);
  large_.clear();
  items_.clear();

  // Bounds of all discs, and a cell size giving about one node per cell but no smaller than a typical
  // disc, so most discs land in at most four cells.
  float x0 = std::numeric_limits<float>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  double radiusSum = 0;
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (!usable(i)) continue;
    x0 = std::min(x0, x_[i] - r_[i]);
    x1 = std::max(x1, x_[i] + r_[i]);
    y0 = std::min(y0, y_[i] - r_[i]);
    y1 = std::max(y1, y_[i] + r_[i]);
    radiusSum += r_[i];
    ++count;
  }
  if (count == 0) {
    cols_ = rows_ = 0;
    cellStart_.assign(1, 0);
    return;
  }
  const double w = std::max(1e-3, static_cast<double>(x1) - x0), h = std::max(1e-3, static_cast<double>(y1) - y0);
  double cell = std::max(std::sqrt(w * h / count), 2.0 * radiusSum / count);
  cell = std::max({cell, w / kMaxSide, h / kMaxSide});
  originX_ = x0;
  originY_ = y0;
  invCell_ = static_cast<float>(1.0 / cell);
  cols_ = std::max(1, std::min(kMaxSide, static_cast<int>(std::ceil(w / cell))));
  rows_ = std::max(1, std::min(kMaxSide, static_cast<int>(std::ceil(h / cell))));

  // Counting sort into CSR: count per cell, prefix sum, fill.
  cellStart_.assign(static_cast<size_t>(cols_) * rows_ + 1, 0);
  for (uint32_t pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      for (size_t c = 1; c < cellStart_.size(); ++c) cellStart_[c] += cellStart_[c - 1];
      items_.resize(cellStart_.back());
    }
    for (uint32_t i = 0; i < n; ++i) {
      if (!usable(i)) continue;
      const CellRange cr = rangeOf(i);
      if ((cr.cx1 - cr.cx0 + 1) * (cr.cy1 - cr.cy0 + 1) > kLargeCells) {
        if (pass == 0) large_.push_back(i);
        continue;
      }
      for (int cy = cr.cy0; cy <= cr.cy1; ++cy)
        for (int cx = cr.cx0; cx <= cr.cx1; ++cx) {
          const size_t c = static_cast<size_t>(cy) * cols_ + cx;
          if (pass == 0) ++cellStart_[c + 1];
          else items_[--cellStart_[c + 1]] = i;  // fills cell c backwards from its end
        }
    }
  }
  // The fill pass left cellStart_[c + 1] at cell c's start: shift down, and close with the total.
  const size_t cells = cellStart_.size() - 1;
  for (size_t c = 0; c < cells; ++c) cellStart_[c] = cellStart_[c + 1];
  cellStart_[cells] = static_cast<uint32_t>(items_.size());
}

int SpatialIndex::pick(float px, float py) const {
  int best = -1;
  for (uint32_t i : large_)
    if (contains(i, px, py)) best = std::max(best, static_cast<int>(i));
  if (cols_ == 0 || !std::isfinite(px) || !std::isfinite(py)) return best;
  const size_t c = static_cast<size_t>(cellY(py)) * cols_ + cellX(px);
  // A cell lists its nodes in descending index order, so the first hit is the topmost there.
  for (uint32_t k = cellStart_[c]; k < cellStart_[c + 1]; ++k)
    if (contains(items_[k], px, py)) return std::max(best, static_cast<int>(items_[k]));
  return best;
}

void SpatialIndex::query(float x0, float y0, float x1, float y1, std::vector<uint32_t>& out) const {
  out.clear();
  for (uint32_t i : large_)
    if (touches(i, x0, y0, x1, y1)) out.push_back(i);
  if (cols_ > 0 && x0 <= x1 && y0 <= y1) {
    const int qx0 = cellX(x0), qy0 = cellY(y0), qx1 = cellX(x1), qy1 = cellY(y1);
    for (int cy = qy0; cy <= qy1; ++cy)
      for (int cx = qx0; cx <= qx1; ++cx) {
        const size_t c = static_cast<size_t>(cy) * cols_ + cx;
        for (uint32_t k = cellStart_[c]; k < cellStart_[c + 1]; ++k) {
          const uint32_t i = items_[k];
          // A disc spanning several cells is reported once: in the first cell of the query that it covers.
          const CellRange cr = rangeOf(i);
          if (cx != std::max(cr.cx0, qx0) || cy != std::max(cr.cy0, qy0)) continue;
          if (touches(i, x0, y0, x1, y1)) out.push_back(i);
        }
      }
  }
  std::sort(out.begin(), out.end());
}

}  // namespace nhsx
