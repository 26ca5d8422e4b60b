// The relationship view: entities as nodes, relations as directed edges, laid out by the core's force
// layout and drawn by the project's WebGL2 renderer; labels, legend and tooltips by Dear ImGui on top.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/graph_layout.h"
#include "core/paths.h"
#include "core/visibility.h"
#include "core/spatial_index.h"
#include "core/view_cache.h"
#include "render/graph_renderer.h"

struct ImDrawCmd;
struct ImDrawList;
struct ImVec2;

namespace nhsx {

enum class GraphLayoutMode : uint8_t { Force, Radial, Time };

class GraphView {
 public:
  // GL resources: call once the context exists (and again after a context loss). They are made when
  // the view is first drawn, so a page that opens on another view does not wait for these shaders; a
  // failure is shown in the view.
  void resetRenderer() {
    builtKey_ = SceneKey{};  // instances go to the new buffers on the next frame
    overlayKey_ = {};
    rendererPending_ = true;
  }
  // Rebuilds the graph and restarts the layout when the corpus changes.
  void setCorpus(const Corpus& c);
  // Draws into the current ImGui window's remaining content region. True while it is animating.
  // Shows what `vis` lets through (entityAt/relationAt) and highlights `paths` (may be empty; its
  // version changes whenever they do).
  bool draw(const Corpus& c, AppState& s, const Visibility& vis, const std::vector<Path>& paths, uint64_t pathsVersion);

  void fitAll();
  // Pinch: zoom about a screen point by factor, then pan by (dx, dy) pixels.
  void pinch(double factor, float screenX, float screenY, float dx, float dy);
  const ForceLayout& layout() const { return layout_; }
  // Screen position of a node's centre (for tests driving the page through explorer.nodeScreen).
  bool nodeScreenPos(uint32_t node, float& x, float& y) const;

 private:
  static void renderCallback(const ImDrawList* list, const ImDrawCmd* cmd);
  void showPicture(int x, int y, int w, int h, ImVec2 scale, const GraphDrawStyle& style);
  void applyLayoutMode(const Corpus& c, const AppState& s);
  void handleInput(const Corpus& c, AppState& s, bool hovered);
  bool buildInstances(const Corpus& c, const AppState& s);  // true when any instance changed
  void buildOverlay(const Corpus& c, const AppState& s);
  bool updateCache(bool sceneChanged);  // picks cacheUse_; true while a sharper frame is owed
  NodeInstance nodeInstance(const Corpus& c, const AppState& s, uint32_t node) const;
  // lit: touching the hovered node (drawn again, stronger, in the hover overlay).
  EdgeInstance edgeInstance(const Corpus& c, const AppState& s, uint32_t relation, bool lit = false) const;
  void drawLabels(const Corpus& c, const AppState& s);
  void drawLegend();
  void drawContextMenu(const Corpus& c, AppState& s);
  void drawToolbar(const Corpus& c, AppState& s);
  float worldToScreenX(float x) const { return originX_ + width_ * 0.5f + (x - cam_.centreX) * cam_.scale; }
  float worldToScreenY(float y) const { return originY_ + height_ * 0.5f + (y - cam_.centreY) * cam_.scale; }
  float screenToWorldX(float x) const { return (x - originX_ - width_ * 0.5f) / cam_.scale + cam_.centreX; }
  float screenToWorldY(float y) const { return (y - originY_ - height_ * 0.5f) / cam_.scale + cam_.centreY; }
  void fitNodes(const std::vector<uint32_t>& nodes);
  void computeFocus(const AppState& s);
  void applyVisibility(const Corpus& c, const Visibility& vis);
  void markPaths(const std::vector<Path>& paths, uint64_t version);
  std::string_view labelOf(const Corpus& c, const AppState& s, uint32_t node) const;

