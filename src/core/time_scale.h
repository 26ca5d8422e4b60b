// The timeline's horizontal axis: time (days since 1970-01-01, fractional) <-> screen x (pixels from the
// left edge of the plot). Platform-free so zooming and its limits are tested natively.
#pragma once

namespace nhsx {

class TimeScale {
 public:
  // Closest zoom: two days across the plot, so a day tick always has room for its label.
  static constexpr double kMinSpanDays = 2.0;

  TimeScale() = default;
  TimeScale(double t0, double t1, float widthPx) { setView(t0, t1, widthPx); }

  // Shows [t0, t1] across widthPx pixels (a span under kMinSpanDays is widened about its centre).
  void setView(double t0, double t1, float widthPx);
  // A resize keeps the time range: the plot stretches, as the user expects of a window resize.
  void setWidth(float widthPx);

  double t0() const { return t0_; }
  double t1() const { return t1_; }
  double span() const { return t1_ - t0_; }
  float width() const { return width_; }
  double pxPerDay() const { return width_ / (t1_ - t0_); }

  float toX(double t) const { return static_cast<float>((t - t0_) * pxPerDay()); }
  double toTime(float x) const { return t0_ + static_cast<double>(x) / pxPerDay(); }
  double pxToDays(float px) const { return static_cast<double>(px) / pxPerDay(); }

  // Wheel zoom: factor > 1 zooms in. The time under anchorX stays under anchorX; the span is held within
  // [kMinSpanDays, maxSpan()] about the anchor, so hitting a limit never makes the pointer's date jump.
  void zoomAt(float anchorX, double factor);
  // Drag by dx pixels: the content follows the pointer (dx > 0 shows earlier dates).
  void pan(float dxPixels);
  // Shows [first, last] with marginFraction of that span free on each side.
  void fit(double first, double last, double marginFraction = 0.05);
  // Keeps the view inside [dataFirst - marginDays, dataLast + marginDays]: shrinks the span to that
  // range (it becomes maxSpan() for later zooms), then slides the view back inside. When that range is
  // narrower than kMinSpanDays, the view is kMinSpanDays centred on the data.
  void clampTo(double dataFirst, double dataLast, double marginDays);
  // Widest span zoomAt allows; set by clampTo (unlimited before).
  double maxSpan() const { return maxSpan_; }

 private:
  double t0_ = 0, t1_ = 365;
  float width_ = 1000;
  double maxSpan_ = 1e12;
};

}  // namespace nhsx
