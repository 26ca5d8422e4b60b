#include "core/gesture.h"

#include <algorithm>
#include <cmath>

namespace nhsx {

void GestureTracker::measure(float& distance, float& cx, float& cy) const {
  // The first two fingers define the pinch; a third is ignored.
  const Point& a = points_[0];
  const Point& b = points_[1];
  distance = std::hypot(a.x - b.x, a.y - b.y);
  cx = (a.x + b.x) * 0.5f;
  cy = (a.y + b.y) * 0.5f;
}

void GestureTracker::restart() {
  if (points_.size() >= 2) measure(baseDistance_, baseX_, baseY_);
}

void GestureTracker::down(int64_t id, float x, float y) {
  points_.push_back({id, x, y});
  restart();
}

void GestureTracker::move(int64_t id, float x, float y) {
  for (Point& p : points_) {
    if (p.id == id) { p.x = x; p.y = y; }
  }
}

void GestureTracker::up(int64_t id) {
  points_.erase(std::remove_if(points_.begin(), points_.end(), [id](const Point& p) { return p.id == id; }),
                points_.end());
  restart();
}

Pinch GestureTracker::take() {
  Pinch p;
  if (points_.size() < 2) return p;
  float d, cx, cy;
  measure(d, cx, cy);
  p.active = true;
  p.factor = baseDistance_ > 1.0f && d > 1.0f ? static_cast<double>(d) / baseDistance_ : 1.0;
  p.cx = cx;
  p.cy = cy;
  p.dx = cx - baseX_;
  p.dy = cy - baseY_;
  baseDistance_ = d;
  baseX_ = cx;
  baseY_ = cy;
  return p;
}

}  // namespace nhsx
