#include "ui/graph_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/kind_style.h"
#include "render/imgui_renderer.h"
#include "core/story_place.h"
#include "ui/corner_tools.h"
#include "ui/deferred.h"
#include "ui/drag.h"
#include "ui/icons.h"
#include "ui/flow.h"
#include "ui/graph_legend.h"
#include "ui/theme.h"

namespace nhsx {

namespace {
constexpr float kDragSlopPx = 8.0f;       // a press that moves less than this is a click (fingers wobble)
constexpr float kLongPressSeconds = 0.7f;
constexpr float kZoomStep = 1.25f;        // buttons and keys
constexpr float kLabelWrapEm = 14.f;      // labels wrap at this many font sizes
constexpr ImU32 kNewMarkColour = IM_COL32(0, 140, 102, 255);  // the nodes' "new" ring (graph_node.frag)
}  // namespace

void GraphView::setCorpus(const Corpus& c) {
  // The opening picture: the mission's nouns, parts folded into what they belong to, themes left out
  // (they are a filter and a colour); the legend's choices show them.
  scene_.setFolding(!legend_.showParts, legend_.showThemes);
  scene_.setCorpus(c);
  legend_.themes = legendThemes(c, scene_.themeMap());
  lastSelected_ = -2;
  hovered_ = dragNode_ = -1;
  needFit_ = true;
  uploadedScene_ = uploadedOverlay_ = UINT64_MAX;
}

// The key of colour by theme: the named themes (most nodes first), then "other themes" (named in its
// tooltip) and "no theme".
std::vector<LegendTheme> GraphView::legendThemes(const Corpus& c, const ThemeColourMap& m) {
  auto packed = [](int colour) {
    const Rgba f = themeFill(colour);
    return rgba(f.r, f.g, f.b, f.a);
  };
  std::vector<LegendTheme> out;
  for (size_t k = 0; k < m.named.size(); ++k) {
    const Entity& e = c.entities[static_cast<size_t>(m.named[k])];
    out.push_back({e.name, e.id, packed(static_cast<int>(k)), m.named[k], "Show only this theme and what addresses it"});
  }
  std::string others;
  size_t otherThemes = 0;
  for (size_t i = 0; i < c.entities.size(); ++i) {
    if (c.entities[i].kind != Kind::Theme || m.colour[i] != ThemeColourMap::kOther) continue;
    others += (otherThemes++ % 3 == 0 ? "\n" : ", ") + c.entities[i].name;
  }
  if (otherThemes > 0)
    out.push_back({"other themes (" + std::to_string(otherThemes) + ")", "", packed(ThemeColourMap::kOther), -1,
                   "Themes without a colour of their own:" + others});
  out.push_back({"no theme", "", packed(ThemeColourMap::kNone), -1, ""});
  return out;
}

void GraphView::fit(const std::vector<uint32_t>& nodes) {
  float x0, y0, x1, y1;
  if (scene_.bounds(nodes, x0, y0, x1, y1)) cam_.fit(x0, y0, x1, y1);
}

void GraphView::pinch(double factor, float sx, float sy, float dx, float dy) {
  // The world point between the fingers stays between them, then follows their movement.
  cam_.zoomAt(static_cast<float>(factor), sx - originX_, sy - originY_);
  cam_.pan(dx, dy);
  cameraMoved();
  dragNode_ = -1;  // a pinch is not a drag
  panning_ = false;
}

bool GraphView::nodeScreenPos(uint32_t node, float& x, float& y) const {
  if (cam_.viewW <= 0 || !scene_.screenPos(cam_, node, x, y)) return false;
  x += originX_;
  y += originY_;
  return true;
}

// Selecting tells the story of that node: from the force picture, the layout goes round the selection
// (its neighbours on rings spaced by their labels, grouped by relation family), the rest fades, and the
// camera frames the neighbourhood; clearing the selection brings the force picture back. A layout
// chosen while something is selected is kept.
void GraphView::followSelection(const AppState& s) {
  if (s.selected == lastSelected_) return;
  const bool first = lastSelected_ == -2;
  lastSelected_ = s.selected;
  if (s.selected >= 0) {
    if (scene_.mode() == GraphLayoutMode::Force) {
      scene_.setMode(GraphLayoutMode::Radial);
      autoAround_ = true;
    }
    if (scene_.mode() == GraphLayoutMode::Radial) {
      if (focusHops_ == 0) focusHops_ = 1;
      needFit_ = true;
    }
  } else if (!first && autoAround_) {
    autoAround_ = false;
    if (scene_.mode() == GraphLayoutMode::Radial) scene_.setMode(GraphLayoutMode::Force);
    focusHops_ = 0;
    needFit_ = true;
  }
}

// A story step about parts ("Seven principles") shows them: the parts it focuses are unfolded from
// what they belong to.
void GraphView::followStoryStep(const Corpus& c, const AppState& s) {
  if (s.story == lastStory_ && s.storyStep == lastStoryStep_) return;
  lastStory_ = s.story;
  lastStoryStep_ = s.storyStep;
  if (s.story < 0 || static_cast<size_t>(s.story) >= c.stories.size()) return;
  const Story& st = c.stories[static_cast<size_t>(s.story)];
  if (s.storyStep < 0 || static_cast<size_t>(s.storyStep) >= st.steps.size()) return;
  bool opened = false;
  for (uint32_t e : st.steps[static_cast<size_t>(s.storyStep)].focus) {
    const int root = scene_.foldRoot(e);
    if (root >= 0 && static_cast<uint32_t>(root) != e && !scene_.expanded(static_cast<uint32_t>(root))) {
      scene_.expand(static_cast<uint32_t>(root), true);
      opened = true;
    }
  }
  if (opened) needFit_ = true;
}

void GraphView::frameNeighbourhood() {
  float x0, y0, x1, y1;
  if (!scene_.neighbourhoodBounds(x0, y0, x1, y1)) return fit({});
  // Framed in the part of the view a story card leaves free (all of it without a card).
  Rect free{0, 0, cam_.viewW, cam_.viewH};
  for (const ScreenRect& r : overlays_) free = freeRegion(free, Rect{r.x - originX_, r.y - originY_, r.w, r.h});
  if (free.w < cam_.viewW * 0.3f || free.h < cam_.viewH * 0.3f) free = Rect{0, 0, cam_.viewW, cam_.viewH};
  cam_.fitInto(x0, y0, x1, y1, free.x, free.y, free.w, free.h, 0.94f);
  cam_.scale = std::min(cam_.scale, 1.5f);
}

// The user's own items, ringed (the legend's "Your data"): under the labels, over the picture.
void GraphView::drawOwnMarks(const Corpus& c) {
  if (!legend_.own) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o(originX_, originY_);
  const float minPx = scene_.drawStyle(cam_).minRadiusPx;
  dl->PushClipRect(o, ImVec2(o.x + cam_.viewW, o.y + cam_.viewH), true);
  for (uint32_t i = 0; i < scene_.nodeCount() && i < c.entities.size(); ++i) {
    if (!c.entities[i].own || scene_.hidden(i)) continue;
    float x0, y0, x1, y1;
    scene_.nodeBox(cam_, i, minPx, x0, y0, x1, y1);
    if (x1 < 0 || y1 < 0 || x0 > cam_.viewW || y0 > cam_.viewH) continue;
    drawOwnRing(dl, o.x + (x0 + x1) * 0.5f, o.y + (y0 + y1) * 0.5f, std::max((x1 - x0) * 0.5f - 2.f, 2.f));
  }
  dl->PopClipRect();
}

// A count on each parent of folded parts: +N over its centre.
void GraphView::drawBadges() {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o(originX_, originY_);
  const float fs = ImGui::GetFontSize() * 0.8f;
  dl->PushClipRect(o, ImVec2(o.x + cam_.viewW, o.y + cam_.viewH), true);
  for (uint32_t i = 0; i < scene_.nodeCount(); ++i) {
    const uint32_t k = scene_.foldedCount(i);
    if (k == 0 || scene_.hidden(i)) continue;
    float sx, sy;
    if (!scene_.screenPos(cam_, i, sx, sy) || sx < -20 || sy < -20 || sx > cam_.viewW + 20 || sy > cam_.viewH + 20) continue;
    const std::string t = "+" + std::to_string(k);
    const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0.f, t.c_str());

    const ImVec2 c(o.x + sx, o.y + sy);  // on the node: labels keep clear of it
    dl->AddRectFilled(ImVec2(c.x - ts.x * 0.5f - 2, c.y - ts.y * 0.5f), ImVec2(c.x + ts.x * 0.5f + 2, c.y + ts.y * 0.5f),
                      palette().labelBgStrong, ts.y * 0.5f);
    dl->AddText(nullptr, fs, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), palette().text, t.c_str());
  }
  dl->PopClipRect();
}

