#include "ui/graph_view.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <queue>

#include "core/names_at.h"
#include "render/imgui_renderer.h"
#include "ui/kind_style.h"
#include "ui/flow.h"
#include "ui/theme.h"

namespace nhsx {

namespace {
constexpr float kMinNodePx = 3.0f;   // nodes never shrink below this on screen
constexpr float kMinArrowEdgePx = 24.0f;  // mean edge length on screen below which arrowheads are left out
constexpr float kDragSlopPx = 8.0f;  // a press that moves less than this is a click (fingers wobble)
constexpr float kLongPressSeconds = 0.7f;

// A small filled shape for the legend, matching the renderer's shapes.
void legendShape(ImDrawList* dl, ImVec2 c, float r, float shape, ImU32 col) {
  if (shape < 0.5f) {
    dl->AddCircleFilled(c, r, col);
  } else if (shape < 1.5f) {
    dl->AddRectFilled(ImVec2(c.x - r * 0.86f, c.y - r * 0.86f), ImVec2(c.x + r * 0.86f, c.y + r * 0.86f), col, r * 0.2f);
  } else if (shape < 2.5f) {
    dl->AddQuadFilled(ImVec2(c.x, c.y - r * 1.2f), ImVec2(c.x + r * 1.2f, c.y), ImVec2(c.x, c.y + r * 1.2f),
                      ImVec2(c.x - r * 1.2f, c.y), col);
  } else if (shape < 3.5f) {
    dl->AddTriangleFilled(ImVec2(c.x, c.y - r * 1.1f), ImVec2(c.x + r, c.y + r * 0.7f), ImVec2(c.x - r, c.y + r * 0.7f), col);
  } else {
    dl->AddNgonFilled(c, r * 1.05f, col, 6);
  }
}
}  // namespace

void GraphView::setCorpus(const Corpus& c) {
  const uint32_t n = static_cast<uint32_t>(c.entities.size());
  graph_ = Graph{};
  graph_.nodeCount = n;
  graph_.edges.reserve(c.relations.size());
  degree_.assign(n, 0);
  for (const Relation& r : c.relations) {
    graph_.edges.emplace_back(r.from, r.to);
    ++degree_[r.from];
    ++degree_[r.to];
  }
  radius_.resize(n);
  graph_.weight.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    const float base = c.entities[i].kind == Kind::Part ? 3.0f : 4.5f;
    radius_[i] = base + 1.6f * std::sqrt(static_cast<float>(degree_[i]));
    graph_.weight[i] = 1.0f + 0.15f * std::sqrt(static_cast<float>(degree_[i]));
  }
  // Undirected adjacency as compressed rows, for focus hops and hover neighbours.
  adjStart_.assign(n + 1, 0);
  for (const auto& [a, b] : graph_.edges) { ++adjStart_[a + 1]; ++adjStart_[b + 1]; }
  for (uint32_t i = 0; i < n; ++i) adjStart_[i + 1] += adjStart_[i];
  adj_.resize(adjStart_[n]);
  std::vector<uint32_t> fill(adjStart_.begin(), adjStart_.end() - 1);
  for (const auto& [a, b] : graph_.edges) { adj_[fill[a]++] = b; adj_[fill[b]++] = a; }
  layout_.reset(graph_, 1);
  ++positionsVersion_;
  dimmed_.assign(n, 0);
  hidden_.assign(n, 0);
  edgeHidden_.assign(c.relations.size(), 0);
  hiddenPinned_.assign(n, 0);
  onPath_.assign(n, 0);
  edgeOnPath_.assign(c.relations.size(), 0);
  visVersion_ = UINT64_MAX;
  pathsVersion_ = UINT64_MAX;  // re-mark the paths on the new corpus
  hops_.assign(n, -1);
  // Label candidates in order of importance: most relations first.
  byDegree_.resize(n);
  for (uint32_t i = 0; i < n; ++i) byDegree_[i] = i;
  std::stable_sort(byDegree_.begin(), byDegree_.end(), [&](uint32_t a, uint32_t b) { return degree_[a] > degree_[b]; });
  corpusEntities_ = n;
  hovered_ = dragNode_ = -1;
  needFit_ = true;
  builtKey_ = SceneKey{};
  overlayKey_ = {};
  lastSelected_ = -2;
}

void GraphView::computeFocus(const AppState& s) {
  std::fill(hops_.begin(), hops_.end(), -1);
  if (s.selected < 0) return;
  // Breadth-first over relations in both directions.
  std::queue<uint32_t> q;
  hops_[static_cast<size_t>(s.selected)] = 0;
  q.push(static_cast<uint32_t>(s.selected));
  while (!q.empty()) {
    const uint32_t v = q.front();
    q.pop();
    for (uint32_t k = adjStart_[v]; k < adjStart_[v + 1]; ++k) {
      const uint32_t w = adj_[k];
      if (hops_[w] < 0) { hops_[w] = hops_[v] + 1; q.push(w); }
    }
  }
}

