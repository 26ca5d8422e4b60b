#include "core/view_cache.h"

#include <algorithm>

namespace nhsx {

CacheUse decideCacheUse(const CacheInputs& in) {
  if (in.sceneChanged) return CacheUse::Direct;
  if (!in.cacheValid) return CacheUse::Rerender;
  if (in.sameCamera) return CacheUse::Reuse;
  const bool closeScale = in.scaleRatio >= kCacheMinScaleRatio && in.scaleRatio <= kCacheMaxScaleRatio;
  if ((in.held || in.sinceCameraMoved < kCacheSettleSeconds) && closeScale) return CacheUse::Reuse;
  return CacheUse::Rerender;
}

bool cacheNeedsFrame(CacheUse use, const CacheInputs& in) {
  return use == CacheUse::Reuse && !in.sameCamera;
}

CacheUse PictureCache::plan(const Camera2D& cam, float pixelRatio, bool sceneChanged, bool held, double now,
                           uint64_t generation, uint32_t background) {
  if (cam != lastCam_) {
    cameraMovedAt_ = now;
    lastCam_ = cam;
  }
  const int viewW = static_cast<int>(cam.viewW * pixelRatio), viewH = static_cast<int>(cam.viewH * pixelRatio);
  CacheInputs in;
  in.sceneChanged = sceneChanged;
  in.cacheValid = valid_ && generation == generation_ && viewW == viewW_ && viewH == viewH_ && background == background_;
  in.sameCamera = cam.centreX == cam_.centreX && cam.centreY == cam_.centreY && cam.scale == cam_.scale;
  in.scaleRatio = cam.scale / cam_.scale;
  in.sinceCameraMoved = now - cameraMovedAt_;
  in.held = held;
  use_ = decideCacheUse(in);
  owed_ = cacheNeedsFrame(use_, in);
  if (use_ == CacheUse::Rerender) {
    // A quarter of the view on each side, so a pan shows drawn graph rather than empty canvas; no more
    // than a 4096-pixel texture (what any WebGL2 device takes).
    const int margin = std::min(std::max(viewW, viewH) / 4, (4096 - std::max(viewW, viewH)) / 2);
    cam_ = cam;
    margin_ = std::max(margin, 0);
    viewW_ = viewW;
    viewH_ = viewH;
    background_ = background;
    if (margin < 0) use_ = CacheUse::Direct;
  }
  valid_ = use_ != CacheUse::Direct;
  return use_;
}

void PictureCache::made(bool ok, uint64_t generation) {
  generation_ = generation;
  if (!ok) use_ = CacheUse::Direct;
  valid_ = use_ != CacheUse::Direct;
}

void PictureCache::placement(const Camera2D& now, int x, int y, float pixelRatio, float& x0, float& y0, float& x1,
                             float& y1) const {
  // Its centre is the world point it was drawn around, placed from the same rounded view rectangle as a
  // direct drawing. Framebuffer y runs upwards.
  const float k = now.scale / cam_.scale;
  const float cx = x + viewW_ * 0.5f + (cam_.centreX - now.centreX) * now.scale * pixelRatio;
  const float cy = y + viewH_ * 0.5f - (cam_.centreY - now.centreY) * now.scale * pixelRatio;
  const float hw = (viewW_ * 0.5f + margin_) * k, hh = (viewH_ * 0.5f + margin_) * k;
  x0 = cx - hw;
  y0 = cy - hh;
  x1 = cx + hw;
  y1 = cy + hh;
}

}  // namespace nhsx
