// The story card's place: it never covers the step's subject.
#include <catch2/catch_test_macros.hpp>

#include "core/story_place.h"

using namespace nhsx;

namespace {
bool inside(const Rect& outer, const Rect& r) {
  return r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w && r.y + r.h <= outer.y + outer.h;
}
}  // namespace

TEST_CASE("the story card sits at the bottom unless the subject is there", "[story-place]") {
  const Rect view{0, 40, 1280, 680};
  const Rect plain = placeStoryCard(view, 900, 220, false, 0, 0);
  CHECK(plain.y + plain.h == 720 - 8);
  CHECK(plain.x == (1280 - 900) / 2.f);
  // A subject in the top half: the card stays at the bottom.
  CHECK(placeStoryCard(view, 900, 220, true, 640, 200).y == plain.y);
  // A subject under the bottom centre: the card moves off it, and stays inside the view.
  for (float fx : {100.f, 400.f, 640.f, 900.f, 1200.f}) {
    for (float fy : {60.f, 300.f, 520.f, 600.f, 700.f}) {
      const Rect r = placeStoryCard(view, 900, 220, true, fx, fy);
      CHECK(inside(view, r));
      CHECK_FALSE(r.contains(fx, fy));
    }
  }
}

TEST_CASE("a card larger than the view is cut to it", "[story-place]") {
  const Rect view{0, 0, 300, 200};
  const Rect r = placeStoryCard(view, 1000, 1000, true, 150, 100);
  CHECK(r.w == 300 - 16);
  CHECK(r.h == 200 - 16);
  CHECK(inside(view, r));
}

TEST_CASE("the free region beside a story card is the largest strip it leaves", "[story-place]") {
  const Rect view{0, 50, 1280, 650};
  // A card across the bottom: the strip above it.
  const Rect above = freeRegion(view, Rect{200, 480, 880, 214});
  CHECK(above.x == 0);
  CHECK(above.y == 50);
  CHECK(above.w == 1280);
  CHECK(above.h == 430);
  // A card down the left side: the strip to its right.
  const Rect right = freeRegion(view, Rect{8, 58, 400, 600});
  CHECK(right.x == 408);
  CHECK(right.w == 1280 - 408);
  CHECK(right.h == 650);
  // A card outside the view: the whole view.
  const Rect all = freeRegion(view, Rect{2000, 0, 100, 100});
  CHECK(all.w == view.w);
  CHECK(all.h == view.h);
}