// Hidden nodes stay in the simulation as pinned, chargeless points with no springs: the picture of what
// is shown does not jump when a filter changes, and a node reappears where it was.
void GraphView::applyVisibility(const Corpus& c, const Visibility& vis) {
  visVersion_ = vis.version;
  const uint32_t n = graph_.nodeCount;
  bool changed = false;
  for (uint32_t i = 0; i < n; ++i) {
    const uint8_t h = vis.entityAt[i] ? 0 : 1;
    changed = changed || h != hidden_[i];
    hidden_[i] = h;
  }
  for (size_t r = 0; r < c.relations.size(); ++r) {
    const uint8_t h = vis.relationAt[r] ? 0 : 1;
    changed = changed || h != edgeHidden_[r];
    edgeHidden_[r] = h;
  }
  if (!changed) return;
  Graph g;
  g.nodeCount = n;
  g.weight = graph_.weight;
  for (uint32_t i = 0; i < n; ++i) {
    if (hidden_[i]) {
      g.weight[i] = 0.f;
      if (!layout_.pinned(i)) { layout_.pin(i, layout_.x()[i], layout_.y()[i]); hiddenPinned_[i] = 1; }
    } else if (hiddenPinned_[i]) {
      layout_.unpin(i);
      hiddenPinned_[i] = 0;
    }
  }
  for (size_t r = 0; r < c.relations.size(); ++r)
    if (!edgeHidden_[r]) g.edges.emplace_back(c.relations[r].from, c.relations[r].to);
  layout_.setForces(g);
  layout_.reheat(0.3f);
  ++positionsVersion_;
}

void GraphView::markPaths(const std::vector<Path>& paths, uint64_t version) {
  std::fill(onPath_.begin(), onPath_.end(), 0);
  std::fill(edgeOnPath_.begin(), edgeOnPath_.end(), 0);
  for (const Path& p : paths) {
    if (p.from < onPath_.size()) onPath_[p.from] = 1;
    for (const PathStep& st : p.steps) {
      if (st.entity < onPath_.size()) onPath_[st.entity] = 1;
      if (st.relation < edgeOnPath_.size()) edgeOnPath_[st.relation] = 1;
    }
  }
  pathsVersion_ = version;
}

// At an "as of" date a renamed body shows the name it had then.
std::string_view GraphView::labelOf(const Corpus& c, const AppState& s, uint32_t node) const {
  return s.asOf == kNoDay ? std::string_view(c.entities[node].name) : nameAt(c, node, s.asOf);
}

void GraphView::applyLayoutMode(const Corpus& c, const AppState& s) {
  if (mode_ == GraphLayoutMode::Radial) {
    uint32_t centre = 0;
    if (s.selected >= 0) centre = static_cast<uint32_t>(s.selected);
    else centre = static_cast<uint32_t>(std::max_element(degree_.begin(), degree_.end()) - degree_.begin());
    radialLayout(graph_, centre, fixedX_, fixedY_, 90.f);
  } else if (mode_ == GraphLayoutMode::Time) {
    std::vector<double> t(graph_.nodeCount, std::nan(""));
    for (uint32_t i = 0; i < graph_.nodeCount; ++i) {
      if (c.entities[i].date.present()) t[i] = c.entities[i].date.value.startBound == Bound::Date
                                                   ? c.entities[i].date.value.start.firstDay()
                                                   : c.entities[i].date.value.end.firstDay();
    }
    timeLayout(graph_, t, 2400.f, fixedX_, fixedY_, 22.f);
  }
  ++positionsVersion_;
  needFit_ = true;
}

bool GraphView::nodeScreenPos(uint32_t node, float& x, float& y) const {
  if (node >= graph_.nodeCount || width_ <= 0 || hidden_[node]) return false;
  const auto& px = mode_ == GraphLayoutMode::Force ? layout_.x() : fixedX_;
  const auto& py = mode_ == GraphLayoutMode::Force ? layout_.y() : fixedY_;
  if (node >= px.size()) return false;
  x = worldToScreenX(px[node]);
  y = worldToScreenY(py[node]);
  return true;
}

void GraphView::fitNodes(const std::vector<uint32_t>& nodes) {
  const auto& px = mode_ == GraphLayoutMode::Force ? layout_.x() : fixedX_;
  const auto& py = mode_ == GraphLayoutMode::Force ? layout_.y() : fixedY_;
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  auto add = [&](uint32_t i) {
    x0 = std::min(x0, px[i] - radius_[i]);
    x1 = std::max(x1, px[i] + radius_[i]);
    y0 = std::min(y0, py[i] - radius_[i]);
    y1 = std::max(y1, py[i] + radius_[i]);
  };
  if (nodes.empty()) for (uint32_t i = 0; i < px.size(); ++i) { if (!hidden_[i]) add(i); }
  else for (uint32_t i : nodes) if (i < px.size()) add(i);
  if (x1 < x0 || width_ <= 0 || height_ <= 0) return;
  cam_.centreX = (x0 + x1) * 0.5f;
  cam_.centreY = (y0 + y1) * 0.5f;
  const float w = std::max(x1 - x0, 40.f), h = std::max(y1 - y0, 40.f);
  cam_.scale = std::min(width_ / w, height_ / h) * 0.88f;
}

