// The relationship view's scene, free of any drawing library: the graph of entities and relations (from
// the corpus's own indices), its layout, what is hidden, dimmed or on a path, how each node and edge
// looks, where labels go, and what is under the pointer. The view draws exactly what this decides, so
// focus, styles, label collisions and picking are tested natively (the timeline's TimelineLayout is its
// counterpart).
//
// Coordinates: world units are the layout's; screen coordinates are pixels from the view's top-left,
// through a Camera2D.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/app_state.h"
#include "core/camera2d.h"
#include "core/compare.h"
#include "core/corpus.h"
#include "core/graph_layout.h"
#include "core/paths.h"
#include "core/spatial_index.h"
#include "core/theme_colour_map.h"
#include "core/visibility.h"

namespace nhsx {

enum class GraphLayoutMode : uint8_t { Force, Radial, Time, Count };

// While two dates are compared: how a node stands between them. Only at the first: faded, its label
// struck through; only at the second: a wide ring, its label highlighted; renamed between them: one node
// (the new name's) labelled "old name → new name".
enum class CompareMark : uint8_t { None, FirstOnly, SecondOnly, Renamed };

// What the scene shows: the selection, how far its focus reaches and the "as of" date (names at it).
struct SceneFocus {
  int selection = -1;      // the selected entity, -1 for none
  int hops = 0;            // 0: off; else what is further than this from the selection is dimmed
  int32_t asOf = kNoDay;
};

// One placed label. Boxes include their padding; text starts at (textX, textY); all in screen pixels.
struct GraphLabel {
  uint32_t node = 0;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the box
  float textX = 0, textY = 0;
  bool strong = false;     // the selection, the hovered node or a neighbour of the selection
  bool dimmed = false;     // outside the focus
  bool displaced = false;  // not beside its node (no room there): drawn with a leader line to it
  CompareMark mark = CompareMark::None;  // while comparing: struck (first only), highlighted (second only)
};

struct LabelOptions {
  float minNodePx = 3.f;       // nodes are never drawn smaller (the renderer's minRadiusPx)
  float minLabelledPx = 5.f;   // ordinary nodes drawn smaller than this get no label
  size_t maxOrdinary = 250;    // labels beyond the selection, hovered node and neighbours
  size_t maxCandidates = 2000; // ordinary nodes looked at, most relations first
  size_t importantDisplaced = 8;  // the first this many of them may be displaced a little when crowded
  float gapPx = 2.f;           // between a node and its label
  float padX = 2.f, padY = 1.f;  // around the text, inside the box
  // Screen rectangles no label may meet (the legend, panels over the view): x0, y0, x1, y1 each.
  std::vector<std::array<float, 4>> avoid;
};

// Measures a label's text (w, h in pixels) as it will be drawn.
using MeasureText = std::function<void(std::string_view text, float& w, float& h)>;

class GraphScene {
 public:
  // ---- The graph. Nodes are the corpus's entities, edges its relations; neighbours and degrees come
  // from its CSR indices (outStart/outRel, inStart/inRel). Restarts the layout. The corpus must outlive
  // the scene's use of it (names are read from it).
  void setCorpus(const Corpus& c);
  uint32_t nodeCount() const { return n_; }
  uint32_t degree(uint32_t node) const { return degree_[node]; }
  float radius(uint32_t node) const { return radius_[node]; }  // world units, by degree
  // Calls f(neighbour) for each relation of the node, either direction (a neighbour joined by two
  // relations comes twice).
  template <class F>
  void forEachNeighbour(uint32_t node, F&& f) const {
    for (uint32_t k = c_->outStart[node]; k < c_->outStart[node + 1]; ++k) f(c_->relations[c_->outRel[k]].to);
    for (uint32_t k = c_->inStart[node]; k < c_->inStart[node + 1]; ++k) f(c_->relations[c_->inRel[k]].from);
  }
  // Each neighbour once, in ascending order, without the node itself.
  std::vector<uint32_t> neighbours(uint32_t node) const;

