// Turns touch points into pinch zoom and two-finger pan. The platform feeds finger events in window
// pixels; the views take the accumulated change once per frame. Pure, so it is tested natively.
#pragma once
#include <cstdint>
#include <vector>

namespace nhsx {

struct Pinch {
  bool active = false;  // two or more fingers are down
  double factor = 1.0;  // > 1 when the fingers moved apart since the last take()
  float cx = 0, cy = 0; // the fingers' midpoint now
  float dx = 0, dy = 0; // how far the midpoint moved since the last take()
};

class GestureTracker {
 public:
  void down(int64_t id, float x, float y);
  void move(int64_t id, float x, float y);
  void up(int64_t id);
  int fingers() const { return static_cast<int>(points_.size()); }
  // The change since the last call (identity when fewer than two fingers are down).
  Pinch take();

 private:
  struct Point {
    int64_t id;
    float x, y;
  };
  void measure(float& distance, float& cx, float& cy) const;
  void restart();  // a finger came or went: measure afresh, so nothing jumps
  std::vector<Point> points_;
  float baseDistance_ = 0, baseX_ = 0, baseY_ = 0;
};

}  // namespace nhsx
