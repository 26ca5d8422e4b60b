// The relationship view's legend: a small control in the view's bottom-left corner, a button that opens
// the key of shapes, colours and edge families on demand, with what the picture folds away (parts into
// their parents, themes) to show or fold again.
#pragma once

namespace nhsx {

struct LegendChoices {
  bool open = false;
  bool showParts = false;   // every part expanded
  bool showThemes = false;
  bool own = false;  // the corpus holds the user's own items: a row shows how they are marked (a ring)
  bool comparing = false;   // two dates compared: the legend explains the marks too
};

// The mark of the user's own items (a ring round the node), in the graph and in its legend.
void drawOwnRing(void* drawList, float cx, float cy, float radius);

// The screen rectangle the legend control takes in a view of the given size (x, y its top-left): the
// button, or the open legend (with its button); labels keep clear of it.
void graphLegendRect(bool open, float x, float y, float width, float height, float& x0, float& y0, float& x1, float& y1,
                     bool own = false, bool comparing = false);
// Draws it into the current window; true when a choice changed.
bool drawGraphLegend(LegendChoices& c, float x, float y, float width, float height);

}  // namespace nhsx