void GraphView::drawnLabels(const Corpus& c, std::vector<DrawnLabel>& out) const {
  out.clear();
  for (const GraphLabel& l : labels_) {
    if (l.node >= c.entities.size()) continue;
    // Clipped to the view as drawn.
    const float x0 = std::max(l.x0, 0.f), y0 = std::max(l.y0, 0.f);
    const float x1 = std::min(l.x1, cam_.viewW), y1 = std::min(l.y1, cam_.viewH);
    if (x1 <= x0 || y1 <= y0) continue;
    out.push_back(DrawnLabel{c.entities[l.node].id, std::string(scene_.labelOf(l.node)), originX_ + x0, originY_ + y0,
                             x1 - x0, y1 - y0, false});
  }
}

bool GraphView::legendRect(ScreenRect& r) const {
  if (!legendShown_) return false;
  r = ScreenRect{originX_ + legendX0_, originY_ + legendY0_, legendX1_ - legendX0_, legendY1_ - legendY0_};
  return true;
}

// The graph's own controls float over the top-right corner of the picture as one compact row: layout
// and focus in small menus, fit, zoom, play through time, and the "as of" date with its clear button.
// An embed shows them once the reader asks for controls.
void GraphView::drawToolbar(const Corpus& c, const AppState& s, ActionQueue& out) {
  if (s.embed && !s.controlsShown) {
    if (tools_.w > 0) { tools_ = {}; ++overlaysVersion_; }
    return;
  }
  CornerTools tools;
  tools.begin("graph-tools");
  if (CornerTools::button("Layout \xe2\x96\xbe", "How the graph is laid out", false)) ImGui::OpenPopup("graph-layout");
  if (ImGui::BeginPopup("graph-layout")) {
    (this->*deferredCall(&GraphView::drawLayoutMenu))();  // ui/deferred.h
    ImGui::EndPopup();
  }
  if (CornerTools::button("Focus \xe2\x96\xbe", "Fade what is more than N hops from the selection")) ImGui::OpenPopup("graph-focus");
  if (ImGui::BeginPopup("graph-focus")) {
    (this->*deferredCall(&GraphView::drawFocusMenu))(s);  // ui/deferred.h
    ImGui::EndPopup();
  }
  if (CornerTools::button(ICON_FIT " Fit", "Fit everything")) { fit({}); needFit_ = false; }
  if (CornerTools::button(ICON_ZOOM_OUT, "Zoom out (-)")) cam_.zoom(1.f / kZoomStep);
  if (CornerTools::button(ICON_ZOOM_IN, "Zoom in (+)")) cam_.zoom(kZoomStep);
  if (CornerTools::button(s.playing ? ICON_PAUSE : ICON_PLAY, s.playing ? "Pause" : "Play through time"))
    out.push(act::TogglePlay{c.firstDay, c.lastDay});
  if (s.comparing()) {  // two dates compared: the union shown, marked (the legend says how)
    const std::string dates = isoDay(s.compareFirst) + " \xe2\x86\x92 " + isoDay(s.compareSecond);
    if (cam_.viewW >= 600.f) {  // a phone's row has no room for the dates: the button's tooltip says them
      ImGui::SameLine(0, 6.f);
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(dates.c_str());
    }
    if (CornerTools::button(ICON_CLOSE "##stop-compare", ("Stop comparing " + dates).c_str())) out.push(act::SetComparison{});
  } else if (s.asOf != kNoDay) {
    ImGui::SameLine(0, 6.f);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("as of %s", isoDay(s.asOf).c_str());
    if (CornerTools::button(ICON_CLOSE, "Show every date again")) out.push(act::SetAsOf{kNoDay, true});
  }
  tools.end();
  const ScreenRect r{tools.min().x, tools.min().y, tools.max().x - tools.min().x, tools.max().y - tools.min().y};
  if (r.x != tools_.x || r.y != tools_.y || r.w != tools_.w || r.h != tools_.h) {
    tools_ = r;
    ++overlaysVersion_;  // the labels are placed again, clear of the box
  }
}