void GraphView::fitAll() { fitNodes({}); }

void GraphView::pinch(double factor, float sx, float sy, float dx, float dy) {
  const float wx = screenToWorldX(sx), wy = screenToWorldY(sy);
  const float newScale = std::clamp(cam_.scale * static_cast<float>(factor), 0.01f, 60.f);
  // The world point between the fingers stays between them, then follows their movement.
  cam_.centreX = wx - (sx - originX_ - width_ * 0.5f) / newScale - dx / newScale;
  cam_.centreY = wy - (sy - originY_ - height_ * 0.5f) / newScale - dy / newScale;
  cam_.scale = newScale;
  needFit_ = false;
  cameraMoved_ = true;
  dragNode_ = -1;  // a pinch is not a drag
  panning_ = false;
}

void GraphView::drawToolbar(const Corpus& c, AppState& s) {
  Flow flow;
  flow.before(Flow::text("Layout"));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Layout");
  const char* modes[] = {"Forces", "Around selection", "By date"};
  for (int m = 0; m < 3; ++m) {
    flow.before(Flow::check(modes[m]));
    if (ImGui::RadioButton(modes[m], mode_ == static_cast<GraphLayoutMode>(m))) mode_ = static_cast<GraphLayoutMode>(m);
  }
  const char* focus[] = {"everything", "1 hop", "2 hops", "3 hops"};
  const float comboW = ImGui::GetFontSize() * 7;
  flow.before(Flow::text("Focus") + ImGui::GetStyle().ItemSpacing.x + comboW, 24);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Focus");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(comboW);
  ImGui::Combo("##focus", &focusHops_, focus, 4);
  flow.before(Flow::button("Fit all"), 24);
  if (ImGui::Button("Fit all")) { fitAll(); needFit_ = false; }
  flow.before(Flow::button("Fit selection"));
  ImGui::BeginDisabled(s.selected < 0);
  if (ImGui::Button("Fit selection")) {
    std::vector<uint32_t> near;
    for (uint32_t i = 0; i < hops_.size(); ++i) if (hops_[i] >= 0 && hops_[i] <= 1 && !hidden_[i]) near.push_back(i);
    fitNodes(near);
    needFit_ = false;
  }
  ImGui::EndDisabled();
  flow.before(Flow::button(" - "));
  if (ImGui::Button(" - ")) cam_.scale /= 1.25f;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom out (-)");
  flow.before(Flow::button(" + "));
  if (ImGui::Button(" + ")) cam_.scale *= 1.25f;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom in (+)");
  const char* legend = showLegend_ ? "Hide legend" : "Legend";
  flow.before(Flow::button(legend));  // measured as shown, or it overflows the row
  if (ImGui::Button(legend)) showLegend_ = !showLegend_;
  flow.before(Flow::button(s.playing ? "Pause" : "Play through time"));
  if (ImGui::Button(s.playing ? "Pause" : "Play through time")) {
    if (!s.playing && (s.asOf == kNoDay || s.asOf >= c.lastDay)) s.asOf = c.firstDay;
    s.playing = !s.playing;
  }
  if (s.asOf != kNoDay) {
    const std::string text = "as of " + isoDay(s.asOf);
    flow.before(Flow::text(text.c_str()) + Flow::button("x"));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) { s.asOf = kNoDay; s.playing = false; }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show every date again");
  }
  if (mode_ == GraphLayoutMode::Force) {
    const char* st = layout_.settled() ? "layout settled" : "laying out\xe2\x80\xa6";
    flow.before(Flow::text(st), 24);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", st);
  }
}

