#include "core/time_scale.h"

#include <algorithm>

namespace nhsx {

namespace {
// A zero or negative width would make pxPerDay meaningless; one pixel keeps the maths finite.
float safeWidth(float w) { return w >= 1.f ? w : 1.f; }
}  // namespace

void TimeScale::setView(double t0, double t1, float widthPx) {
  width_ = safeWidth(widthPx);
  if (t1 < t0) std::swap(t0, t1);
  if (t1 - t0 < kMinSpanDays) {
    const double c = (t0 + t1) / 2;
    t0 = c - kMinSpanDays / 2;
    t1 = c + kMinSpanDays / 2;
  }
  t0_ = t0;
  t1_ = t1;
}

void TimeScale::setWidth(float widthPx) { width_ = safeWidth(widthPx); }

void TimeScale::zoomAt(float anchorX, double factor) {
  if (!(factor > 0)) return;
  const double frac = static_cast<double>(anchorX) / width_;  // the anchor's place in the view, kept
  const double anchorT = t0_ + frac * span();
  const double newSpan = std::clamp(span() / factor, kMinSpanDays, std::max(kMinSpanDays, maxSpan_));
  t0_ = anchorT - frac * newSpan;
  t1_ = t0_ + newSpan;
}

void TimeScale::pan(float dxPixels) {
  const double dt = pxToDays(dxPixels);
  t0_ -= dt;
  t1_ -= dt;
}

void TimeScale::fit(double first, double last, double marginFraction) {
  if (last < first) std::swap(first, last);
  const double m = (last - first) * std::max(0.0, marginFraction);
  setView(first - m, last + m, width_);
}

void TimeScale::clampTo(double dataFirst, double dataLast, double marginDays) {
  if (dataLast < dataFirst) std::swap(dataFirst, dataLast);
  const double lo = dataFirst - std::max(0.0, marginDays);
  const double hi = dataLast + std::max(0.0, marginDays);
  maxSpan_ = std::max(kMinSpanDays, hi - lo);
  if (hi - lo <= kMinSpanDays) {  // too little data to fill the closest zoom: centre it
    const double c = (lo + hi) / 2;
    t0_ = c - kMinSpanDays / 2;
    t1_ = c + kMinSpanDays / 2;
    return;
  }
  double s = std::clamp(span(), kMinSpanDays, maxSpan_);
  if (s != span()) {  // shrink about the centre, then slide
    const double c = (t0_ + t1_) / 2;
    t0_ = c - s / 2;
  }
  t0_ = std::clamp(t0_, lo, hi - s);
  t1_ = t0_ + s;
}

}  // namespace nhsx