void GraphView::handleInput(const Corpus& c, const AppState& s, ActionQueue& out, bool hovered) {
  ImGuiIO& io = ImGui::GetIO();
  const float mx = io.MousePos.x - originX_, my = io.MousePos.y - originY_;
  // Nothing is hovered while the background is dragged: the highlight would flicker across the nodes
  // passing under the pointer, and each change restyles the scene (no cached picture for that frame).
  const bool panDrag = panning_ && ImGui::IsMouseDown(ImGuiMouseButton_Left);
  hovered_ = hovered && !panDrag ? scene_.pick(cam_, mx, my) : -1;
  if (hovered_ != s.hovered) out.push(act::SetHover{hovered_});
  if (hovered && io.MouseWheel != 0.0f) {
    cam_.zoomAt(std::pow(1.15f, io.MouseWheel), mx, my);
    cameraMoved();
  }
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    dragNode_ = hovered_;
    panning_ = hovered_ < 0;
    pressStart_ = std::chrono::steady_clock::now();  // wall time: frame times stretch over idle gaps
  }
  if (dragMovedThisFrame(kDragSlopPx)) {
    if (dragNode_ >= 0) {
      scene_.drag(static_cast<uint32_t>(dragNode_), cam_.toWorldX(mx), cam_.toWorldY(my));
    } else if (panning_) {
      cam_.pan(io.MouseDelta.x, io.MouseDelta.y);
      cameraMoved();
    }
  }
  // A long press (touch) or a right click on a node opens its context menu.
  const double heldSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - pressStart_).count();
  const ImVec2 held = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.f);
  const bool stillPress = dragNode_ >= 0 && ImGui::IsMouseDown(ImGuiMouseButton_Left) && heldSeconds >= kLongPressSeconds &&
                          std::hypot(held.x, held.y) < kDragSlopPx;
  if (stillPress || (hovered && hovered_ >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Right))) {
    contextNode_ = stillPress ? dragNode_ : hovered_;
    dragNode_ = -1;
    panning_ = false;
    ImGui::OpenPopup("node-context");
  }
  // A double click on a node with parts shows them, or folds them again.
  if (hovered && hovered_ >= 0 && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) &&
      scene_.partCount(static_cast<uint32_t>(hovered_)) > 0)
    scene_.expand(static_cast<uint32_t>(hovered_), !scene_.expanded(static_cast<uint32_t>(hovered_)));
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
    const bool click = std::hypot(d.x, d.y) < kDragSlopPx;
    if (click && hovered && (dragNode_ >= 0 || panning_)) out.push(act::Select{dragNode_});  // empty space clears
    dragNode_ = -1;
    panning_ = false;
  }
  if (hovered && !io.WantTextInput) {
    const float step = 60.f;
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) cam_.zoom(kZoomStep);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) cam_.zoom(1.f / kZoomStep);
    if (s.story < 0 && ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) cam_.pan(step, 0);
    if (s.story < 0 && ImGui::IsKeyPressed(ImGuiKey_RightArrow)) cam_.pan(-step, 0);
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) cam_.pan(0, step);
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) cam_.pan(0, -step);
    if (ImGui::IsKeyPressed(ImGuiKey_F)) fit({});
  }
  drawContextMenu(s, out);
  drawTooltip(c, s);
}

