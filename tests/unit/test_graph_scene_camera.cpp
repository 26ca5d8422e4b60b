// The 2D camera: one zoom about a point (wheel, pinch, buttons and keys all use it), pan by pixels, fit.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include "core/camera2d.h"

using namespace nhsx;
using Catch::Matchers::WithinAbs;

TEST_CASE("camera: screen and world are inverse", "[graph-scene][camera]") {
  Camera2D cam{10.f, -4.f, 2.5f, 800.f, 600.f};
  for (float sx : {0.f, 123.f, 800.f})
    for (float sy : {0.f, 301.f, 600.f}) {
      CHECK_THAT(cam.toScreenX(cam.toWorldX(sx)), WithinAbs(sx, 1e-3));
      CHECK_THAT(cam.toScreenY(cam.toWorldY(sy)), WithinAbs(sy, 1e-3));
    }
  CHECK(cam.toScreenX(10.f) == 400.f);  // the centre is the view's middle
  CHECK(cam.toScreenY(-4.f) == 300.f);
}

TEST_CASE("camera: zoomAt keeps the world point under the pointer, within limits", "[graph-scene][camera]") {
  Camera2D cam{0.f, 0.f, 1.f, 800.f, 600.f};
  const float wx = cam.toWorldX(650.f), wy = cam.toWorldY(120.f);
  cam.zoomAt(1.15f, 650.f, 120.f);
  CHECK_THAT(cam.scale, WithinAbs(1.15, 1e-6));
  CHECK_THAT(cam.toScreenX(wx), WithinAbs(650.0, 1e-3));
  CHECK_THAT(cam.toScreenY(wy), WithinAbs(120.0, 1e-3));
  cam.zoomAt(1.f / 1.15f, 650.f, 120.f);
  CHECK_THAT(cam.scale, WithinAbs(1.0, 1e-5));
  // About the centre (buttons and keys): the centre stays.
  cam = Camera2D{3.f, 4.f, 1.f, 800.f, 600.f};
  cam.zoomAt(1.25f, 400.f, 300.f);
  CHECK_THAT(cam.centreX, WithinAbs(3.0, 1e-5));
  CHECK_THAT(cam.centreY, WithinAbs(4.0, 1e-5));
  for (int i = 0; i < 100; ++i) cam.zoomAt(2.f, 10.f, 10.f);
  CHECK(cam.scale == Camera2D::kMaxScale);
  for (int i = 0; i < 100; ++i) cam.zoomAt(0.5f, 10.f, 10.f);
  CHECK(cam.scale == Camera2D::kMinScale);
}

TEST_CASE("camera: pan moves the picture by pixels; a pinch is a zoom then a pan", "[graph-scene][camera]") {
  Camera2D cam{0.f, 0.f, 2.f, 800.f, 600.f};
  const float before = cam.toScreenX(50.f);
  cam.pan(30.f, -20.f);
  CHECK_THAT(cam.toScreenX(50.f), WithinAbs(before + 30.0, 1e-3));
  CHECK_THAT(cam.toScreenY(0.f), WithinAbs(300.0 - 20.0, 1e-3));
  // Pinch: the world point between the fingers follows them.
  const float wx = cam.toWorldX(200.f), wy = cam.toWorldY(250.f);
  cam.zoomAt(1.5f, 200.f, 250.f);
  cam.pan(15.f, 5.f);
  CHECK_THAT(cam.toScreenX(wx), WithinAbs(215.0, 1e-3));
  CHECK_THAT(cam.toScreenY(wy), WithinAbs(255.0, 1e-3));
}

TEST_CASE("camera: fit shows the whole box", "[graph-scene][camera]") {
  Camera2D cam;
  CHECK_FALSE(cam.fit(0, 0, 10, 10));  // no view yet
  cam.viewW = 1000;
  cam.viewH = 500;
  REQUIRE(cam.fit(-100.f, -20.f, 300.f, 80.f));
  CHECK(cam.centreX == 100.f);
  CHECK(cam.centreY == 30.f);
  CHECK(cam.toScreenX(-100.f) >= 0.f);
  CHECK(cam.toScreenX(300.f) <= 1000.f);
  CHECK(cam.toScreenY(-20.f) >= 0.f);
  CHECK(cam.toScreenY(80.f) <= 500.f);
  CHECK_THAT(cam.scale, WithinAbs(1000.0 / 400.0 * 0.88, 1e-4));
  CHECK_FALSE(cam.fit(5.f, 5.f, 4.f, 6.f));  // an empty box changes nothing
  CHECK(cam.centreX == 100.f);
  // A single point is shown at a sensible size, not infinitely zoomed.
  REQUIRE(cam.fit(7.f, 7.f, 7.f, 7.f));
  CHECK_THAT(cam.scale, WithinAbs(500.0 / 40.0 * 0.88, 1e-4));
}

TEST_CASE("camera: fitInto frames a box inside the part of the view left free", "[graph-scene][camera]") {
  Camera2D cam{0.f, 0.f, 1.f, 1280.f, 700.f};
  // The free part: the top 400 px (a story card over the bottom).
  REQUIRE(cam.fitInto(-100.f, -50.f, 300.f, 150.f, 0.f, 0.f, 1280.f, 400.f, 0.9f));
  CHECK_THAT(cam.toScreenX(100.f), WithinAbs(640.f, 1e-2));  // the box's centre on the part's centre
  CHECK_THAT(cam.toScreenY(50.f), WithinAbs(200.f, 1e-2));
  // Every corner of the box inside the part.
  for (float x : {-100.f, 300.f})
    for (float y : {-50.f, 150.f}) {
      CHECK(cam.toScreenX(x) >= 0.f);
      CHECK(cam.toScreenX(x) <= 1280.f);
      CHECK(cam.toScreenY(y) >= 0.f);
      CHECK(cam.toScreenY(y) <= 400.f);
    }
  CHECK_FALSE(cam.fitInto(0, 0, 1, 1, 0, 0, 0, 100));  // no room: unchanged, false
}
