// When a view may show its last drawn picture moved and scaled (a cached image) instead of drawing every
// item again: the decision as a pure function, so it is tested without a GL context.
#pragma once
#include <cstdint>

#include "core/camera2d.h"

namespace nhsx {

enum class CacheUse {
  Direct,    // draw every item to the screen; the cached image is stale
  Reuse,     // show the cached image, moved and scaled to the current camera
  Rerender,  // draw every item into the cached image at the current camera, then show it
};

struct CacheInputs {
  bool sceneChanged = false;  // items were added, restyled or moved this frame
  bool cacheValid = false;    // an image exists for the current scene and view size
  bool sameCamera = false;    // the camera is exactly the one the image was drawn with
  float scaleRatio = 1;       // current scale / the image's scale
  double sinceCameraMoved = 1e9;  // seconds since the camera last changed
  bool held = false;          // the reader is still dragging or pinching the view (a pause is not a stop)
};

// Seconds of a still camera after which a moved or scaled image is replaced by a sharp one.
constexpr double kCacheSettleSeconds = 0.2;
// How far the scale may drift from the image's before it is too blurred or too small to show.
constexpr float kCacheMinScaleRatio = 0.5f, kCacheMaxScaleRatio = 2.0f;

// Changing items draws directly (a new image would be stale at once); a camera in motion, or held by a
// drag, reuses the image while its scale is close; a still camera gets a sharp image at its position.
CacheUse decideCacheUse(const CacheInputs& in);

// True while a frame is still owed: the image shown is not the one drawn at the current camera.
bool cacheNeedsFrame(CacheUse use, const CacheInputs& in);

// A view's cached picture over time: what it was drawn with, and how each frame uses it. Sizes are
// framebuffer pixels.
class PictureCache {
 public:
  // Decides this frame's use from the camera (its view size times pixelRatio is the picture's view),
  // whether the scene changed, whether the reader holds the view (a drag), the time now in seconds, and
  // the renderer's picture generation (which changes when what it held is gone) and background colour.
  // After Rerender the caller makes a picture of pictureWidth() x pictureHeight() and reports made().
  CacheUse plan(const Camera2D& cam, float pixelRatio, bool sceneChanged, bool held, double now, uint64_t generation,
                uint32_t background);
  void made(bool ok, uint64_t generation);
  CacheUse use() const { return use_; }
  // True while a frame is still owed: the picture shown is not the one drawn at the current camera.
  bool owed() const { return owed_; }
  const Camera2D& camera() const { return cam_; }  // the camera the picture was drawn with
  uint32_t background() const { return background_; }
  int pictureWidth() const { return viewW_ + 2 * margin_; }
  int pictureHeight() const { return viewH_ + 2 * margin_; }
  // Where the picture goes for the camera `now`, given the view's framebuffer rectangle origin (x, y
  // from the bottom-left): (x0, y0)-(x1, y1). At the camera it was drawn with it lands pixel for pixel.
  void placement(const Camera2D& now, int x, int y, float pixelRatio, float& x0, float& y0, float& x1, float& y1) const;

 private:
  CacheUse use_ = CacheUse::Direct;
  bool valid_ = false, owed_ = false;
  Camera2D cam_, lastCam_;
  int margin_ = 0, viewW_ = 0, viewH_ = 0;
  uint64_t generation_ = 0;
  uint32_t background_ = 0;
  double cameraMovedAt_ = -1e9;
};

}  // namespace nhsx
