#include "core/story_place.h"

#include <algorithm>
#include <cmath>

namespace nhsx {

Rect placeStoryCard(const Rect& view, float cardW, float cardH, bool hasFocus, float focusX, float focusY, float inset,
                    float margin) {
  const float w = std::max(0.f, std::min(cardW, view.w - 2 * inset));
  const float h = std::max(0.f, std::min(cardH, view.h - 2 * inset));
  const float left = view.x + inset, right = view.x + view.w - inset - w, centre = view.x + (view.w - w) * 0.5f;
  const float top = view.y + inset, bottom = view.y + view.h - inset - h;
  const Rect candidates[] = {{centre, bottom, w, h}, {left, bottom, w, h},  {right, bottom, w, h},
                             {centre, top, w, h},    {left, top, w, h},     {right, top, w, h}};
  if (!hasFocus) return candidates[0];
  for (const Rect& r : candidates)
    if (!r.contains(focusX, focusY, margin)) return r;
  // Nothing leaves it clear (a card as large as the view): the place whose centre is farthest from it.
  const Rect* best = &candidates[0];
  float bestD = -1;
  for (const Rect& r : candidates) {
    const float d = std::hypot(r.x + r.w * 0.5f - focusX, r.y + r.h * 0.5f - focusY);
    if (d > bestD) { bestD = d; best = &r; }
  }
  return *best;
}

Rect freeRegion(const Rect& view, const Rect& cover) {
  const float x0 = std::max(view.x, cover.x), x1 = std::min(view.x + view.w, cover.x + cover.w);
  const float y0 = std::max(view.y, cover.y), y1 = std::min(view.y + view.h, cover.y + cover.h);
  if (x1 <= x0 || y1 <= y0) return view;  // nothing covered
  const Rect strips[] = {{view.x, view.y, view.w, y0 - view.y},                     // above
                         {view.x, y1, view.w, view.y + view.h - y1},                // below
                         {view.x, view.y, x0 - view.x, view.h},                     // left
                         {x1, view.y, view.x + view.w - x1, view.h}};               // right
  const Rect* best = &strips[0];
  for (const Rect& r : strips)
    if (r.w * r.h > best->w * best->h) best = &r;
  return *best;
}

}  // namespace nhsx