  Graph graph_;
  ForceLayout layout_;
  SpatialIndex index_;
  GraphRenderer renderer_;
  // The hovered node, its neighbours and its relations, drawn again over the scene (or its cached
  // picture) with rings and stronger edges: a hover costs a few items, not a redraw of every node.
  GraphRenderer overlay_;
  std::vector<NodeInstance> overlayNodes_;
  std::vector<EdgeInstance> overlayEdges_;
  struct OverlayKey {
    uint64_t scene = UINT64_MAX;
    int hovered = -2;
    bool operator==(const OverlayKey& o) const { return scene == o.scene && hovered == o.hovered; }
  } overlayKey_;
  uint64_t sceneVersion_ = 0;  // bumped whenever the scene's instances are rebuilt
  Camera2D cam_;
  std::vector<float> radius_;       // world radius per node (by degree)
  std::vector<float> fixedX_, fixedY_;  // radial / time layout positions
  std::vector<uint32_t> degree_;
  std::vector<uint32_t> adjStart_, adj_;  // undirected neighbours, compressed rows
  std::vector<uint8_t> dimmed_;     // per node: outside the focus
  std::vector<uint8_t> hidden_;     // per node: filtered out or not existing at the "as of" date
  std::vector<uint8_t> edgeHidden_;  // per relation
  std::vector<uint8_t> hiddenPinned_;  // per node: pinned by us while hidden (not by a drag)
  std::vector<uint8_t> onPath_;     // per node / relation: part of a highlighted path
  std::vector<uint8_t> edgeOnPath_;
  uint64_t visVersion_ = UINT64_MAX, pathsVersion_ = 0;
  std::vector<uint32_t> byDegree_;  // nodes, most relations first (label candidates)
  std::vector<int> hops_;           // per node: hops from the selection (-1 unreachable)
  std::vector<NodeInstance> nodes_;
  std::vector<EdgeInstance> edges_;
  GraphLayoutMode mode_ = GraphLayoutMode::Force;
  int focusHops_ = 0;               // 0: off; else fade what is further than this from the selection
  int showLegend_ = -1;             // -1: decide by width on the first frame
  int hovered_ = -1;
  int dragNode_ = -1;
  int contextNode_ = -1;            // the node whose context menu is open
  std::chrono::steady_clock::time_point pressStart_;  // when the left button (or finger) went down
  bool panning_ = false;
  bool needFit_ = true;
  bool cameraMoved_ = false;        // the user zoomed or panned: resizes keep their view
  // What the last instances were built from: rebuilt only when one of these changes (not on pan/zoom,
  // which only moves the camera uniform).
  struct SceneKey {
    uint64_t positions = UINT64_MAX;
    int selected = -2, focusHops = -1;
    int32_t asOf = 0;
    uint64_t vis = 0, paths = 0;
    bool operator==(const SceneKey& o) const {
      return positions == o.positions && selected == o.selected && focusHops == o.focusHops && asOf == o.asOf &&
             vis == o.vis && paths == o.paths;
    }
  };
  SceneKey builtKey_;
  uint64_t positionsVersion_ = 0;  // bumped whenever node positions change
  float meanEdgeLength_ = 0;       // world units, over the edges as last built (arrowhead level of detail)
  // The cached picture of the graph (core/view_cache.h): shown moved and scaled while only the camera
  // moves. What it was drawn with, and how this frame uses it.
  CacheUse cacheUse_ = CacheUse::Direct;
  bool cacheValid_ = false;
  Camera2D cacheCam_, lastCam_;
  int cacheMarginPx_ = 0, cacheViewW_ = 0, cacheViewH_ = 0;  // framebuffer pixels
  uint64_t cacheGeneration_ = 0;
  uint32_t cacheBackground_ = 0;
  double cameraMovedAt_ = -1e9;
  uint64_t indexedVersion_ = UINT64_MAX;
  int lastSelected_ = -2;
  GraphLayoutMode lastMode_ = GraphLayoutMode::Force;
  float originX_ = 0, originY_ = 0, width_ = 0, height_ = 0;  // view rectangle (ImGui coordinates)
  uint32_t corpusEntities_ = 0;
  bool rendererPending_ = false;
  std::string rendererError_;  // why the graph cannot be drawn (shown in the view)
};

}  // namespace nhsx
