// What the page can ask about the last frame drawn (explorer.labels(), explorer.layoutRects()): the labels
// the current view drew and the rectangles the app laid out, in CSS pixels from the canvas's top-left.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nhsx {

struct ScreenRect {
  float x = 0, y = 0, w = 0, h = 0;
};

// One label drawn: the entity's (or the timeline event's) id, the text as drawn (elided or not), its box.
struct DrawnLabel {
  std::string id, text;
  float x = 0, y = 0, w = 0, h = 0;
  bool elided = false;
};

// The rectangles of the frame, each absent when not shown. canvas: the view's whole area; plot: where
// the view draws its picture (below its own toolbar); toolbar: the view's toolbar; details: the details
// panel; legend: the graph's legend control (its button, or the open legend); storyCard: a story's card;
// viewTools: the view's floating controls (fit, zoom, "as of") over its top-right corner; storyEditor:
// the story editor's panel.
struct LayoutRects {
  std::optional<ScreenRect> canvas, plot, toolbar, details, legend, storyCard, viewTools, storyEditor;
  // (The app's named controls, the buttons and fields a test clicks, are in ui/control_spots.h.)
};

}  // namespace nhsx