void GraphView::drawTooltip(const Corpus& c, const AppState& s) {
  if (hovered_ < 0 || dragNode_ >= 0 || ImGui::IsPopupOpen("node-context")) return;
  const Entity& e = c.entities[static_cast<size_t>(hovered_)];
  ImGui::BeginTooltip();
  ImGui::PushStyleColor(ImGuiCol_Text, kindTextColour(e.kind));
  const std::string_view shown = scene_.labelOf(static_cast<uint32_t>(hovered_));
  ImGui::TextUnformatted(shown.data(), shown.data() + shown.size());
  ImGui::PopStyleColor();
  if (shown != e.name) ImGui::TextDisabled("on %s; later %s", isoDay(s.asOf).c_str(), e.name.c_str());
  if (s.colourByTheme) {  // which theme its colour is, and whether it has others
    const ThemeColourMap& m = scene_.themeMap();
    const int t = m.theme[static_cast<size_t>(hovered_)];
    const uint32_t more = m.themesOf[static_cast<size_t>(hovered_)] > 0 ? m.themesOf[static_cast<size_t>(hovered_)] - 1 : 0;
    if (t < 0) ImGui::TextDisabled("no theme");
    else if (more == 0) ImGui::TextDisabled("theme: %s", c.entities[static_cast<size_t>(t)].name.c_str());
    else ImGui::TextDisabled("theme: %s (and %u more)", c.entities[static_cast<size_t>(t)].name.c_str(), more);
  }
  ImGui::TextDisabled("%s \xc2\xb7 %s \xc2\xb7 %u relations", std::string(kindName(e.kind)).c_str(), e.type.c_str(),
                      scene_.degree(static_cast<uint32_t>(hovered_)));
  if (e.date.present()) ImGui::Text("%s (%s)", formatUk(e.date.value).c_str(), describePrecision(e.date.value).c_str());
  ImGui::EndTooltip();
}

