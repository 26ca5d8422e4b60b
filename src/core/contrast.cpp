#include "core/contrast.h"

#include <algorithm>
#include <cmath>

namespace nhsx {

namespace {
double linear(uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
}  // namespace

double relativeLuminance(Rgba c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrastRatio(Rgba a, Rgba b) {
  const double la = relativeLuminance(a), lb = relativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgba over(Rgba top, Rgba under) {
  const double a = top.a / 255.0;
  auto mix = [a](uint8_t t, uint8_t u) { return static_cast<uint8_t>(std::lround(t * a + u * (1.0 - a))); };
  return Rgba{mix(top.r, under.r), mix(top.g, under.g), mix(top.b, under.b), 255};
}

Rgba inkOn(Rgba fill) {
  const Rgba black = rgb(0, 0, 0), white = rgb(255, 255, 255);
  return contrastRatio(white, fill) >= contrastRatio(black, fill) ? white : black;
}

}  // namespace nhsx
