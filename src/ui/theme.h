// Colours and sizes of the ImGui widgets and the views' own drawing: a light, high-legibility style,
// a dark one, a high-contrast presentation variant, and an accent colour an embedding page may set.
// The colours come from core/theme_colours.h, whose text/background pairs a unit test holds to WCAG AA.
#pragma once
#include <cstdint>

#include "core/vocab.h"

namespace nhsx {

struct Look {
  float uiScale = 1.0f;
  bool dark = false;
  bool highContrast = false;  // presentation mode
  uint32_t accent = 0;        // 0xRRGGBB | 0x1000000 when set, 0 for NHS blue
  bool operator==(const Look& o) const {
    return uiScale == o.uiScale && dark == o.dark && highContrast == o.highContrast && accent == o.accent;
  }
  bool operator!=(const Look& o) const { return !(*this == o); }
};

// What the views draw with directly (ImGui colour words, 0xAABBGGRR).
struct Palette {
  uint32_t canvas, text, muted, strong, axisBg, laneHeader, tickMinor, tickMajor, density, labelBg,
      labelBgStrong, legendBg, accent, today, link;
  uint32_t kindText[kKindCount];  // entity names as text, in their kind's colour, readable on the panels
};

void applyTheme(const Look& look);
const Palette& palette();
// An entity name's text colour in the current theme (the node fill is kindStyle(k).colour).
inline uint32_t kindTextColour(Kind k) { return palette().kindText[static_cast<int>(k)]; }

}  // namespace nhsx