void GraphView::drawContextMenu(const AppState& s, ActionQueue& out) {
  const bool open = ImGui::BeginPopup("node-context");
  if ((open ? contextNode_ : -1) != s.contextEntity) out.push(act::SetContextMenu{open ? contextNode_ : -1});
  if (!open) return;
  (this->*deferredCall(&GraphView::drawNodeMenu))(s, out);  // ui/deferred.h
  ImGui::EndPopup();
}

void GraphView::drawNodeMenu(const AppState& s, ActionQueue& out) {
  if (contextNode_ >= 0 && static_cast<uint32_t>(contextNode_) < scene_.nodeCount()) {
    const uint32_t n = static_cast<uint32_t>(contextNode_);
    ImGui::TextUnformatted(std::string(scene_.labelOf(n)).c_str());
    ImGui::Separator();
    if (ImGui::MenuItem("Select and show details")) out.push(act::Select{contextNode_});
    if (ImGui::MenuItem("Focus on its neighbours")) { out.push(act::Select{contextNode_}); focusHops_ = 1; }
    if (const uint32_t parts = scene_.partCount(n); parts > 0) {
      const std::string what = scene_.expanded(n) ? "Fold its " + std::to_string(parts) + " parts into it"
                                                  : "Show its " + std::to_string(parts) + " parts";
      if (ImGui::MenuItem(what.c_str())) scene_.expand(n, !scene_.expanded(n));
    }
    if (scene_.foldRoot(n) >= 0 && ImGui::MenuItem("Fold into what it is part of")) {
      scene_.expand(static_cast<uint32_t>(scene_.foldRoot(n)), false);
      if (s.selected == contextNode_) out.push(act::Select{scene_.foldRoot(n)});
    }
    if (s.selected >= 0 && s.selected != contextNode_ && ImGui::MenuItem("Connections from the selection to here"))
      out.push(act::SetPathTarget{contextNode_});
    if (scene_.pinnedByUser(n) && ImGui::MenuItem("Let it move again")) scene_.letMove(n);
  }
}

