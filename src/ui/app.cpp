#include "ui/app.h"

#include "core/csv_import.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>

#include "render/imgui_renderer.h"
#include "ui/details_panel.h"
#include "ui/flow.h"
#include "ui/overview_panel.h"
#include "ui/help_panel.h"
#include "ui/sources_panel.h"
#include "ui/story_panel.h"
#include "core/story.h"

namespace nhsx {

int32_t todayDay() {
  using namespace std::chrono;
  return static_cast<int32_t>(duration_cast<hours>(system_clock::now().time_since_epoch()).count() / 24);
}

void App::initGraphics() { graph_.resetRenderer(); }

const std::vector<Diagnostic>& App::loadCorpus(std::string_view text, std::string_view name) {
  LoadResult r = nhsx::loadCorpus(text);
  std::vector<std::string> lines;
  for (const Diagnostic& d : r.errors) lines.push_back(formatDiagnostic(name, d));
  lastErrors_ = std::move(r.errors);
  adopt(std::move(r.corpus), std::string(name), std::move(lines));
  return lastErrors_;
}

const std::vector<Diagnostic>& App::importCsv(std::string_view entities, std::string_view entitiesName,
                                              std::string_view relations, std::string_view relationsName) {
  CsvImportResult r = nhsx::importCsv(entities, entitiesName, relations, relationsName);
  std::vector<std::string> lines;
  for (const Diagnostic& d : r.errors) lines.push_back(formatCsvDiagnostic(d));
  lastErrors_ = std::move(r.errors);
  adopt(std::move(r.corpus), std::string(entitiesName) + " and " + std::string(relationsName), std::move(lines));
  return lastErrors_;
}

// The one place a new corpus replaces the old: only when it had no errors, so a bad file never costs
// the user what they had.
void App::adopt(Corpus&& c, std::string source, std::vector<std::string> errorLines) {
  errorSource_ = std::move(source);
  errorLines_ = std::move(errorLines);
  showErrors_ = !errorLines_.empty();
  if (!errorLines_.empty()) return;
  const std::string selectedId = state_.selected >= 0 ? corpus_.entities[static_cast<size_t>(state_.selected)].id : "";
  corpus_ = std::move(c);
  timeline_.setCorpus(corpus_, todayDay());
  graph_.setCorpus(corpus_);
  search_.setCorpus(corpus_);
  pathsFrom_ = pathsTo_ = -2;
  act(act::AdoptCorpus{selectedId});
}

Changes App::act(Action a) {
  actions_.push(std::move(a));
  const Changes ch = actions_.applyAll(corpus_, state_);
  changes_ |= ch;
  return ch;
}

bool App::select(std::string_view id) {
  const int e = id.empty() ? -1 : corpus_.findEntity(id);
  if (e < 0 && !id.empty()) return false;
  act(act::Select{e});
  return true;
}

void App::pinch(const Pinch& p, int fingers) {
  touchFingers_ = fingers;
  if (!p.active) return;
  if (state_.view == View::Timeline) timeline_.pinch(p.factor, p.cx, p.dx);
  if (state_.view == View::Graph) graph_.pinch(p.factor, p.cx, p.cy, p.dx, p.dy);
}

std::vector<DrawnLabel> App::drawnLabels() const {
  std::vector<DrawnLabel> out;
  if (state_.view == View::Graph) graph_.drawnLabels(corpus_, out);
  if (state_.view == View::Timeline) timeline_.drawnLabels(corpus_, out);
  return out;
}

bool App::entityScreenPos(uint32_t entity, float& x, float& y) const {
  if (state_.view == View::Graph) return graph_.nodeScreenPos(entity, x, y);
  if (state_.view == View::Timeline) return timeline_.itemScreenPos(state_, entity, x, y);
  return false;
}

std::string App::takeAnnouncement() {
  std::string a = search_.takeAnnouncement();
  if (a.empty()) a = std::move(announcement_);
  announcement_.clear();
  return a;
}

void App::handleShortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || search_.isOpen()) return;
  if (state_.story >= 0) {  // a story owns the arrow keys
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_PageDown)) actions_.push(act::NextStoryStep{});
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_PageUp)) actions_.push(act::PreviousStoryStep{});
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) actions_.push(act::EndStory{});
  }
  const bool slash = ImGui::IsKeyPressed(ImGuiKey_Slash, false);
  if (slash && io.KeyShift) { showHelp_ = !showHelp_; return; }  // '?'
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) showHelp_ = false;
  if (slash || ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_K, false))) search_.open();
  if (io.KeyCtrl || io.KeySuper || io.KeyAlt) return;
  if (ImGui::IsKeyPressed(ImGuiKey_1, false)) actions_.push(act::SetView{View::Overview});
  if (ImGui::IsKeyPressed(ImGuiKey_2, false)) actions_.push(act::SetView{View::Timeline});
  if (ImGui::IsKeyPressed(ImGuiKey_3, false)) actions_.push(act::SetView{View::Graph});
  if (ImGui::IsKeyPressed(ImGuiKey_P, false)) actions_.push(act::TogglePresentation{});
  if (ImGui::IsKeyPressed(ImGuiKey_S, false) && state_.story < 0 && !corpus_.stories.empty())
    actions_.push(act::GoToStoryStep{0, 0});
}

