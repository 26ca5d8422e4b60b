// Where a guided story's card goes over the view: a place that leaves the step's subject uncovered.
// Plain geometry, so it is unit-tested natively; the story card (ui/story_panel) asks it every frame.
#pragma once

namespace nhsx {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py, float margin = 0) const {
    return px >= x - margin && px <= x + w + margin && py >= y - margin && py <= y + h + margin;
  }
};

// The card's rectangle, `cardW` x `cardH`, inside `view` with `inset` from its edges. Preferred: centred
// at the bottom. When the focus point (hasFocus) would fall under the card, or within `margin` of it, the
// first of bottom-left, bottom-right, top-centre, top-left, top-right that leaves it clear; when none
// does, the one farthest from it.
Rect placeStoryCard(const Rect& view, float cardW, float cardH, bool hasFocus, float focusX, float focusY,
                    float inset = 8.f, float margin = 24.f);

// The largest strip of `view` beside `cover` (above, below, left or right of it) that `cover` leaves
// free: where a view frames its subject while a story card covers the rest. `view` itself when `cover`
// does not meet it.
Rect freeRegion(const Rect& view, const Rect& cover);

}  // namespace nhsx