void GraphView::handleInput(const Corpus& c, AppState& s, bool hovered) {
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 m = io.MousePos;
  const float wx = screenToWorldX(m.x), wy = screenToWorldY(m.y);
  // Nothing is hovered while the background is dragged: the highlight would flicker across the nodes
  // passing under the pointer, and each change restyles the scene (no cached picture for that frame).
  const bool panDrag = panning_ && ImGui::IsMouseDown(ImGuiMouseButton_Left);
  hovered_ = hovered && !panDrag ? index_.pick(wx, wy) : -1;
  if (hovered_ >= 0 && hidden_[static_cast<size_t>(hovered_)]) hovered_ = -1;
  struct Publish {  // whatever is hovered at the end of input handling is what the state reports
    AppState& s;
    const int& h;
    ~Publish() { s.hovered = h; }
  } publish{s, hovered_};
  // Small nodes get a few pixels of grace so they can be hit.
  if (hovered && !panDrag && hovered_ < 0) {
    std::vector<uint32_t> near;
    const float slop = 6.0f / cam_.scale;
    index_.query(wx - slop, wy - slop, wx + slop, wy + slop, near);
    float best = 1e30f;
    const auto& px = mode_ == GraphLayoutMode::Force ? layout_.x() : fixedX_;
    const auto& py = mode_ == GraphLayoutMode::Force ? layout_.y() : fixedY_;
    for (uint32_t i : near) {
      if (hidden_[i]) continue;
      const float d = std::hypot(px[i] - wx, py[i] - wy) - radius_[i];
      if (d < slop && d < best) { best = d; hovered_ = static_cast<int>(i); }
    }
  }
  if (hovered && io.MouseWheel != 0.0f) {
    const float factor = std::pow(1.15f, io.MouseWheel);
    const float newScale = std::clamp(cam_.scale * factor, 0.01f, 60.f);
    // Keep the world point under the pointer fixed.
    cam_.centreX = wx - (m.x - originX_ - width_ * 0.5f) / newScale;
    cam_.centreY = wy - (m.y - originY_ - height_ * 0.5f) / newScale;
    cam_.scale = newScale;
    needFit_ = false;
    cameraMoved_ = true;
  }
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    dragNode_ = hovered_;
    panning_ = hovered_ < 0;
    pressStart_ = std::chrono::steady_clock::now();  // wall time: frame times stretch over idle gaps
  }
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragSlopPx)) {
    if (dragNode_ >= 0 && mode_ == GraphLayoutMode::Force) {
      layout_.pin(static_cast<uint32_t>(dragNode_), wx, wy);  // a dragged node stays where it is put
      layout_.reheat(0.3f);
      ++positionsVersion_;
    } else if (panning_) {
      cam_.centreX -= io.MouseDelta.x / cam_.scale;
      cam_.centreY -= io.MouseDelta.y / cam_.scale;
      needFit_ = false;
      cameraMoved_ = true;
    }
  }
  // A long press (touch) or a right click on a node opens its context menu.
  const double heldSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - pressStart_).count();
  const bool stillPress = dragNode_ >= 0 && ImGui::IsMouseDown(ImGuiMouseButton_Left) && heldSeconds >= kLongPressSeconds &&
                          std::hypot(ImGui::GetMouseDragDelta(0, 0.f).x, ImGui::GetMouseDragDelta(0, 0.f).y) < kDragSlopPx;
  if (stillPress || (hovered && hovered_ >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Right))) {
    contextNode_ = stillPress ? dragNode_ : hovered_;
    dragNode_ = -1;
    panning_ = false;
    ImGui::OpenPopup("node-context");
  }
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
    const bool click = std::hypot(d.x, d.y) < kDragSlopPx;
    if (click && hovered && (dragNode_ >= 0 || panning_)) s.selected = dragNode_;  // empty space clears
    dragNode_ = -1;
    panning_ = false;
  }
  if (hovered && !io.WantTextInput) {
    const float step = 60.f / cam_.scale;
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) cam_.scale *= 1.25f;
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) cam_.scale /= 1.25f;
    if (s.story < 0 && ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) cam_.centreX -= step;
    if (s.story < 0 && ImGui::IsKeyPressed(ImGuiKey_RightArrow)) cam_.centreX += step;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) cam_.centreY -= step;
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) cam_.centreY += step;
    if (ImGui::IsKeyPressed(ImGuiKey_F)) fitAll();
  }
  drawContextMenu(c, s);
  if (hovered_ >= 0 && dragNode_ < 0 && !ImGui::IsPopupOpen("node-context")) {
    const Entity& e = c.entities[static_cast<size_t>(hovered_)];
    ImGui::BeginTooltip();
    ImGui::PushStyleColor(ImGuiCol_Text, kindTextColour(e.kind));
    const std::string_view shown = labelOf(c, s, static_cast<uint32_t>(hovered_));
    ImGui::TextUnformatted(shown.data(), shown.data() + shown.size());
    ImGui::PopStyleColor();
    if (shown != e.name) ImGui::TextDisabled("on %s; later %s", isoDay(s.asOf).c_str(), e.name.c_str());
    ImGui::TextDisabled("%s \xc2\xb7 %s \xc2\xb7 %u relations", std::string(kindName(e.kind)).c_str(), e.type.c_str(),
                        degree_[static_cast<size_t>(hovered_)]);
    if (e.date.present()) ImGui::Text("%s (%s)", formatUk(e.date.value).c_str(), describePrecision(e.date.value).c_str());
    ImGui::EndTooltip();
  }
}

void GraphView::drawContextMenu(const Corpus& c, AppState& s) {
  s.contextEntity = -1;
  if (!ImGui::BeginPopup("node-context")) return;
  s.contextEntity = contextNode_;
  if (contextNode_ >= 0 && static_cast<size_t>(contextNode_) < c.entities.size()) {
    const uint32_t n = static_cast<uint32_t>(contextNode_);
    ImGui::TextUnformatted(std::string(labelOf(c, s, n)).c_str());
    ImGui::Separator();
    if (ImGui::MenuItem("Select and show details")) s.selected = contextNode_;
    if (ImGui::MenuItem("Focus on its neighbours")) { s.selected = contextNode_; focusHops_ = 1; }
    if (s.selected >= 0 && s.selected != contextNode_ && ImGui::MenuItem("Connections from the selection to here"))
      s.pathTo = contextNode_;
    if (layout_.pinned(n) && !hiddenPinned_[n] && ImGui::MenuItem("Let it move again")) {
      layout_.unpin(n);
      layout_.reheat(0.3f);
    }
  }
  ImGui::EndPopup();
}

