#include "core/kind_style.h"

namespace nhsx {

namespace {
constexpr uint32_t rgb(uint32_t r, uint32_t g, uint32_t b) { return rgba(r, g, b); }
const KindStyle kStyles[kKindCount] = {
    {rgb(0, 114, 178), 0, "circle"},     // organisation: blue
    {rgb(230, 159, 0), 3, "triangle"},   // person: orange
    {rgb(0, 158, 115), 1, "square"},     // document: green
    {rgb(204, 121, 167), 2, "diamond"},  // programme: reddish purple
    {rgb(213, 94, 0), 4, "hexagon"},     // partnership: vermillion
    {rgb(86, 140, 190), 0, "circle"},    // part: lighter blue, drawn small
    {rgb(140, 110, 0), 2, "diamond"},    // theme: dark gold
};
}  // namespace

const KindStyle& kindStyle(Kind k) { return kStyles[static_cast<int>(k)]; }

uint32_t relationGroupColour(RelationGroup g) {
  static const uint32_t kColours[kRelationGroupCount] = {
      rgb(170, 40, 70),    // governance and accountability: deep red
      rgb(0, 95, 170),     // membership and partnership: blue
      rgb(40, 130, 95),    // publishing and authorship: green
      rgb(105, 112, 125),  // parts and contributions: grey
      rgb(150, 118, 10),   // themes: gold
      rgb(120, 70, 160),   // succession and renaming: purple
      rgb(120, 120, 120),  // other
  };
  return kColours[static_cast<int>(g)];
}

uint32_t withAlpha(uint32_t c, float alpha) {
  const uint32_t a = static_cast<uint32_t>(((c >> 24) & 0xFF) * alpha + 0.5f);
  return (c & 0x00FFFFFFu) | (a << 24);
}

uint32_t greyed(uint32_t c, float amount) {
  auto mix = [&](int shift) {
    const float v = static_cast<float>((c >> shift) & 0xFF);
    return static_cast<uint32_t>(v + (200.0f - v) * amount + 0.5f) << shift;
  };
  return (c & 0xFF000000u) | mix(0) | mix(8) | mix(16);
}

}  // namespace nhsx
