#include "core/kind_style.h"

#include "core/theme_colours.h"

namespace nhsx {

namespace {
constexpr uint32_t packed(uint32_t r, uint32_t g, uint32_t b) { return rgba(r, g, b); }
uint32_t fill(Kind k) {
  const Rgba c = kindFill(k);  // core/theme_colours.h: the fills, with their text variants beside them
  return packed(c.r, c.g, c.b);
}
const KindStyle kStyles[kKindCount] = {
    {fill(Kind::Organisation), 0, "circle"},  // blue
    {fill(Kind::Person), 3, "triangle"},      // orange
    {fill(Kind::Document), 1, "square"},      // green
    {fill(Kind::Programme), 2, "diamond"},    // reddish purple
    {fill(Kind::Partnership), 4, "hexagon"},  // vermillion
    {fill(Kind::Part), 0, "circle"},          // lighter blue, drawn small
    {fill(Kind::Theme), 2, "diamond"},        // dark gold
};
}  // namespace

const KindStyle& kindStyle(Kind k) { return kStyles[static_cast<int>(k)]; }

uint32_t relationGroupColour(RelationGroup g) {
  static const uint32_t kColours[kRelationGroupCount] = {
      packed(170, 40, 70),    // governance and accountability: deep red
      packed(0, 95, 170),     // membership and partnership: blue
      packed(40, 130, 95),    // publishing and authorship: green
      packed(105, 112, 125),  // parts and contributions: grey
      packed(150, 118, 10),   // themes: gold
      packed(120, 70, 160),   // succession and renaming: purple
      packed(120, 120, 120),  // other
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