NodeInstance GraphView::nodeInstance(const Corpus& c, const AppState& s, uint32_t i) const {
  const auto& px = mode_ == GraphLayoutMode::Force ? layout_.x() : fixedX_;
  const auto& py = mode_ == GraphLayoutMode::Force ? layout_.y() : fixedY_;
  const KindStyle& ks = kindStyle(c.entities[i].kind);
  const bool sel = static_cast<int>(i) == s.selected;
  const bool neighbour = s.selected >= 0 && hops_[i] == 1;
  uint32_t col = ks.colour;
  if (dimmed_[i]) col = withAlpha(greyed(col, 0.75f), 0.35f);
  if (hidden_[i]) return NodeInstance{px[i], py[i], 0.f, withAlpha(col, 0.f), ks.shape, 0.0f};
  return NodeInstance{px[i], py[i], radius_[i] * (onPath_[i] ? 1.15f : 1.0f), col, ks.shape,
                      sel || onPath_[i] ? 1.0f : neighbour ? 2.0f : 0.0f};
}

EdgeInstance GraphView::edgeInstance(const Corpus& c, const AppState& s, uint32_t ri, bool lit) const {
  const auto& px = mode_ == GraphLayoutMode::Force ? layout_.x() : fixedX_;
  const auto& py = mode_ == GraphLayoutMode::Force ? layout_.y() : fixedY_;
  const Relation& r = c.relations[ri];
  const bool touchesSel = s.selected >= 0 && (static_cast<int>(r.from) == s.selected || static_cast<int>(r.to) == s.selected);
  const uint32_t group = relationGroupColour(relationGroup(r.type));
  uint32_t col = touchesSel || lit ? withAlpha(group, 0.95f) : withAlpha(group, 0.42f);
  if (dimmed_[r.from] || dimmed_[r.to]) col = IM_COL32(150, 150, 150, 40);
  if (edgeHidden_[ri]) col = withAlpha(col, 0.f);
  if (edgeOnPath_[ri]) return EdgeInstance{px[r.from], py[r.from], px[r.to], py[r.to], IM_COL32(213, 94, 0, 255), 3.5f, radius_[r.to]};
  return EdgeInstance{px[r.from], py[r.from], px[r.to], py[r.to], col, touchesSel || lit ? 2.2f : 1.0f,
                      radius_[r.to]};
}

// The hover overlay: the hovered node's relations, its neighbours with a ring and itself a little larger.
void GraphView::buildOverlay(const Corpus& c, const AppState& s) {
  const OverlayKey key{sceneVersion_, hovered_};
  if (key == overlayKey_) return;
  overlayKey_ = key;
  overlayNodes_.clear();
  overlayEdges_.clear();
  if (hovered_ >= 0 && !hidden_[static_cast<size_t>(hovered_)]) {
    const uint32_t h = static_cast<uint32_t>(hovered_);
    auto lit = [&](uint32_t ri) { if (!edgeHidden_[ri]) overlayEdges_.push_back(edgeInstance(c, s, ri, true)); };
    for (uint32_t k = c.outStart[h]; k < c.outStart[h + 1]; ++k) lit(c.outRel[k]);
    for (uint32_t k = c.inStart[h]; k < c.inStart[h + 1]; ++k) lit(c.inRel[k]);
    // Each neighbour once, though several relations may join it to the hovered node (a translucent node
    // drawn twice would darken).
    std::vector<uint32_t> near(adj_.begin() + adjStart_[h], adj_.begin() + adjStart_[h + 1]);
    std::sort(near.begin(), near.end());
    near.erase(std::unique(near.begin(), near.end()), near.end());
    for (uint32_t m : near) {
      if (hidden_[m] || m == h) continue;
      NodeInstance n = nodeInstance(c, s, m);
      if (n.outline == 0.f) n.outline = 2.f;
      overlayNodes_.push_back(n);
    }
    NodeInstance n = nodeInstance(c, s, h);
    n.radius *= onPath_[h] ? 1.f : 1.15f;
    if (n.outline == 0.f) n.outline = 2.f;
    overlayNodes_.push_back(n);
  }
  overlay_.setNodes(overlayNodes_);
  overlay_.setEdges(overlayEdges_);
}

