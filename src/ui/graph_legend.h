// The relationship view's legend: each kind's shape and colour, each relation family's colour.
#pragma once

namespace nhsx {

// Draws the legend in the bottom-left corner of the view (x, y, width, height in ImGui coordinates);
// nothing when the view is too low for it (large type on a small screen).
void drawGraphLegend(float x, float y, float height);

}  // namespace nhsx