  // ---- Layout: forces (animated), the selection's neighbourhood, or by date.
  //
  // Around the selection (Radial): the selection at the centre, its shown neighbours on the two sides of
  // a ring round it with room for their labels (one above the other, each row as high as its label,
  // labels outward; a ring holds what fits in 600 px of height and the next ring stands beyond the widest
  // label of the one inside), ordered by relation family (structure, accountability, ...) and then by
  // number of relations, so each family is one run; everything further away on rings beyond, by hops. Label sizes come from setMeasure (about
  // 7 px a character when none is set); world units are pixels at scale 1.
  void setMode(GraphLayoutMode m) { mode_ = m; }
  void setMeasure(MeasureText m, float gapPx = 6.f) {
    measure_ = std::move(m);
    ringGap_ = gapPx;
    radialCentreOf_ = -2;  // laid out again with these sizes
  }
  // The world box the neighbourhood of the selection takes, labels included (for framing it).
  bool neighbourhoodBounds(float& x0, float& y0, float& x1, float& y1) const;
  GraphLayoutMode mode() const { return mode_; }
  // Brings positions up to date for this frame: a fixed layout is recomputed when the mode changes (the
  // rings also when the selection does); the force layout runs a bounded slice (almost to its end with
  // reduced motion). True while the layout still moves.
  bool advance(bool reducedMotion);
  const std::vector<float>& x() const { return mode_ == GraphLayoutMode::Force ? layout_.x() : fixedX_; }
  const std::vector<float>& y() const { return mode_ == GraphLayoutMode::Force ? layout_.y() : fixedY_; }
  uint64_t positionsVersion() const { return positionsVersion_; }
  const ForceLayout& forceLayout() const { return layout_; }
  // The picture is at rest: a fixed layout always, the force layout once settled.
  bool settled() const { return mode_ != GraphLayoutMode::Force || layout_.settled(); }
  // True once after the corpus or the layout mode changed: the picture should be fitted again.
  bool takeRefit();
  // A dragged node stays where it is put; in the force layout the others react, in a fixed one (around
  // the selection, by date) it alone moves, until that layout is made again.
  void drag(uint32_t node, float wx, float wy);
  bool pinnedByUser(uint32_t node) const { return layout_.pinned(node) && !hiddenPinned_[node]; }
  void letMove(uint32_t node);

  // ---- Clusters that mean something: organisations by type (government; national bodies, regulators and
  // commissioners; providers; the voluntary sector and membership bodies; others), everything else with
  // the cluster most of its organisation neighbours are in (none: the middle). The force layout pulls
  // each node towards its cluster's centre (centres round a circle), so the clusters lie apart.
  static constexpr int kClusterCount = 5;
  static const char* clusterName(int cluster);  // "government", ...
  static int clusterOfType(std::string_view organisationType);  // -1 when not one of the known types
  int cluster(uint32_t node) const { return node < n_ ? cluster_[node] : -1; }

  // ---- Folding. A part (kind `part`) belongs, through its `part-of` relations, to the first thing that
  // is not a part (a document, programme or partnership): its fold root. With parts folded, a part is
  // hidden unless its root is expanded; themes are hidden unless shown. The selection is never folded
  // away: selecting a folded part expands its root, a theme selected is shown. Off by default (the view
  // turns it on for its opening picture).
  void setFolding(bool foldParts, bool showThemes);
  bool foldingParts() const { return foldParts_; }
  bool showingThemes() const { return showThemes_; }
  void expand(uint32_t root, bool open);  // its parts shown (true) or folded again
  void expandAll(bool open);              // every root; and parts folded (false) or not by default
  bool expanded(uint32_t root) const { return root < n_ && expanded_[root] != 0; }
  int foldRoot(uint32_t node) const { return node < n_ ? foldRoot_[node] : -1; }
  uint32_t partCount(uint32_t root) const { return root < n_ ? partCount_[root] : 0; }
  // Parts folded into the node now (its badge): 0 when expanded, folding is off or it has none.
  uint32_t foldedCount(uint32_t root) const { return foldParts_ && root < n_ && !expanded_[root] ? partCount_[root] : 0; }
  bool folded(uint32_t node) const;  // hidden by folding (not by the filters)

  // ---- Masks. Hidden nodes (filtered out, or not existing at the "as of" date) stay in the simulation as
  // pinned, chargeless points with no springs, so what is shown does not jump and a node reappears where
  // it was.
  void setVisibility(const Visibility& vis);
  void setPaths(const std::vector<Path>& paths, uint64_t version);
  uint64_t pathsVersion() const { return pathsVersion_; }
  // Hops from the selection are recomputed when it changes.
  void setFocus(const SceneFocus& f);
  const SceneFocus& focus() const { return focus_; }
  int hops(uint32_t node) const { return hops_[node]; }  // from the selection, -1 unreachable or none
  bool hidden(uint32_t node) const { return hidden_[node] != 0; }
  bool dimmed(uint32_t node) const;  // beyond the focus
  bool onPath(uint32_t node) const { return onPath_[node] != 0; }
  bool edgeHidden(uint32_t relation) const { return edgeHidden_[relation] != 0; }
  bool edgeOnPath(uint32_t relation) const { return edgeOnPath_[relation] != 0; }
  // While two dates are compared (the visibility's comparison): each node's mark; None otherwise.
  CompareMark compareMark(uint32_t node) const { return node < mark_.size() ? mark_[node] : CompareMark::None; }
  bool comparing() const { return comparing_; }
  // Shown nodes within `hops` of the selection (for "fit selection").
  std::vector<uint32_t> nodesNearSelection(int hops) const;