bool GraphView::buildInstances(const Corpus& c, const AppState& s) {
  const SceneKey key{positionsVersion_, s.selected, focusHops_, s.asOf, visVersion_, pathsVersion_};
  if (key == builtKey_) return false;
  builtKey_ = key;
  ++sceneVersion_;
  const uint32_t n = graph_.nodeCount;
  for (uint32_t i = 0; i < n; ++i) {
    bool dim = false;
    if (focusHops_ > 0 && s.selected >= 0) dim = dim || hops_[i] < 0 || hops_[i] > focusHops_;
    dimmed_[i] = dim ? 1 : 0;
  }
  nodes_.resize(n);
  for (uint32_t i = 0; i < n; ++i) nodes_[i] = nodeInstance(c, s, i);
  edges_.resize(c.relations.size());
  double lengthSum = 0;
  for (uint32_t ri = 0; ri < c.relations.size(); ++ri) {
    edges_[ri] = edgeInstance(c, s, ri);
    lengthSum += std::hypot(edges_[ri].x1 - edges_[ri].x0, edges_[ri].y1 - edges_[ri].y0);
  }
  meanEdgeLength_ = edges_.empty() ? 0.f : static_cast<float>(lengthSum / static_cast<double>(edges_.size()));
  // The selection is drawn last, so it is on top.
  if (s.selected >= 0 && static_cast<uint32_t>(s.selected) < n) nodes_.push_back(nodes_[static_cast<size_t>(s.selected)]);
  renderer_.setNodes(nodes_);
  renderer_.setEdges(edges_);
  return true;
}

bool GraphView::updateCache(bool sceneChanged) {
  const double now = ImGui::GetTime();
  if (cam_ != lastCam_) {
    cameraMovedAt_ = now;
    lastCam_ = cam_;
  }
  const float dpr = ImGui::GetIO().DisplayFramebufferScale.x;
  const int viewW = static_cast<int>(width_ * dpr), viewH = static_cast<int>(height_ * dpr);
  // A quarter of the view on each side, so a pan shows drawn graph rather than empty canvas; no more
  // than a 4096-pixel texture (what any WebGL2 device takes).
  const int margin = std::min(std::max(viewW, viewH) / 4, (4096 - std::max(viewW, viewH)) / 2);
  CacheInputs in;
  in.sceneChanged = sceneChanged;
  in.cacheValid = cacheValid_ && renderer_.cacheGeneration() == cacheGeneration_ &&
                  viewW == cacheViewW_ && viewH == cacheViewH_ && cacheBackground_ == palette().canvas;
  in.sameCamera = cam_ == cacheCam_;
  in.scaleRatio = cam_.scale / cacheCam_.scale;
  in.sinceCameraMoved = now - cameraMovedAt_;
  in.held = panning_;
  cacheUse_ = decideCacheUse(in);
  if (cacheUse_ == CacheUse::Rerender) {
    if (margin < 0 || !renderer_.ensureCache(viewW + 2 * margin, viewH + 2 * margin)) cacheUse_ = CacheUse::Direct;
    cacheCam_ = cam_;
    cacheMarginPx_ = margin;
    cacheViewW_ = viewW;
    cacheViewH_ = viewH;
    cacheGeneration_ = renderer_.cacheGeneration();
    cacheBackground_ = palette().canvas;
  }
  cacheValid_ = cacheUse_ != CacheUse::Direct;
  return cacheNeedsFrame(cacheUse_, in);
}

void GraphView::renderCallback(const ImDrawList*, const ImDrawCmd* cmd) {
  GraphView* v = static_cast<GraphView*>(cmd->UserCallbackData);
  const ImDrawData* dd = ImGui::GetDrawData();
  const ImVec2 scale = dd->FramebufferScale;
  const float fbHeight = dd->DisplaySize.y * scale.y;
  const int x = static_cast<int>((v->originX_ - dd->DisplayPos.x) * scale.x);
  const int y = static_cast<int>(fbHeight - (v->originY_ + v->height_ - dd->DisplayPos.y) * scale.y);
  // Level of detail: thousands of edges on screen draw fainter, so structure shows instead of a blot.
  GraphDrawStyle style;
  style.edgeOpacity = std::clamp(std::sqrt(3000.f / std::max<float>(1.f, static_cast<float>(v->edges_.size()))), 0.2f, 1.f);
  style.minRadiusPx = v->graph_.nodeCount > 20000 ? 1.5f : kMinNodePx;
  // Arrowheads only where the typical edge is long enough on screen to show one: zoomed out on a dense
  // graph they are specks, and the pass costs as much as the edges themselves in software WebGL.
  style.arrowheads = v->meanEdgeLength_ * v->cam_.scale >= kMinArrowEdgePx;
  const int w = static_cast<int>(v->width_ * scale.x), h = static_cast<int>(v->height_ * scale.y);
  if (v->cacheUse_ == CacheUse::Direct) {
    v->renderer_.draw(x, y, w, h, v->cam_, scale.x, style);
  } else {
    v->showPicture(x, y, w, h, scale, style);
  }
  style.edgeOpacity = 1.f;  // the hovered node's relations at full strength over the faint crowd
  v->overlay_.draw(x, y, w, h, v->cam_, scale.x, style);
}

