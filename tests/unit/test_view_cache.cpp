#include <catch2/catch_test_macros.hpp>

#include "core/view_cache.h"

using nhsx::CacheInputs;
using nhsx::CacheUse;
using nhsx::cacheNeedsFrame;
using nhsx::decideCacheUse;

TEST_CASE("changing items are drawn directly, whatever the camera does", "[view-cache]") {
  CacheInputs in;
  in.sceneChanged = true;
  in.cacheValid = true;
  in.sameCamera = true;
  CHECK(decideCacheUse(in) == CacheUse::Direct);
  in.sameCamera = false;
  in.sinceCameraMoved = 0;
  CHECK(decideCacheUse(in) == CacheUse::Direct);
  CHECK_FALSE(cacheNeedsFrame(CacheUse::Direct, in));
}

TEST_CASE("a still scene without an image draws one; with one at this camera, shows it", "[view-cache]") {
  CacheInputs in;
  CHECK(decideCacheUse(in) == CacheUse::Rerender);
  in.cacheValid = true;
  in.sameCamera = true;
  CHECK(decideCacheUse(in) == CacheUse::Reuse);
  CHECK_FALSE(cacheNeedsFrame(CacheUse::Reuse, in));  // nothing owed: the loop may go idle
}

TEST_CASE("a moving camera reuses the image until it stops or the scale drifts too far", "[view-cache]") {
  CacheInputs in;
  in.cacheValid = true;
  in.sameCamera = false;
  in.sinceCameraMoved = 0.01;
  in.scaleRatio = 1.0f;  // a pan
  CHECK(decideCacheUse(in) == CacheUse::Reuse);
  CHECK(cacheNeedsFrame(CacheUse::Reuse, in));  // a sharp frame is owed once the camera stops
  in.scaleRatio = 1.9f;  // zoomed in, still within reach
  CHECK(decideCacheUse(in) == CacheUse::Reuse);
  in.scaleRatio = 2.1f;  // too blurred
  CHECK(decideCacheUse(in) == CacheUse::Rerender);
  in.scaleRatio = 0.45f;  // too small: much of the view would be uncovered
  CHECK(decideCacheUse(in) == CacheUse::Rerender);
  in.scaleRatio = 1.0f;
  in.sinceCameraMoved = nhsx::kCacheSettleSeconds + 0.01;  // stopped: replace with a sharp image
  CHECK(decideCacheUse(in) == CacheUse::Rerender);
  in.held = true;  // a drag paused, not released: a slow frame must not start a slower one
  CHECK(decideCacheUse(in) == CacheUse::Reuse);
  in.scaleRatio = 2.5f;
  CHECK(decideCacheUse(in) == CacheUse::Rerender);
}

TEST_CASE("a picture cache over frames: made once, reused while panning, placed where the camera puts it", "[view-cache]") {
  nhsx::PictureCache pc;
  nhsx::Camera2D cam{0.f, 0.f, 1.f, 400.f, 300.f};
  CHECK(pc.plan(cam, 1.f, false, false, 0.0, 7, 0xff0000ffu) == CacheUse::Rerender);
  CHECK(pc.pictureWidth() == 400 + 2 * 100);
  CHECK(pc.pictureHeight() == 300 + 2 * 100);
  pc.made(true, 7);
  float x0, y0, x1, y1;
  pc.placement(cam, 10, 20, 1.f, x0, y0, x1, y1);
  CHECK(x0 == 10.f - 100.f);  // at its own camera the picture lands pixel for pixel, margin around the view
  CHECK(y0 == 20.f - 100.f);
  CHECK(x1 == 10.f + 400.f + 100.f);
  CHECK(pc.plan(cam, 1.f, false, false, 1.0, 7, 0xff0000ffu) == CacheUse::Reuse);
  CHECK_FALSE(pc.owed());
  cam.pan(25.f, 0.f);  // panning: the picture moves with the camera, a sharp frame is owed
  CHECK(pc.plan(cam, 1.f, false, true, 1.1, 7, 0xff0000ffu) == CacheUse::Reuse);
  CHECK(pc.owed());
  pc.placement(cam, 10, 20, 1.f, x0, y0, x1, y1);
  CHECK(x0 == 10.f - 100.f + 25.f);
  // A lost picture (a new generation) or another background is made again.
  CHECK(pc.plan(cam, 1.f, false, false, 5.0, 8, 0xff0000ffu) == CacheUse::Rerender);
  pc.made(false, 8);  // could not be made: drawn directly
  CHECK(pc.use() == CacheUse::Direct);
  CHECK(pc.plan(cam, 1.f, false, false, 5.1, 8, 0xff0000ffu) == CacheUse::Rerender);
  pc.made(true, 8);
  CHECK(pc.plan(cam, 1.f, false, false, 5.2, 8, 0xff00ff00u) == CacheUse::Rerender);
}
