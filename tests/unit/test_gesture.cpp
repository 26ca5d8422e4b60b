#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include "core/gesture.h"

using nhsx::GestureTracker;

TEST_CASE("two fingers moving apart pinch-zoom about their midpoint", "[gesture]") {
  GestureTracker g;
  g.down(1, 100, 200);
  CHECK_FALSE(g.take().active);  // one finger is not a pinch
  g.down(2, 200, 200);
  g.move(1, 50, 200);
  g.move(2, 250, 200);
  auto p = g.take();
  CHECK(p.active);
  CHECK(p.factor == Catch::Approx(2.0));  // 100 px apart became 200
  CHECK(p.cx == Catch::Approx(150));
  CHECK(p.dx == Catch::Approx(0));
  CHECK(g.take().factor == Catch::Approx(1.0));  // taken: nothing new

  // Moving both fingers together pans.
  g.move(1, 70, 230);
  g.move(2, 270, 230);
  p = g.take();
  CHECK(p.factor == Catch::Approx(1.0));
  CHECK(p.dx == Catch::Approx(20));
  CHECK(p.dy == Catch::Approx(30));

  // Lifting a finger ends it; putting one back starts afresh without a jump.
  g.up(2);
  CHECK_FALSE(g.take().active);
  g.down(3, 470, 230);
  p = g.take();
  CHECK(p.factor == Catch::Approx(1.0));
  CHECK(p.dx == Catch::Approx(0));
  CHECK(g.fingers() == 2);
}