// The cached picture (made anew first if due), where the current camera puts it.
void GraphView::showPicture(int x, int y, int w, int h, ImVec2 scale, const GraphDrawStyle& style) {
  if (cacheUse_ == CacheUse::Rerender) renderer_.renderCache(cacheCam_, scale.x, style, cacheBackground_);
  // The picture where the current camera puts it: its centre is the world point it was drawn around,
  // placed from the same rounded view rectangle as a direct drawing, so at that camera it lands pixel for
  // pixel. Framebuffer y runs upwards.
  const float k = cam_.scale / cacheCam_.scale;
  const float cx = x + cacheViewW_ * 0.5f + (cacheCam_.centreX - cam_.centreX) * cam_.scale * scale.x;
  const float cy = y + cacheViewH_ * 0.5f - (cacheCam_.centreY - cam_.centreY) * cam_.scale * scale.y;
  const float hw = (cacheViewW_ * 0.5f + cacheMarginPx_) * k, hh = (cacheViewH_ * 0.5f + cacheMarginPx_) * k;
  renderer_.showCache(cx - hw, cy - hh, cx + hw, cy + hh, x, y, w, h);
}

void GraphView::drawLabels(const Corpus& c, const AppState& s) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto& px = mode_ == GraphLayoutMode::Force ? layout_.x() : fixedX_;
  const auto& py = mode_ == GraphLayoutMode::Force ? layout_.y() : fixedY_;
  // Candidates by priority: the selection, the hovered node, the selection's neighbours, then the rest by
  // number of relations. Walking a list sorted by degree and stopping once nodes are too small to label
  // keeps this proportional to the labels shown, not to the nodes on screen.
  const float vx0 = screenToWorldX(originX_), vy0 = screenToWorldY(originY_);
  const float vx1 = screenToWorldX(originX_ + width_), vy1 = screenToWorldY(originY_ + height_);
  auto inView = [&](uint32_t i) { return px[i] >= vx0 && px[i] <= vx1 && py[i] >= vy0 && py[i] <= vy1; };
  std::vector<uint32_t> candidates;
  if (s.selected >= 0) candidates.push_back(static_cast<uint32_t>(s.selected));
  if (hovered_ >= 0) candidates.push_back(static_cast<uint32_t>(hovered_));
  if (s.selected >= 0) {
    const uint32_t sel = static_cast<uint32_t>(s.selected);
    for (uint32_t k = adjStart_[sel]; k < adjStart_[sel + 1] && candidates.size() < 400; ++k) candidates.push_back(adj_[k]);
  }
  const size_t special = candidates.size();
  for (uint32_t i : byDegree_) {
    if ((4.5f + 1.6f * std::sqrt(static_cast<float>(degree_[i]))) * cam_.scale < 5.0f) break;  // too small from here on
    if (candidates.size() > special + 2000) break;
    if (!dimmed_[i] && !hidden_[i] && inView(i)) candidates.push_back(i);
  }
  auto priority = [&](size_t k) -> float { return k < special ? 1e8f : 0.f; };
  std::vector<ImVec4> taken;  // placed label rectangles
  const float fs = ImGui::GetFontSize();
  size_t shown = 0;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const uint32_t i = candidates[k];
    if (hidden_[i]) continue;
    const float pr = priority(k);
    const float rPx = std::max(radius_[i] * cam_.scale, kMinNodePx);
    // Ordinary nodes get a label only when drawn large enough to matter at this zoom.
    if (pr < 1e7f && rPx < 5.0f) continue;
    if (pr < 1e7f && shown > 250) break;
    const std::string name(labelOf(c, s, i));
    ImVec2 ts = ImGui::CalcTextSize(name.c_str(), nullptr, false, fs * 14);
    const float x = worldToScreenX(px[i]) - ts.x * 0.5f;
    const float y = worldToScreenY(py[i]) + rPx + 2.f;
    const ImVec4 r(x - 2, y - 1, x + ts.x + 2, y + ts.y + 1);
    bool clash = false;
    for (const ImVec4& t : taken) {
      if (r.x < t.z && r.z > t.x && r.y < t.w && r.w > t.y) { clash = true; break; }
    }
    if (clash && k >= (hovered_ >= 0) + (s.selected >= 0)) continue;  // the selection and hovered node always are
    taken.push_back(r);
    ++shown;
    const bool strong = k < special;
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.z, r.w), strong ? palette().labelBgStrong : palette().labelBg, 3.f);
    dl->AddText(nullptr, 0.f, ImVec2(x, y), dimmed_[i] ? palette().muted : palette().text,
                name.c_str(), nullptr, fs * 14);
  }
}

