// The relationship view: a thin layer over core/graph_scene. Input becomes scene and camera calls; the
// scene's nodes, edges and labels become draws (the project's WebGL2 renderer for nodes and edges, Dear
// ImGui for labels, legend, tooltip and menus).
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/app_state.h"
#include "core/graph_scene.h"
#include "core/screen_info.h"
#include "core/view_cache.h"
#include "render/graph_renderer.h"
#include "ui/graph_legend.h"

struct ImDrawCmd;
struct ImDrawList;

namespace nhsx {

class GraphView {
 public:
  // GL resources: call once the context exists (and again after a context loss). They are made when
  // the view is first drawn, so a page that opens on another view does not wait for these shaders; a
  // failure is shown in the view.
  void resetRenderer() {
    uploadedScene_ = uploadedOverlay_ = UINT64_MAX;  // everything goes to the new buffers on the next frame
    rendererPending_ = true;
  }
  // Rebuilds the graph and restarts the layout when the corpus changes.
  void setCorpus(const Corpus& c);
  // Draws into the current ImGui window's remaining content region; what input asks for goes to `out`.
  // Shows what `vis` lets through (entityAt/relationAt) and highlights `paths` (may be empty; its
  // version changes whenever they do). True while it is animating.
  bool draw(const Corpus& c, const AppState& s, ActionQueue& out, const Visibility& vis, const std::vector<Path>& paths,
            uint64_t pathsVersion);
  uint64_t layoutIterations() const { return scene_.forceLayout().iterations(); }
  bool layoutSettled() const { return scene_.settled(); }

  // Pinch: zoom about a screen point by factor, then pan by (dx, dy) pixels.
  void pinch(double factor, float screenX, float screenY, float dx, float dy);
  // Screen position of a node's centre (for tests driving the page through explorer.entityScreenPos).
  bool nodeScreenPos(uint32_t node, float& x, float& y) const;
  // The labels drawn in the last frame, in screen (CSS) pixels.
  void drawnLabels(const Corpus& c, std::vector<DrawnLabel>& out) const;
  // The legend control's rectangle in the last frame (screen pixels); false when not shown.
  bool legendRect(ScreenRect& r) const;
  // The view's floating controls (fit, zoom, ...) in the last frame, screen pixels; false when hidden.
  bool toolsRect(ScreenRect& r) const { r = tools_; return tools_.w > 0; }
  // Panels drawn over the view (the story card), screen pixels: labels keep clear of them.
  void setOverlays(const std::vector<ScreenRect>& rects) {
    if (rects.size() != overlays_.size() ||
        !std::equal(rects.begin(), rects.end(), overlays_.begin(), [](const ScreenRect& a, const ScreenRect& b) {
          return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
        })) {
      overlays_ = rects;
      ++overlaysVersion_;
      if (!userMovedCamera_) needFit_ = true;  // the selection is framed in what the card leaves free
    }
  }
  // The picture's rectangle (below the view's toolbar) in the last frame.
  ScreenRect plotRect() const { return ScreenRect{originX_, originY_, cam_.viewW, cam_.viewH}; }

 private:
  static void renderCallback(const ImDrawList* list, const ImDrawCmd* cmd);
  static std::vector<LegendTheme> legendThemes(const Corpus& c, const ThemeColourMap& m);
  void handleInput(const Corpus& c, const AppState& s, ActionQueue& out, bool hovered);
  void drawContextMenu(const AppState& s, ActionQueue& out);
  // The rows of the popups a click opens (a node's right-click menu, the toolbar's Layout and Focus):
  // code of the deferred wasm module (tools/deferred-code.txt), called through deferredCall once open.
  void drawNodeMenu(const AppState& s, ActionQueue& out);
  void drawLayoutMenu();
  void drawFocusMenu(const AppState& s);
  void drawTooltip(const Corpus& c, const AppState& s);
  void drawToolbar(const Corpus& c, const AppState& s, ActionQueue& out);
  void drawLabels();
  void drawBadges();
  void drawOwnMarks(const Corpus& c);
  void followSelection(const AppState& s);
  void followStoryStep(const Corpus& c, const AppState& s);
  void frameNeighbourhood();
  void upload();
  void fit(const std::vector<uint32_t>& nodes);
  void cameraMoved() { needFit_ = false; userMovedCamera_ = true; }

  GraphScene scene_;
  GraphRenderer renderer_;
  // The hovered node, its neighbours and its relations, drawn again over the scene (or its cached
  // picture) with rings and stronger edges: a hover costs a few items, not a redraw of every node.
  GraphRenderer overlay_;
  uint64_t uploadedScene_ = UINT64_MAX, uploadedOverlay_ = UINT64_MAX, overlayVersion_ = 0;
  Camera2D cam_;
  PictureCache cache_;
  std::vector<GraphLabel> labels_;
  struct LabelKey {
    Camera2D cam;
    uint64_t scene = UINT64_MAX;
    int hovered = -2;
    float fontSize = 0;
    bool legendOpen = false;
    uint64_t overlays = 0;
    bool operator==(const LabelKey& o) const {
      return cam == o.cam && scene == o.scene && hovered == o.hovered && fontSize == o.fontSize && legendOpen == o.legendOpen &&
             overlays == o.overlays;
    }
  } labelKey_;
  int focusHops_ = 0;    // 0: off; else fade what is further than this from the selection
  int showLegend_ = 0;   // the legend control is open (the toolbar's button toggles it too)
  LegendChoices legend_;
  std::vector<ScreenRect> overlays_;
  ScreenRect tools_;  // the floating controls, last frame (labels keep clear of them too)
  uint64_t overlaysVersion_ = 0;
  bool legendShown_ = false;
  float legendX0_ = 0, legendY0_ = 0, legendX1_ = 0, legendY1_ = 0;  // view coordinates
  float measuredFont_ = 0;  // the font size the scene's label measure was set for
  int lastSelected_ = -2;
  int lastStory_ = -1, lastStoryStep_ = -1;
  bool autoAround_ = false;  // the layout went round the selection because it was selected (undone on clearing)
  int hovered_ = -1;
  int dragNode_ = -1;
  int contextNode_ = -1;  // the node whose context menu is open
  std::chrono::steady_clock::time_point pressStart_;  // when the left button (or finger) went down
  bool panning_ = false;
  bool needFit_ = true;
  bool userMovedCamera_ = false;  // the user zoomed or panned: resizes keep their view
  float originX_ = 0, originY_ = 0;  // the view's top-left (ImGui coordinates)
  bool rendererPending_ = false;
  std::string rendererError_;  // why the graph cannot be drawn (shown in the view)
};

}  // namespace nhsx
