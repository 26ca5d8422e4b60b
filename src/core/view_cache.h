// When a view may show its last drawn picture moved and scaled (a cached image) instead of drawing every
// item again: the decision as a pure function, so it is tested without a GL context.
#pragma once

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

}  // namespace nhsx