void GraphView::drawLegend() {
  const float fs = ImGui::GetFontSize();
  const int rows = kKindCount + 1 + (kRelationGroupCount - 1);
  if (rows * fs * 1.3f + 24 > height_) return;  // no room (large type on a small screen): the button still toggles
  const ImVec2 at(originX_ + 8, originY_ + height_ - rows * fs * 1.3f - 12);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float textW = 0;  // as wide as its longest label, at whatever size the type is
  for (int g = 0; g < kRelationGroupCount - 1; ++g)
    textW = std::max(textW, ImGui::CalcTextSize(relationGroupName(static_cast<RelationGroup>(g))).x);
  dl->AddRectFilled(at, ImVec2(at.x + 28 + textW + 10, at.y + rows * fs * 1.3f + 8), palette().legendBg, 4.f);
  for (int g = 0; g < kRelationGroupCount - 1; ++g) {  // edge families ("other" has no members)
    const float y = at.y + (kKindCount + 1 + g) * fs * 1.3f + 6;
    const uint32_t col = relationGroupColour(static_cast<RelationGroup>(g));
    dl->AddLine(ImVec2(at.x + 6, y + fs * 0.55f), ImVec2(at.x + 22, y + fs * 0.55f), col, 2.5f);
    dl->AddText(ImVec2(at.x + 28, y), palette().text, relationGroupName(static_cast<RelationGroup>(g)));
  }
  dl->AddText(ImVec2(at.x + 6, at.y + 3), palette().muted, "Legend");
  for (int k = 0; k < kKindCount; ++k) {
    const KindStyle& ks = kindStyle(static_cast<Kind>(k));
    const float y = at.y + (k + 1) * fs * 1.3f + 3;
    legendShape(dl, ImVec2(at.x + 14, y + fs * 0.55f), fs * 0.38f, ks.shape, ks.colour);
    dl->AddText(ImVec2(at.x + 28, y), palette().text, std::string(kindPlural(static_cast<Kind>(k))).c_str());
  }
}

bool GraphView::draw(const Corpus& c, AppState& s, const Visibility& vis, const std::vector<Path>& paths, uint64_t pathsVersion) {
  if (rendererPending_) {
    rendererPending_ = false;
    rendererError_.clear();
    if (!renderer_.init(rendererError_) || !overlay_.init(rendererError_)) {
      std::fprintf(stderr, "graph renderer: %s\n", rendererError_.c_str());
    }
  }
  if (!rendererError_.empty()) {
    ImGui::TextWrapped("The relationship view cannot be drawn on this device: %s", rendererError_.c_str());
    return false;
  }
  if (graph_.nodeCount != c.entities.size() || corpusEntities_ != c.entities.size()) setCorpus(c);
  if (visVersion_ != vis.version && vis.entityAt.size() == graph_.nodeCount) applyVisibility(c, vis);
  if (pathsVersion != pathsVersion_) markPaths(paths, pathsVersion);
  if (showLegend_ < 0) showLegend_ = ImGui::GetContentRegionAvail().x >= 640 ? 1 : 0;  // narrow screens start without it
  drawToolbar(c, s);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  originX_ = pos.x;
  originY_ = pos.y;
  // A resized box (rotated phone, projector, presentation type) refits until the user moves the camera.
  if (!cameraMoved_ && (std::fabs(avail.x - width_) > 1.f || std::fabs(avail.y - height_) > 1.f)) needFit_ = true;
  width_ = std::max(avail.x, 50.f);
  height_ = std::max(avail.y, 50.f);
  ImGui::InvisibleButton("graph-canvas", ImVec2(width_, height_),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  addClearRect(dl, pos, ImVec2(pos.x + width_, pos.y + height_), palette().canvas);

  if (mode_ != lastMode_ || (mode_ == GraphLayoutMode::Radial && s.selected != lastSelected_)) {
    if (mode_ != GraphLayoutMode::Force) applyLayoutMode(c, s);
    else needFit_ = true;
    lastMode_ = mode_;
  }
  if (s.selected != lastSelected_) {
    computeFocus(s);
    lastSelected_ = s.selected;
  }
  bool animating = false;
  if (mode_ == GraphLayoutMode::Force && !layout_.settled()) {
    // Bounded work per frame; stops once settled. With reduced motion the layout runs (almost) to its
    // end at once, so nothing drifts on screen.
    const int ran = s.reducedMotion ? layout_.step(1000, 250.0) : layout_.step(40, 6.0);
    if (ran > 0) ++positionsVersion_;
    animating = !layout_.settled();
  }
  s.layoutIterations = layout_.iterations();
  s.layoutSettled = layout_.settled();

  const auto& px = mode_ == GraphLayoutMode::Force ? layout_.x() : fixedX_;
  const auto& py = mode_ == GraphLayoutMode::Force ? layout_.y() : fixedY_;
  if (indexedVersion_ != positionsVersion_) {
    index_.build(px.data(), py.data(), radius_.data(), graph_.nodeCount);
    indexedVersion_ = positionsVersion_;
  }
  if (needFit_) {
    fitAll();
    if (!animating) needFit_ = false;
  }
  handleInput(c, s, hovered);
  if (s.selected != lastSelected_) {
    computeFocus(s);
    lastSelected_ = s.selected;
  }
  const bool sceneChanged = buildInstances(c, s);
  buildOverlay(c, s);
  if (updateCache(sceneChanged)) animating = true;
  dl->AddCallback(&GraphView::renderCallback, this);
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  drawLabels(c, s);
  if (showLegend_) drawLegend();
  return animating || dragNode_ >= 0;
}

}  // namespace nhsx