void App::refresh() {
  updateVisibility(corpus_, state_, vis_);
  state_.visibleEntities = vis_.filtered.entities;
  state_.visibleRelations = vis_.filtered.relations;
  updatePaths();
}

void App::updatePaths() {
  const int from = state_.pathTo >= 0 ? state_.selected : -1;
  if (from == pathsFrom_ && state_.pathTo == pathsTo_ && pathsFilter_ == vis_.filterVersion) return;
  pathsFrom_ = from;
  pathsTo_ = state_.pathTo;
  pathsFilter_ = vis_.filterVersion;
  paths_.clear();
  if (from >= 0 && state_.pathTo >= 0) {
    paths_ = shortestPaths(corpus_, static_cast<uint32_t>(from), static_cast<uint32_t>(state_.pathTo), 5,
                           &vis_.filtered.relationVisible);
    announcement_ = paths_.empty() ? "No connection found"
                                   : std::to_string(paths_.size()) + " shortest connections: " + describePath(corpus_, paths_[0]);
  }
  ++pathsVersion_;
}

void App::drawSide() {
  if (!ImGui::BeginTabBar("side")) return;
  linkSpots_.clear();
  detailsTabShown_ = ImGui::BeginTabItem("Details");
  if (detailsTabShown_) {
    const DetailsAction act = drawDetailsPanel(corpus_, state_, actions_, paths_, linkSpots_);
    if (act.findPath) search_.open(SearchBox::Purpose::PathTarget);
    if (!act.openAddress.empty()) request("open-url " + act.openAddress);
    ImGui::EndTabItem();
  }
  const std::string filterLabel = state_.filter.empty() ? "Filters###filters" : "Filters (on)###filters";
  if (ImGui::BeginTabItem(filterLabel.c_str())) {
    filterPanel_.draw(corpus_, state_, actions_, vis_);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Sources")) {
    const std::string address = drawSourcesPanel(corpus_, state_, vis_);
    if (!address.empty()) request("open-url " + address);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

void App::drawHeader() {
  if (!state_.embed) {  // an embed is compact: the host page gives the title
    ImGui::SetWindowFontScale(1.2f);
    ImGui::TextWrapped("%s", corpus_.title.c_str());
    ImGui::SetWindowFontScale(1.0f);
  }
  Flow flow;
  if (!state_.embed) {
    flow.before(Flow::button("Open data"));
    if (ImGui::Button("Open data")) request("open");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open a corpus (.json) or two spreadsheets (.csv); or drop files here");
  }
  flow.before(Flow::button("Export"));
  if (ImGui::Button("Export")) ImGui::OpenPopup("export");
  if (ImGui::BeginPopup("export")) {
    if (ImGui::MenuItem("Picture of the view (PNG)")) request("export-png");
    if (ImGui::MenuItem("What the filters show, with citations (JSON)")) request("export-json");
    if (ImGui::MenuItem("Entities shown (CSV)")) request("export-entities-csv");
    if (ImGui::MenuItem("Relations shown (CSV)")) request("export-relations-csv");
    ImGui::EndPopup();
  }
  flow.before(Flow::button("Search"));
  if (ImGui::Button("Search")) search_.open();
  // A tooltip never covers the dialog its button opened.
  if (ImGui::IsItemHovered() && !search_.isOpen()) ImGui::SetTooltip("Search names, aliases, descriptions and quotes (/ or Ctrl+K)");
  const char* present = state_.presentation ? "End presentation" : "Present";
  flow.before(Flow::button(present));
  if (ImGui::Button(present)) actions_.push(act::TogglePresentation{});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Large type, high contrast, full screen (P)");
  flow.before(Flow::button("?"));
  if (ImGui::Button("?")) showHelp_ = !showHelp_;
  if (ImGui::IsItemHovered() && !showHelp_) ImGui::SetTooltip("Keyboard keys (?)");
  const char* names[] = {"Overview", "Timeline", "Relationships"};
  const View views[] = {View::Overview, View::Timeline, View::Graph};
  for (int i = 0; i < 3; ++i) {
    flow.before(Flow::button(names[i]), i == 0 ? 24.f : -1.f);
    const bool active = state_.view == views[i];
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(names[i])) actions_.push(act::SetView{views[i]});
    if (active) ImGui::PopStyleColor();
  }
  ImGui::Separator();
}

bool App::drawFrame(float width, float height, double dt) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::Begin("Explorer", nullptr,
               ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoBackground);  // the platform clears to WindowBg instead
  bool animating = false;
  if (!state_.corpusLoaded) {
    ImGui::Text("Loading the corpus\xe2\x80\xa6");
    ImGui::End();
    return false;
  }
  handleShortcuts();
  actions_.push(act::AdvancePlay{dt});
  // Every action queued since the last frame, then the derived data for this one.
  changes_ |= actions_.applyAll(corpus_, state_);
  if (state_.presentation != fullscreenAsked_) {  // presentation mode fills the screen (the page asks)
    fullscreenAsked_ = state_.presentation;
    request(fullscreenAsked_ ? "fullscreen" : "exit-fullscreen");
  }
  refresh();
  drawHeader();
  // The details sit beside the view on wide screens and below it on narrow ones.
  const bool wide = width >= 900;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float detailsW = wide ? std::clamp(width * 0.3f, 300.f, 460.f) : avail.x;
  const float viewW = wide ? avail.x - detailsW - ImGui::GetStyle().ItemSpacing.x : avail.x;
  // Below the view, an empty Details tab (nothing selected) takes only its tabs and one hint, so a phone
  // shows more of the view; anything to read there gets two fifths of the height.
  const bool sideQuiet = state_.selected < 0 && detailsTabShown_;
  const float viewH = wide ? avail.y
                           : sideQuiet ? std::max(avail.y * 0.6f, avail.y - ImGui::GetFontSize() * 7.f)
                                       : avail.y * 0.6f;
  const ImVec2 viewMin = ImGui::GetCursorScreenPos(), viewMax(viewMin.x + viewW, viewMin.y + viewH);
  // The timeline and the graph paint their own canvas: no child background under it.
  ImGui::BeginChild("view", ImVec2(viewW, viewH), false,
                    state_.view == View::Overview ? 0
                                                  : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                                                        ImGuiWindowFlags_NoBackground);
  switch (state_.view) {
    case View::Overview: drawOverviewPanel(corpus_, state_, actions_); break;
    case View::Timeline: animating = timeline_.draw(corpus_, state_, actions_, vis_, touchFingers_); break;
    case View::Graph:
      // The story card is drawn over the view after it: the last frame's rectangle keeps labels clear.
      graph_.setOverlays(rects_.storyCard && state_.story >= 0 ? std::vector<ScreenRect>{*rects_.storyCard} : std::vector<ScreenRect>{});
      animating = graph_.draw(corpus_, state_, actions_, vis_, paths_, pathsVersion_);
      state_.layoutIterations = graph_.layoutIterations();
      state_.layoutSettled = graph_.layoutSettled();
      break;
  }
  ImGui::EndChild();
  // The frame's rectangles, as laid out: the view, its picture below its own toolbar, the legend.
  rects_ = LayoutRects{};
  rects_.canvas = ScreenRect{viewMin.x, viewMin.y, viewW, viewH};
  if (state_.view != View::Overview) {
    const ScreenRect plot = state_.view == View::Graph ? graph_.plotRect() : timeline_.plotRect();
    rects_.plot = plot;
    if (plot.y > viewMin.y + 0.5f) rects_.toolbar = ScreenRect{viewMin.x, viewMin.y, viewW, plot.y - viewMin.y};
  }
  if (ScreenRect legend; state_.view == View::Graph && graph_.legendRect(legend)) rects_.legend = legend;
  if (wide) ImGui::SameLine();
  scrollDetailsForSelection(state_);  // a new selection opens the details at the top
  ImGui::BeginChild("details", ImVec2(0, 0), true, ImGuiWindowFlags_NoBackground);
  {  // its background by a clear inside the border (cheaper than a blended quad in software WebGL)
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    addClearRect(ImGui::GetWindowDrawList(), ImVec2(p.x + 1, p.y + 1), ImVec2(p.x + sz.x - 1, p.y + sz.y - 1),
                 ImGui::GetColorU32(ImGuiCol_ChildBg));
  }
  {
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    rects_.details = ScreenRect{p.x, p.y, sz.x, sz.y};
  }
  drawSide();
  ImGui::EndChild();
  ImGui::End();
  drawStoryCard(corpus_, state_, actions_, viewMin.x, viewMin.y, viewMax.x - viewMin.x, viewMax.y - viewMin.y);
  if (const ImGuiWindow* card = ImGui::FindWindowByName("story-card"); card && card->Active)
    rects_.storyCard = ScreenRect{card->Pos.x, card->Pos.y, card->Size.x, card->Size.y};
  search_.draw(corpus_, state_, actions_, width);
  if (std::string field = search_.takePageRequest(); !field.empty()) request(std::move(field));  // the page's touch text field
  drawHelpPanel(showHelp_, width);
  if (state_.presentation) {  // a halo that shows the room where the pointer is
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (m.x >= 0 && m.y >= 0) {
      ImDrawList* fg = ImGui::GetForegroundDrawList();
      fg->AddCircleFilled(m, ImGui::GetFontSize() * 1.3f, IM_COL32(255, 200, 0, 70));
      fg->AddCircle(m, ImGui::GetFontSize() * 1.3f, IM_COL32(213, 94, 0, 200), 0, 3.f);
    }
  }
  animating = animating || state_.playing || !actions_.empty();  // what the views asked for, next frame
  if (showErrors_) drawErrorsPanel(errorSource_, errorLines_, showErrors_);
  return animating;
}

}  // namespace nhsx
