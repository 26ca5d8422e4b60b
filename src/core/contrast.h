// WCAG 2 colour contrast: relative luminance, contrast ratio, and blending a translucent colour over
// its background (what the eye sees under a tinted row or a see-through label).
#pragma once
#include <cstdint>

namespace nhsx {

struct Rgba {
  uint8_t r = 0, g = 0, b = 0, a = 255;
  constexpr bool operator==(const Rgba& o) const { return r == o.r && g == o.g && b == o.b && a == o.a; }
};
constexpr Rgba rgb(uint8_t r, uint8_t g, uint8_t b, uint8_t a = 255) { return Rgba{r, g, b, a}; }

// WCAG 2.x relative luminance of the colour's r, g, b (sRGB), 0 (black) to 1 (white); alpha ignored.
double relativeLuminance(Rgba c);
// (lighter + 0.05) / (darker + 0.05): 1 to 21. WCAG AA asks 4.5 for body text.
double contrastRatio(Rgba a, Rgba b);
// `top` (with its alpha) composited over an opaque `under`; the result is opaque.
Rgba over(Rgba top, Rgba under);
// Black or white, whichever reads better on `fill` (one of them always reaches 4.58:1).
Rgba inkOn(Rgba fill);

}  // namespace nhsx
