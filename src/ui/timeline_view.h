// The timeline view: lanes by kind over an adaptive calendar axis, with honest uncertain dates, an
// "as of" cursor that can play through time, and a today marker. Layout, culling, label placement and
// hit testing come from core/timeline_layout; this file only draws and handles input.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/app_state.h"
#include "core/screen_info.h"
#include "core/time_scale.h"
#include "core/time_ticks.h"
#include "core/timeline_groups.h"
#include "core/timeline_layout.h"
#include "core/visibility.h"

struct ImDrawList;

namespace nhsx {

class TimelineView {
 public:
  void setCorpus(const Corpus& c, int32_t today, const std::vector<uint8_t>* entityMask = nullptr,
                 TimelineGrouping grouping = TimelineGrouping::Kind);
  // Draws into the current ImGui window's remaining content region; what input asks for goes to `out`.
  // touchFingers: fingers down now (panning is left to the pinch from two). True while animating.
  bool draw(const Corpus& c, const AppState& s, ActionQueue& out, const Visibility& vis, int touchFingers);

  // A new corpus: nothing of the old one is kept, and the layout is built for the new one when the view
  // is next drawn (with the filters' mask: building it at load too cost a second build before the first
  // picture, and a start in another view does not need it).
  void forgetCorpus(int32_t today);

  void fitAll();
  void zoom(double factor);  // about the plot's centre
  // Pinch: zoom about screen x by factor, then pan by dx pixels.
  void pinch(double factor, float screenX, float dx);
  // Screen position of an entity's item (for tests driving the page); false when not drawn.
  bool itemScreenPos(const AppState& s, uint32_t entity, float& x, float& y) const;
  // The item labels drawn in the last frame (screen pixels, as clipped to the lanes).
  void drawnLabels(const Corpus& c, std::vector<DrawnLabel>& out) const;
  // Panels drawn over the view (the story card), screen pixels: no label is drawn half under one.
  void setOverlays(std::vector<ScreenRect> rects) { overlays_ = std::move(rects); }
  // The view's floating controls in the last frame, screen pixels; false when hidden.
  bool toolsRect(ScreenRect& r) const { r = tools_; return tools_.w > 0; }
  // The plot (axis and lanes) in the last frame, screen pixels.
  ScreenRect plotRect() const { return plotRect_; }

 private:
  void drawToolbar(const AppState& s, ActionQueue& out);
  void drawAxis(ImDrawList* dl, const AppState& s, float x0, float y0, float h);
  void drawLanes(ImDrawList* dl, const Corpus& c, const AppState& s, float x0, float y0, float h);
  void drawLaneHeader(ImDrawList* dl, int lane, float x0, float ly);
  void drawLinks(ImDrawList* dl, float x0, float top);
  void drawItem(ImDrawList* dl, const Corpus& c, const PlacedItem& p, bool selected, float x0, float y0);
  void handleInput(const Corpus& c, const AppState& s, ActionQueue& out, bool hovered, float x0, float y0, float h,
                   int touchFingers);
  void followSelection(const AppState& s, float lanesHeight);
  void ensureLabelWidths(const Corpus& c);
  void updateChips(const Corpus& c, float width);
  void drawUndatedStrip(ImDrawList* dl, const Corpus& c, const AppState& s, float x0, float top);
  float stripTop() const { return layout_.totalHeight(); }  // lane content y of the "dates unknown" strip
  float chipsTop() const { return stripTop() + layout_.style().laneHeaderHeight + 4.f; }
  uint32_t colourOf(const Corpus& c, const TimelineItem& it) const;

  TimelineLayout layout_;
  TimeScale scale_;
  TickSet ticks_;
  std::vector<uint32_t> visible_;
  std::vector<PlacedItem> placed_;
  struct Drawn {
    uint32_t item = 0;
    float x = 0, y = 0, w = 0, h = 0;
    bool elided = false;
    std::string text;  // when elided; else the item's label (or short label) as is
    bool useShort = false;
  };
  std::vector<Drawn> drawn_;  // labels drawn this frame
  ScreenRect tools_;
  std::vector<ScreenRect> overlays_;  // the story card, last frame          // the floating controls this frame: the axis's labels keep clear of them
  ScreenRect plotRect_;
  std::vector<float> labelWidths_;
  std::vector<float> shortWidths_;  // of the items' short labels, 0 where none
  // The "dates unknown" strip below the lanes: what has no date and nothing dated to infer one from.
  std::vector<Chip> chips_;
  std::vector<float> undatedWidths_;
  float chipsForWidth_ = -1, chipsHeight_ = 0;
  int hoveredChip_ = -1;
  std::vector<uint32_t> density_;
  float labelFontSize_ = 0;
  float scrollY_ = 0;
  float plotX_ = 0, lanesY_ = 0;  // screen origin of the plot's x = 0 and of lane content y = 0
  int32_t today_ = 0;
  int hovered_ = -1;
  int lastSelected_ = -2;
  int followFrames_ = 0;  // frames left to keep a new selection in view while the rows repack for a new zoom
  uint64_t requestSerial_ = 0;  // the last window request shown
  bool dragging_ = false, draggingCursor_ = false;
  bool fitted_ = false;
  uint32_t corpusItems_ = UINT32_MAX;
  uint64_t filterVersion_ = 0;
  bool byBody_ = false;  // the lanes were built organised by body
  const Corpus* corpus_ = nullptr;
};

}  // namespace nhsx
