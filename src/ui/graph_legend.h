// The relationship view's legend: a small control in the view's bottom-left corner, a button that opens
// the key of shapes, colours and edge families on demand, with what the picture folds away (parts into
// their parents, themes) to show or fold again.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace nhsx {

// A row of the key while nodes are coloured by theme: a named theme, "other themes" or "no theme".
struct LegendTheme {
  std::string name, id;  // id: the theme's ("theme-finance"), empty for the two catch-all rows
  uint32_t colour = 0;  // the node fill, 0xAABBGGRR
  int entity = -1;      // the theme's entity (a click filters to it); -1 for "other themes" and "no theme"
  std::string tip;      // shown on hover ("other themes": which they are)
};

struct LegendChoices {
  bool open = false;
  bool showParts = false;   // every part expanded
  bool showThemes = false;
  bool own = false;  // the corpus holds the user's own items: a row shows how they are marked (a ring)
  bool comparing = false;   // two dates compared: the legend explains the marks too
  bool byTheme = false;     // nodes coloured by theme: the theme rows replace the kinds' (the choice is its first row)
  std::vector<LegendTheme> themes;
  int filteredTheme = -1;   // the theme the filters show alone (its row is marked), -1 for none
  // Out: the colouring asked for by the legend's first row, and the theme row clicked (-1 for none).
  int clickedTheme = -1;
};

// The mark of the user's own items (a ring round the node), in the graph and in its legend.
void drawOwnRing(void* drawList, float cx, float cy, float radius);

// The screen rectangle the legend control takes in a view of the given size (x, y its top-left): the
// button, or the open legend (with its button); labels keep clear of it.
void graphLegendRect(const LegendChoices& c, float x, float y, float width, float height, float& x0, float& y0, float& x1,
                     float& y1);
// Draws it into the current window; true when a choice changed (folding, colouring or a theme clicked).
bool drawGraphLegend(LegendChoices& c, float x, float y, float width, float height);

}  // namespace nhsx
