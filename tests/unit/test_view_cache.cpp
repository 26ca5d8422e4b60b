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
