#include <catch2/catch_test_macros.hpp>

#include "core/frame_policy.h"

using nhsx::FrameInputs;
using nhsx::FramePolicy;

TEST_CASE("frames are drawn only around activity", "[idle]") {
  FramePolicy p;
  int drawn = 0;
  for (int i = 0; i < 100; ++i) drawn += p.shouldDraw({});
  CHECK(drawn == FramePolicy::kTrailingFrames);  // the start-up frames, then nothing
  CHECK(p.idle());
  CHECK(p.shouldDraw({true, false, false}));  // input wakes it
  drawn = 1;
  for (int i = 0; i < 100; ++i) drawn += p.shouldDraw({});
  CHECK(drawn == FramePolicy::kTrailingFrames);
  // An animation keeps it drawing for as long as it runs, and stops soon after.
  for (int i = 0; i < 50; ++i) CHECK(p.shouldDraw({false, true, false}));
  drawn = 0;
  for (int i = 0; i < 100; ++i) drawn += p.shouldDraw({});
  CHECK(drawn == FramePolicy::kTrailingFrames - 1);
  CHECK(p.shouldDraw({false, false, true}));  // a call from the page wakes it too
}