void GraphView::drawLayoutMenu() {
  const char* modes[] = {"Forces", "Around selection", "By date"};
  for (int m = 0; m < 3; ++m)
    if (ImGui::RadioButton(modes[m], scene_.mode() == static_cast<GraphLayoutMode>(m))) scene_.setMode(static_cast<GraphLayoutMode>(m));
  ImGui::Separator();
  bool legend = showLegend_ > 0;
  if (ImGui::Checkbox("Legend", &legend)) showLegend_ = legend ? 1 : 0;
  if (scene_.mode() == GraphLayoutMode::Force)
    ImGui::TextDisabled("%s", scene_.forceLayout().settled() ? "layout settled" : "laying out\xe2\x80\xa6");
}

void GraphView::drawFocusMenu(const AppState& s) {
  const char* focus[] = {"Everything", "1 hop", "2 hops", "3 hops"};
  for (int h = 0; h < 4; ++h)
    if (ImGui::RadioButton(focus[h], focusHops_ == h)) focusHops_ = h;
  ImGui::Separator();
  ImGui::BeginDisabled(s.selected < 0);
  if (ImGui::MenuItem("Fit the selection")) { fit(scene_.nodesNearSelection(1)); needFit_ = false; }
  ImGui::EndDisabled();
}

// The scene's nodes and edges to the renderers, when they changed.
void GraphView::upload() {
  if (uploadedScene_ != scene_.version()) {
    renderer_.setNodes(scene_.nodes());
    renderer_.setEdges(scene_.edges());
    uploadedScene_ = scene_.version();
  }
  if (scene_.buildOverlay(hovered_)) ++overlayVersion_;
  if (uploadedOverlay_ != overlayVersion_) {
    overlay_.setNodes(scene_.overlayNodes());
    overlay_.setEdges(scene_.overlayEdges());
    uploadedOverlay_ = overlayVersion_;
  }
}

void GraphView::renderCallback(const ImDrawList*, const ImDrawCmd* cmd) {
  GraphView* v = static_cast<GraphView*>(cmd->UserCallbackData);
  const ImDrawData* dd = ImGui::GetDrawData();
  const ImVec2 scale = dd->FramebufferScale;
  const float fbHeight = dd->DisplaySize.y * scale.y;
  const int x = static_cast<int>((v->originX_ - dd->DisplayPos.x) * scale.x);
  const int y = static_cast<int>(fbHeight - (v->originY_ + v->cam_.viewH - dd->DisplayPos.y) * scale.y);
  GraphDrawStyle style = v->scene_.drawStyle(v->cam_);
  const int w = static_cast<int>(v->cam_.viewW * scale.x), h = static_cast<int>(v->cam_.viewH * scale.y);
  const PictureCache& cache = v->cache_;
  if (cache.use() == CacheUse::Direct) {
    v->renderer_.draw(x, y, w, h, v->cam_, scale.x, style);
  } else {  // the cached picture (made anew first if due), where the current camera puts it
    if (cache.use() == CacheUse::Rerender) v->renderer_.renderCache(cache.camera(), scale.x, style, cache.background());
    float x0, y0, x1, y1;
    cache.placement(v->cam_, x, y, scale.x, x0, y0, x1, y1);
    v->renderer_.showCache(x0, y0, x1, y1, x, y, w, h);
  }
  style.edgeOpacity = 1.f;  // the hovered node's relations at full strength over the faint crowd
  v->overlay_.draw(x, y, w, h, v->cam_, scale.x, style);
}

