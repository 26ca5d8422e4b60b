// A 2D camera over a world plane, and the node and edge items the relationship view draws: plain data
// shared by the core graph scene (which decides them) and the renderer (which draws them).
//
// Screen coordinates are pixels from the view's top-left corner; world units are the layout's.
#pragma once
#include <algorithm>
#include <cstdint>

namespace nhsx {

struct Camera2D {
  float centreX = 0, centreY = 0;  // world point at the view's centre
  float scale = 1;                 // pixels per world unit
  float viewW = 0, viewH = 0;      // the view's size in pixels

  static constexpr float kMinScale = 0.01f, kMaxScale = 60.f;

  float toScreenX(float wx) const { return viewW * 0.5f + (wx - centreX) * scale; }
  float toScreenY(float wy) const { return viewH * 0.5f + (wy - centreY) * scale; }
  float toWorldX(float sx) const { return (sx - viewW * 0.5f) / scale + centreX; }
  float toWorldY(float sy) const { return (sy - viewH * 0.5f) / scale + centreY; }

  // The one zoom (wheel, pinch, buttons, keys): scales by factor (kept within [kMinScale, kMaxScale])
  // about the screen point (sx, sy), whose world point stays under it.
  void zoomAt(float factor, float sx, float sy) {
    const float wx = toWorldX(sx), wy = toWorldY(sy);
    scale = std::clamp(scale * factor, kMinScale, kMaxScale);
    centreX = wx - (sx - viewW * 0.5f) / scale;
    centreY = wy - (sy - viewH * 0.5f) / scale;
  }
  // Zooms about the view's centre (buttons and keys).
  void zoom(float factor) { zoomAt(factor, viewW * 0.5f, viewH * 0.5f); }
  // Moves the picture by (dx, dy) pixels (a drag to the right shows what was to the left).
  void pan(float dx, float dy) {
    centreX -= dx / scale;
    centreY -= dy / scale;
  }
  // Shows the world box [x0, x1] x [y0, y1] (at least minExtent wide and high) filling `fill` of the
  // view. False, and no change, for an empty box or a view of no size.
  bool fit(float x0, float y0, float x1, float y1, float fill = 0.88f, float minExtent = 40.f) {
    if (x1 < x0 || y1 < y0 || viewW <= 0 || viewH <= 0) return false;
    centreX = (x0 + x1) * 0.5f;
    centreY = (y0 + y1) * 0.5f;
    scale = std::min(viewW / std::max(x1 - x0, minExtent), viewH / std::max(y1 - y0, minExtent)) * fill;
    return true;
  }

  // As fit, into the part of the view [rx, rx + rw] x [ry, ry + rh] (view pixels) that nothing covers
  // (a story card over the rest): the box's centre lands on the part's centre.
  bool fitInto(float x0, float y0, float x1, float y1, float rx, float ry, float rw, float rh, float fill = 0.88f,
               float minExtent = 40.f) {
    if (x1 < x0 || y1 < y0 || rw <= 0 || rh <= 0 || viewW <= 0 || viewH <= 0) return false;
    scale = std::min(rw / std::max(x1 - x0, minExtent), rh / std::max(y1 - y0, minExtent)) * fill;
    centreX = (x0 + x1) * 0.5f - (rx + rw * 0.5f - viewW * 0.5f) / scale;
    centreY = (y0 + y1) * 0.5f - (ry + rh * 0.5f - viewH * 0.5f) / scale;
    return true;
  }

  bool operator==(const Camera2D& o) const {
    return centreX == o.centreX && centreY == o.centreY && scale == o.scale && viewW == o.viewW && viewH == o.viewH;
  }
  bool operator!=(const Camera2D& o) const { return !(*this == o); }
};

struct NodeInstance {
  float x, y, radius;  // world units
  uint32_t rgba;       // 0xAABBGGRR (bytes r, g, b, a in memory)
  float shape;         // 0 circle, 1 square, 2 diamond, 3 triangle, 4 hexagon
  float outline;       // 0 none, 1 selected, 2 neighbour, 3 new at the second of two dates compared
};

struct EdgeInstance {
  float x0, y0, x1, y1;  // world units, from source to target
  uint32_t rgba;
  float width;         // pixels
  float targetRadius;  // world units: the arrowhead stops at the target's edge
};

// Level of detail of one drawing of the graph (GraphScene::drawStyle decides it).
struct GraphDrawStyle {
  float minRadiusPx = 3;     // nodes never shrink below this
  float edgeOpacity = 1;     // scales every edge's alpha (dense graphs draw their edges fainter)
  bool arrowheads = true;    // off when edges are too short on screen for a visible arrowhead
};

// How far a node's drawn shape reaches from its centre, as a multiple of its radius (the renderer's quad:
// the triangle reaches 1.45 r, the diamond 1.25 r), plus the outline ring and anti-aliasing in pixels.
inline float shapeExtent(float shape) { return shape < 1.5f ? 1.0f : shape < 2.5f ? 1.25f : shape < 3.5f ? 1.45f : 1.05f; }
constexpr float kShapePadPx = 1.5f;

}  // namespace nhsx