  // ---- Colour: by kind (the default) or by theme. Each node's theme and colour index are decided once
  // per corpus (core/theme_colour_map.h); the colouring picks which fill nodeStyle uses.
  void setColouring(NodeColouring c) { colouring_ = c; }
  NodeColouring colouring() const { return colouring_; }
  const ThemeColourMap& themeMap() const { return themeMap_; }
  int themeColourIndex(uint32_t node) const { return node < themeMap_.colour.size() ? themeMap_.colour[node] : ThemeColourMap::kNone; }
  // The node's fill in the current colouring, before dimming and marks (0xAABBGGRR).
  uint32_t fill(uint32_t node) const;

  // ---- Styles.
  NodeInstance nodeStyle(uint32_t node) const;
  // lit: touching the hovered node (drawn again, stronger, in the hover overlay).
  EdgeInstance edgeStyle(uint32_t relation, bool lit = false) const;
  // Rebuilds nodes() and edges() when positions, focus, visibility or paths changed; true when it did.
  // The selection is drawn last (on top): nodes() has it once more at the end.
  bool build();
  const std::vector<NodeInstance>& nodes() const { return nodes_; }
  const std::vector<EdgeInstance>& edges() const { return edges_; }
  uint64_t version() const { return sceneVersion_; }  // bumped by every rebuild
  float meanEdgeLength() const { return meanEdgeLength_; }  // world units, over the edges as built
  // Level of detail at this camera: thousands of edges draw fainter, so structure shows instead of a blot;
  // nodes never shrink below a few pixels (fewer on huge graphs); arrowheads only where the typical edge
  // is long enough on screen to show one (zoomed out on a dense graph they are specks, and their pass
  // costs as much as the edges themselves in software WebGL).
  GraphDrawStyle drawStyle(const Camera2D& cam) const;
  // The hover overlay: the hovered node's relations, its neighbours (once each) with a ring, and itself
  // a little larger. True when it changed.
  bool buildOverlay(int hovered);
  const std::vector<NodeInstance>& overlayNodes() const { return overlayNodes_; }
  const std::vector<EdgeInstance>& overlayEdges() const { return overlayEdges_; }

  // ---- Labels. The entity's name, or at the "as of" date the name it had then; while comparing, a body
  // renamed between the dates as "old name → new name".
  std::string_view labelOf(uint32_t node) const;
  // Places labels by importance: the selection, the hovered node, the selection's neighbours (by number
  // of relations), then other shown, undimmed nodes in view by number of relations while they are drawn
  // large enough. A label goes in the view, beside its node (below, above, right, left, then the corners)
  // where its box meets no other label and no other node's drawn shape; ordinary labels with no room are
  // left out, but for the most connected few, which may go a little further out (displaced, with a
  // leader line). The selection, the hovered node and the selection's neighbours whose centres are in view
  // are always labelled: with no room beside them, further out in the view (displaced, with a leader
  // line), and with no room in the view at all, below everything drawn.
  void placeLabels(const Camera2D& cam, int hovered, const MeasureText& measure, const LabelOptions& opt,
                   std::vector<GraphLabel>& out) const;
  // The screen box a node's drawn shape covers (what labels keep clear of).
  void nodeBox(const Camera2D& cam, uint32_t node, float minNodePx, float& x0, float& y0, float& x1, float& y1) const;

  // ---- Picking: the shown node whose disc is under the screen point, else the nearest whose edge is
  // within slopPx (small nodes get a few pixels of grace); -1 for none.
  int pick(const Camera2D& cam, float sx, float sy, float slopPx = 6.f) const;
  // Screen position of a shown node's centre; false when hidden or out of range.
  bool screenPos(const Camera2D& cam, uint32_t node, float& sx, float& sy) const;
  // World box of the given nodes (all shown nodes when empty); false when there are none.
  bool bounds(const std::vector<uint32_t>& nodes, float& x0, float& y0, float& x1, float& y1) const;