void GraphView::drawLabels() {
  const float fs = ImGui::GetFontSize();
  const LabelKey key{cam_, scene_.version(), hovered_, fs, showLegend_ != 0, overlaysVersion_};
  // The legend control's corner, which no label may meet.
  LegendChoices shown = legend_;
  shown.open = showLegend_ != 0;
  shown.comparing = scene_.comparing();
  graphLegendRect(shown, 0, 0, cam_.viewW, cam_.viewH, legendX0_, legendY0_, legendX1_, legendY1_);
  if (!(key == labelKey_)) {
    labelKey_ = key;
    LabelOptions opt;
    opt.minNodePx = scene_.drawStyle(cam_).minRadiusPx;
    opt.avoid.push_back({legendX0_, legendY0_, legendX1_, legendY1_});
    for (const ScreenRect& r : overlays_)  // panels over the view, in view coordinates
      opt.avoid.push_back({r.x - originX_, r.y - originY_, r.x - originX_ + r.w, r.y - originY_ + r.h});
    if (tools_.w > 0) opt.avoid.push_back({tools_.x - originX_, tools_.y - originY_, tools_.x - originX_ + tools_.w, tools_.y - originY_ + tools_.h});
    scene_.placeLabels(cam_, hovered_, [&](std::string_view t, float& w, float& h) {
      const ImVec2 ts = ImGui::CalcTextSize(t.data(), t.data() + t.size(), false, fs * kLabelWrapEm);
      w = ts.x;
      h = ts.y;
    }, opt, labels_);
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o(originX_, originY_);
  dl->PushClipRect(o, ImVec2(o.x + cam_.viewW, o.y + cam_.viewH), true);
  for (const GraphLabel& l : labels_) {
    const bool seen = l.x1 > 0 && l.y1 > 0 && l.x0 < cam_.viewW && l.y0 < cam_.viewH;
    if (!seen) continue;  // below everything drawn, out of view: no leader line across the picture to it
    if (l.displaced) {  // a leader line from the node to the nearest point of its label
      float sx = 0, sy = 0;
      scene_.screenPos(cam_, l.node, sx, sy);
      const ImVec2 to(std::clamp(sx, l.x0, l.x1), std::clamp(sy, l.y0, l.y1));
      dl->AddLine(ImVec2(o.x + sx, o.y + sy), ImVec2(o.x + to.x, o.y + to.y), palette().muted, 1.f);
    }
    dl->AddRectFilled(ImVec2(o.x + l.x0, o.y + l.y0), ImVec2(o.x + l.x1, o.y + l.y1),
                      l.strong ? palette().labelBgStrong : palette().labelBg, 3.f);
    const std::string_view name = scene_.labelOf(l.node);
    const bool struck = l.mark == CompareMark::FirstOnly;
    dl->AddText(nullptr, 0.f, ImVec2(o.x + l.textX, o.y + l.textY), l.dimmed || struck ? palette().muted : palette().text,
                name.data(), name.data() + name.size(), fs * kLabelWrapEm);
    // Two dates compared: a line through what was only at the first, a ring round what is new at the second.
    if (struck) {
      const float w = std::min(l.x1 - l.textX, ImGui::CalcTextSize(name.data(), name.data() + name.size(), false, fs * kLabelWrapEm).x);
      for (float y = l.textY + fs * 0.55f; y < l.y1 - 1.f; y += fs) dl->AddLine(ImVec2(o.x + l.textX, o.y + y), ImVec2(o.x + l.textX + w, o.y + y), palette().muted, 1.5f);
    } else if (l.mark == CompareMark::SecondOnly || l.mark == CompareMark::Renamed) {
      dl->AddRect(ImVec2(o.x + l.x0, o.y + l.y0), ImVec2(o.x + l.x1, o.y + l.y1), kNewMarkColour, 3.f, 0, 2.f);
    }
  }
  dl->PopClipRect();
}

bool GraphView::draw(const Corpus& c, const AppState& s, ActionQueue& out, const Visibility& vis, const std::vector<Path>& paths,
                     uint64_t pathsVersion) {
  if (std::exchange(rendererPending_, false)) {  // GL objects made when first drawn
    rendererError_.clear();
    if (!renderer_.init(rendererError_) || !overlay_.init(rendererError_)) std::fprintf(stderr, "graph renderer: %s\n", rendererError_.c_str());
  }
  if (!rendererError_.empty()) {
    ImGui::TextWrapped("The relationship view cannot be drawn on this device: %s", rendererError_.c_str());
    return false;
  }
  if (scene_.nodeCount() != c.entities.size()) setCorpus(c);
  scene_.setVisibility(vis);
  scene_.setPaths(paths, pathsVersion);
  drawToolbar(c, s, out);
  followStoryStep(c, s);
  followSelection(s);
  scene_.setFocus(SceneFocus{s.selected, focusHops_, s.asOf});
  scene_.setColouring(s.colourByTheme ? NodeColouring::Theme : NodeColouring::Kind);
  legend_.byTheme = s.colourByTheme;  // the legend's rows follow it (before the labels keep clear of it)
  legend_.filteredTheme = s.filter.themes.size() == 1 ? c.findEntity(*s.filter.themes.begin()) : -1;
  if (const float fs = ImGui::GetFontSize(); fs != measuredFont_) {  // neighbourhood rings are spaced by label size
    measuredFont_ = fs;
    scene_.setMeasure([fs](std::string_view t, float& w, float& h) {
      const ImVec2 ts = ImGui::CalcTextSize(t.data(), t.data() + t.size(), false, fs * kLabelWrapEm);
      w = ts.x;
      h = ts.y;
    });
  }
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  originX_ = pos.x;
  originY_ = pos.y;
  // A resized box (rotated phone, projector, presentation type) refits until the user moves the camera.
  if (!userMovedCamera_ && (std::fabs(avail.x - cam_.viewW) > 1.f || std::fabs(avail.y - cam_.viewH) > 1.f)) needFit_ = true;
  cam_.viewW = std::max(avail.x, 50.f);
  cam_.viewH = std::max(avail.y, 50.f);
  ImGui::InvisibleButton("graph-canvas", ImVec2(cam_.viewW, cam_.viewH),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  addClearRect(dl, pos, ImVec2(pos.x + cam_.viewW, pos.y + cam_.viewH), palette().canvas);

  bool animating = scene_.advance(s.reducedMotion);
  if (scene_.takeRefit()) needFit_ = true;
  if (needFit_) {
    if (scene_.mode() == GraphLayoutMode::Radial && s.selected >= 0) frameNeighbourhood();
    else fit({});
    if (!animating) needFit_ = false;
  }
  handleInput(c, s, out, hovered);
  const bool sceneChanged = scene_.build();
  upload();
  if (cache_.plan(cam_, ImGui::GetIO().DisplayFramebufferScale.x, sceneChanged, panning_, ImGui::GetTime(),
                  renderer_.cacheGeneration(), palette().canvas) == CacheUse::Rerender) {
    const bool made = renderer_.ensureCache(cache_.pictureWidth(), cache_.pictureHeight());
    cache_.made(made, renderer_.cacheGeneration());
  }
  if (cache_.owed()) animating = true;
  dl->AddCallback(&GraphView::renderCallback, this);
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  legend_.own = vis.index && vis.index->anyOwn;
  drawOwnMarks(c);
  drawLabels();
  drawBadges();
  legend_.comparing = scene_.comparing();
  legend_.open = showLegend_ != 0;
  const LegendChoices was = legend_;
  if (drawGraphLegend(legend_, originX_, originY_, cam_.viewW, cam_.viewH)) {
    if (legend_.showParts != was.showParts) scene_.expandAll(legend_.showParts);
    scene_.setFolding(!legend_.showParts, legend_.showThemes);
    if (legend_.byTheme != was.byTheme) out.push(act::SetColourByTheme{legend_.byTheme});
    if (legend_.clickedTheme >= 0) {  // the theme filter, as the filter panel sets it: that theme alone, or again all
      FilterSpec f = s.filter;
      const std::string& id = c.entities[static_cast<size_t>(legend_.clickedTheme)].id;
      const bool alone = f.themes.size() == 1 && *f.themes.begin() == id;
      f.themes.clear();
      if (!alone) f.themes.insert(id);
      out.push(act::SetFilters{f});
    }
  }
  showLegend_ = legend_.open ? 1 : 0;
  legendShown_ = true;
  return animating || dragNode_ >= 0;
}

}  // namespace nhsx
