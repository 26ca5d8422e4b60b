// How each kind of entity looks in every view: fill colour (Okabe-Ito, readable by colour-blind people;
// names as text use the darker or lighter kindTextColour of ui/theme.h; both from core/theme_colours)
// and node shape, so the timeline, the graph and the legend agree.
#pragma once
#include <cstdint>

#include "core/vocab.h"

namespace nhsx {

struct KindStyle {
  uint32_t colour;  // IM_COL32 layout: 0xAABBGGRR
  float shape;      // renderer shape id: 0 circle, 1 square, 2 diamond, 3 triangle, 4 hexagon
  const char* shapeName;
};

// A packed colour, 0xAABBGGRR (Dear ImGui's IM_COL32 layout, and the renderer's).
constexpr uint32_t rgba(uint32_t r, uint32_t g, uint32_t b, uint32_t a = 255) { return (a << 24) | (b << 16) | (g << 8) | r; }

const KindStyle& kindStyle(Kind k);
uint32_t relationGroupColour(RelationGroup g);
uint32_t withAlpha(uint32_t colour, float alpha);
// Mixes a colour towards the page's grey (for things outside the "as of" date or the focus).
uint32_t greyed(uint32_t colour, float amount);

}  // namespace nhsx