 private:
  void applyLayoutMode();
  void layoutNeighbourhood(uint32_t centre);
  void labelSize(uint32_t node, float& w, float& h) const;  // its label's box at scale 1
  float reach(uint32_t node) const;  // how far its drawn shape reaches from its centre, at scale 1
  void computeHops();
  void applyMasks();  // hidden_ and edgeHidden_ from the filters' masks and the folding
  void bundleParallelEdges();  // parallel relations drawn as one line (build)
  void setComparison(const Comparison* cmp);  // marks and labels of two dates compared (null: none)
  const SpatialIndex& index() const;
  // Whether a label box meets a node's drawn shape other than `own`'s, or a label placed before.
  struct Placement;
  bool boxFree(Placement& p, float x0, float y0, float x1, float y1, uint32_t own) const;

  const Corpus* c_ = nullptr;
  uint32_t n_ = 0;
  Graph graph_;  // edges and weights for the layouts
  ForceLayout layout_;
  GraphLayoutMode mode_ = GraphLayoutMode::Force, laidOut_ = GraphLayoutMode::Force;
  int radialCentreOf_ = -2;  // the selection the rings were laid out around
  uint64_t radialMasks_ = UINT64_MAX;  // and the masks then (what is shown decides who is on them)
  bool refit_ = true;
  std::vector<float> fixedX_, fixedY_;
  MeasureText measure_;
  std::vector<int8_t> side_;  // around the selection: a neighbour's label goes right (1) or left (-1)
  float ringGap_ = 6.f;
  std::vector<uint32_t> degree_;
  std::vector<float> radius_;
  float maxRadius_ = 0;
  std::vector<uint32_t> byDegree_;  // nodes, most relations first (label candidates)
  std::vector<uint8_t> hidden_, edgeHidden_, hiddenPinned_, onPath_, edgeOnPath_, dimmed_;
  std::vector<int> hops_;
  std::vector<uint8_t> visEntity_, visRelation_;  // the filters' masks (all shown until set)
  std::vector<CompareMark> mark_;           // while comparing (empty when not)
  std::vector<std::string> compareLabel_;   // "old → new" for CompareMark::Renamed, else empty
  std::vector<uint8_t> edgeFirstOnly_, edgeSecondOnly_;  // relations in force at only one of the dates
  bool comparing_ = false;
  std::vector<int> foldRoot_;
  std::vector<int> cluster_;
  std::vector<uint32_t> partCount_;
  std::vector<uint8_t> expanded_;
  bool foldParts_ = false, showThemes_ = true;
  ThemeColourMap themeMap_;
  NodeColouring colouring_ = NodeColouring::Kind;
  uint64_t maskVersion_ = 0;  // bumped when hidden_ changes
  SceneFocus focus_;
  int hopsOf_ = -2;  // the selection hops_ were computed from
  uint64_t visVersion_ = UINT64_MAX, pathsVersion_ = UINT64_MAX;
  uint64_t positionsVersion_ = 0;
  // The picking index over shown nodes, rebuilt lazily when positions change.
  mutable SpatialIndex index_;
  mutable uint64_t indexedVersion_ = UINT64_MAX;
  mutable std::vector<float> indexRadius_;
  mutable std::vector<uint32_t> near_;

  // What the instances were built from: rebuilt only when one of these changes (not on pan or zoom,
  // which only move the camera).
  struct BuildKey {
    uint64_t positions = UINT64_MAX;
    int selection = -2, hops = -1;
    int32_t asOf = 0;
    uint64_t vis = 0, paths = 0, masks = 0;
    NodeColouring colouring = NodeColouring::Kind;
    bool operator==(const BuildKey& o) const {
      return positions == o.positions && selection == o.selection && hops == o.hops && asOf == o.asOf &&
             vis == o.vis && paths == o.paths && masks == o.masks && colouring == o.colouring;
    }
  } builtKey_;
  uint64_t sceneVersion_ = 0;
  std::vector<NodeInstance> nodes_;
  std::vector<EdgeInstance> edges_;
  float meanEdgeLength_ = 0;
  struct OverlayKey {
    uint64_t scene = UINT64_MAX;
    int hovered = -2;
    bool operator==(const OverlayKey& o) const { return scene == o.scene && hovered == o.hovered; }
  } overlayKey_;
  std::vector<NodeInstance> overlayNodes_;
  std::vector<EdgeInstance> overlayEdges_;
};

}  // namespace nhsx
