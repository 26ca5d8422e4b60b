#include "ui/app.h"

#include "core/csv_import.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>

#include "render/imgui_renderer.h"
#include "ui/control_spots.h"
#include "ui/deferred.h"
#include "ui/details_panel.h"
#include "ui/flow.h"
#include "ui/overview_panel.h"
#include "ui/help_panel.h"
#include "ui/icons.h"
#include "ui/sources_panel.h"
#include "ui/story_panel.h"
#include "core/story.h"
#include "core/story_edit.h"
#include "core/story_link.h"
#include "core/view_link.h"

namespace nhsx {

int32_t todayDay() {
  using namespace std::chrono;
  return static_cast<int32_t>(duration_cast<hours>(system_clock::now().time_since_epoch()).count() / 24);
}

void App::initGraphics() { graph_.resetRenderer(); }

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point& t) {  // and restarts the watch
  const Clock::time_point now = Clock::now();
  const double ms = std::chrono::duration<double, std::milli>(now - t).count();
  t = now;
  return ms;
}
}  // namespace

const std::vector<Diagnostic>& App::loadCorpus(std::string_view text, std::string_view name, bool firstPart) {
  loadSteps_.clear();
  Clock::time_point t = Clock::now();
  LoadResult r = firstPart ? nhsx::loadCorpusView(text) : nhsx::loadCorpus(text);
  loadSteps_.push_back({"parse", msSince(t)});
  std::vector<std::string> lines;
  for (const Diagnostic& d : r.errors) lines.push_back(formatDiagnostic(name, d));
  lastErrors_ = std::move(r.errors);
  adopt(std::move(r.corpus), std::string(name), std::move(lines));
  return lastErrors_;
}

void App::ensureCitations() {
  if (corpus_.citationsState != CitationsState::Pending || !citationsNow_) return;
  const std::string text = citationsNow_();
  if (text.empty()) citationsMissing("corpus-citations.json", "It could not be fetched.");
  else attachCitations(text, "corpus-citations.json");
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

const std::vector<Diagnostic>& App::addStories(std::string_view text, std::string_view name) {
  ensureCitations();  // stories cite sources by id
  StoriesResult r = loadStories(text, corpus_);
  errorSource_ = std::string(name);
  errorLines_.clear();
  for (const Diagnostic& d : r.errors) errorLines_.push_back(formatDiagnostic(name, d));
  showErrors_ = !errorLines_.empty();
  lastErrors_ = std::move(r.errors);
  if (lastErrors_.empty()) {
    for (Story& st : r.stories) addStory(corpus_, std::move(st));
    changes_ |= kChangeCorpus;
  }
  return lastErrors_;
}

int App::openStoryLink(std::string_view text, std::vector<std::string>& warnings) {
  const std::string value = storyLinkValue(text);
  if (value.empty()) return -1;
  ensureCitations();  // the link's steps cite their items' citations
  StoryLinkResult r = decodeStoryLink(value, corpus_);
  warnings.insert(warnings.end(), r.warnings.begin(), r.warnings.end());
  if (!r.ok) return -1;
  const int index = addStory(corpus_, std::move(r.story));
  linkedStory_ = {index, editor_.opened(), value};
  return index;
}

std::string App::storyDraftText() const {
  if (editor_.isOpen()) return writeStory(corpus_, editor_.draft().story());
  if (state_.story >= 0 && static_cast<size_t>(state_.story) < corpus_.stories.size())
    return writeStory(corpus_, corpus_.stories[static_cast<size_t>(state_.story)]);
  return {};
}

std::string App::link() const {
  std::string hash = encodeViewLink(state_, corpus_);
  if (state_.story >= 0 && static_cast<size_t>(state_.story) < corpus_.stories.size() &&
      corpus_.stories[static_cast<size_t>(state_.story)].own) {
    const bool asLinked = state_.story == linkedStory_.story && editor_.opened() == linkedStory_.editorOpened;
    hash += std::string(hash.size() > 1 ? "&" : "") + kStoryLinkKey + "=" +
            (asLinked ? linkedStory_.value : encodeStoryLink(corpus_, corpus_.stories[static_cast<size_t>(state_.story)]));
  }
  return hash;
}

// The one place a new corpus replaces the old: only when it had no errors, so a bad file never costs
// the user what they had.
void App::adopt(Corpus&& c, std::string source, std::vector<std::string> errorLines) {
  errorSource_ = std::move(source);
  errorLines_ = std::move(errorLines);
  showErrors_ = !errorLines_.empty();
  if (!errorLines_.empty()) return;
  const std::string selectedId = state_.selected >= 0 ? corpus_.entities[static_cast<size_t>(state_.selected)].id : "";
  loadSteps_.resize(std::min<size_t>(loadSteps_.size(), 1));  // loadCorpus's parse, if it came from there
  Clock::time_point t = Clock::now();
  corpus_ = std::move(c);
  editor_.close();  // its story was the old corpus's
  linkedStory_ = {};
  timeline_.forgetCorpus(todayDay());  // laid out when first drawn
  loadSteps_.push_back({"timeline", msSince(t)});
  graph_.setCorpus(corpus_);
  loadSteps_.push_back({"graph", msSince(t)});
  search_.setCorpus(corpus_);
  loadSteps_.push_back({"search", msSince(t)});
  pathsFrom_ = pathsTo_ = -2;
  act(act::AdoptCorpus{selectedId});
  loadSteps_.push_back({"state", msSince(t)});
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
  if (io.WantTextInput || search_.isOpen() || import_.busy()) return;
  if (state_.story >= 0) {  // a story owns the arrow keys
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_PageDown)) actions_.push(act::NextStoryStep{});
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_PageUp)) actions_.push(act::PreviousStoryStep{});
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) actions_.push(act::EndStory{});
  }
  const bool slash = ImGui::IsKeyPressed(ImGuiKey_Slash, false);
  if (slash && io.KeyShift) { showHelp_ = !showHelp_; return; }  // '?'
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) showHelp_ = false;
  if (slash) search_.open(SearchBox::Purpose::Select, '/');
  else if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_K, false)) search_.open();
  if (io.KeyCtrl || io.KeySuper || io.KeyAlt) return;
  if (ImGui::IsKeyPressed(ImGuiKey_1, false)) actions_.push(act::SetView{View::Overview});
  if (ImGui::IsKeyPressed(ImGuiKey_2, false)) actions_.push(act::SetView{View::Timeline});
  if (ImGui::IsKeyPressed(ImGuiKey_3, false)) actions_.push(act::SetView{View::Graph});
  if (ImGui::IsKeyPressed(ImGuiKey_P, false)) actions_.push(act::TogglePresentation{});
  // S starts the first story, but not while one is being written (the editor's Play follows the draft).
  if (ImGui::IsKeyPressed(ImGuiKey_S, false) && state_.story < 0 && !corpus_.stories.empty() && !editor_.isOpen())
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
  // The drawer's own row: what it shows, and a button that closes it (the view takes the room back),
  // trailing in the tab bar so that the tabs shrink before they would run under it.
  if (!ImGui::BeginTabBar("side", ImGuiTabBarFlags_FittingPolicyResizeDown)) return;
  if (ImGui::TabItemButton(ICON_CLOSE "##close-drawer", ImGuiTabItemFlags_Trailing | ImGuiTabItemFlags_NoTooltip)) drawerOpen_ = false;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close the panel");
  linkSpots_.clear();
  const auto tabFlags = [&](int tab) {
    return drawerTabRequest_ == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
  };
  detailsTabShown_ = ImGui::BeginTabItem("Details", nullptr, tabFlags(0));
  if (detailsTabShown_) {
    drawerTab_ = 0;
    const DetailsAction act = drawDetailsPanel(corpus_, state_, actions_, paths_, linkSpots_);
    if (act.findPath) search_.open(SearchBox::Purpose::PathTarget);
    if (!act.openAddress.empty()) request("open-url " + act.openAddress);
    ImGui::EndTabItem();
  }
  const std::string filterLabel = state_.filter.empty() ? "Filters###filters" : "Filters (on)###filters";
  if (ImGui::BeginTabItem(filterLabel.c_str(), nullptr, tabFlags(1))) {
    drawerTab_ = 1;
    (filterPanel_.*deferredCall(&FilterPanel::draw))(corpus_, state_, actions_, vis_);  // ui/deferred.h
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Sources", nullptr, tabFlags(2))) {
    drawerTab_ = 2;
    const std::string address = deferredCall(&drawSourcesPanel)(corpus_, state_, vis_);  // ui/deferred.h
    if (!address.empty()) request("open-url " + address);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Compare", nullptr, tabFlags(3))) {
    drawerTab_ = 3;
    (comparePanel_.*deferredCall(&ComparePanel::draw))(corpus_, state_, actions_, vis_, linkSpots_);  // ui/deferred.h
    ImGui::EndTabItem();
  }
  drawerTabRequest_ = -1;
  ImGui::EndTabBar();
}

void App::openDrawer(int tab) {
  drawerOpen_ = true;
  drawerTabRequest_ = tab;
}

// The overflow menu: what the compact row has no room for. Its rows are named controls "menu:…"
// (ui/control_spots.h), for tests and automations that click them as a reader would.
void App::drawMenu(bool narrow) {
  if (!state_.embed) {
    if (ImGui::MenuItem("Open data\xe2\x80\xa6")) request("open");
    noteControl("menu:open");
  }
  if (!state_.embed) {
    if (ImGui::MenuItem("Paste from spreadsheet\xe2\x80\xa6")) import_.openPaste();
    noteControl("menu:paste");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Cells copied from your spreadsheet, or CSV text: you see what was understood first");
  }
  if (!state_.embed) {
    if (ImGui::MenuItem("New story")) { ensureCitations(); editor_.openNew(corpus_); }  // it cites the items' citations
    noteControl("menu:new-story");
  }
  if (!state_.embed && state_.story >= 0 && !editor_.isOpen() && ImGui::MenuItem("Edit this story")) {
    ensureCitations();
    editor_.openStory(corpus_, state_.story);
  }
  // On a narrow screen a submenu would open over its parent: the export rows go inline, under a heading.
  const bool exportOpen = narrow ? (ImGui::SeparatorText("Export"), true) : ImGui::BeginMenu("Export");
  if (!narrow) noteControl("menu:export");
  if (exportOpen) {
    if (ImGui::MenuItem("Picture of the view (PNG)")) request("export-png");
    if (ImGui::MenuItem("What the filters show, with citations (JSON)")) request("export-json");
    if (ImGui::MenuItem("Entities shown (CSV)")) request("export-entities-csv");
    if (ImGui::MenuItem("Relations shown (CSV)")) request("export-relations-csv");
    // The page builds it (web/one-file-export.js): the site's files, the whole corpus, this view's link.
    if (ImGui::MenuItem("One-file explorer with this data (HTML)")) request("export-one-file");
    noteControl("menu:one-file");
    if (!narrow) ImGui::EndMenu();
    else ImGui::Separator();
  }
  if (!state_.embed) {  // the page's dialog (web/embed-dialog.js), for the site that hosts the explorer
    if (ImGui::MenuItem("Embed on your site\xe2\x80\xa6")) request("embed-dialog");
    noteControl("menu:embed");
  }
  ImGui::Separator();
  if (ImGui::MenuItem(state_.filter.empty() ? "Filters" : "Filters (on)")) openDrawer(1);
  noteControl("menu:filters");
  if (ImGui::MenuItem("Sources")) openDrawer(2);
  noteControl("menu:sources");
  if (ImGui::MenuItem("Compare two dates")) openDrawer(3);
  noteControl("menu:compare");
  if (state_.selected >= 0 && ImGui::MenuItem("Details of the selection")) openDrawer(0);
  if (narrow || state_.embed) {
    ImGui::Separator();
    if (ImGui::MenuItem(state_.presentation ? "End presentation" : "Present", "P")) actions_.push(act::TogglePresentation{});
    if (ImGui::MenuItem("Keyboard keys", "?")) showHelp_ = true;
  }
  if (state_.embed) {
    ImGui::Separator();
    if (ImGui::MenuItem("Hide the controls")) state_.controlsShown = false;
  }
}

// One compact row: the three views on the left; search, filters, presentation, help and the overflow
// menu on the right (on a narrow screen only search and the menu). An embed shows the view first and
// this row once the reader asks for it (the button in the view's corner).
void App::drawHeader(float width) {
  const float fs = ImGui::GetFontSize();
  const bool narrow = width < fs * 38;
  const ImGuiStyle& st = ImGui::GetStyle();
  const char* names[] = {"Overview", "Timeline", narrow ? "Graph" : "Relationships"};
  const char* tips[] = {"What the corpus holds and the guided stories (1)",
                        "When things existed and happened (2)", "Who governs, funds and works with whom (3)"};
  const View views[] = {View::Overview, View::Timeline, View::Graph};
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine(0, 2.f);
    const bool active = state_.view == views[i];
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(names[i])) actions_.push(act::SetView{views[i]});
    if (active) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tips[i]);
  }
  // The right-hand group, measured so it ends at the right edge.
  const char* searchLabel = narrow ? ICON_SEARCH "##search" : ICON_SEARCH " Search##search";
  const char* filtersLabel = state_.filter.empty() ? ICON_FILTER " Filters" : ICON_FILTER " Filters \xe2\x97\x8f";
  const char* present = state_.presentation ? ICON_PRESENT " End presentation" : ICON_PRESENT " Present";
  float groupW = Flow::button(searchLabel) + Flow::button(ICON_MENU) + st.ItemSpacing.x;
  if (!narrow) groupW += Flow::button(filtersLabel) + Flow::button(present) + Flow::button(ICON_HELP) + 3 * st.ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine(0, 0);
  ImGui::SetCursorScreenPos(ImVec2(std::max(ImGui::GetCursorScreenPos().x + fs, right - groupW), ImGui::GetCursorScreenPos().y));
  if (ImGui::Button(searchLabel)) search_.open();
  // A tooltip never covers the dialog its button opened.
  if (ImGui::IsItemHovered() && !search_.isOpen()) ImGui::SetTooltip("Search names, aliases, descriptions and quotes (/ or Ctrl+K)");
  if (!narrow) {
    ImGui::SameLine();
    if (ImGui::Button(filtersLabel)) {
      if (drawerOpen_ && drawerTab_ == 1) drawerOpen_ = false;
      else openDrawer(1);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(state_.filter.empty() ? "Filter by kind, type, relation, theme and years" : "Filters are on: what is shown is filtered");
    ImGui::SameLine();
    if (ImGui::Button(present)) actions_.push(act::TogglePresentation{});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Large type, high contrast, full screen (P)");
    ImGui::SameLine();
    if (ImGui::Button(ICON_HELP)) showHelp_ = !showHelp_;
    if (ImGui::IsItemHovered() && !showHelp_) ImGui::SetTooltip("Keyboard keys (?)");
  }
  ImGui::SameLine();
  if (ImGui::Button(ICON_MENU)) ImGui::OpenPopup("menu");
  noteControl("menu");
  if (ImGui::IsItemHovered() && !ImGui::IsPopupOpen("menu")) ImGui::SetTooltip("More: open data, export, filters, sources");
  if (ImGui::BeginPopup("menu")) {
    (this->*deferredCall(&App::drawMenu))(narrow);  // opened by a click: ui/deferred.h
    ImGui::EndPopup();
  }
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
  beginControlSpots();
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
  // The compact row of controls (an embed: only when the reader asked for it).
  if (!state_.embed || state_.controlsShown) drawHeader(width);
  // The drawer opens with a new selection (not during a story: its card tells the step) and closes
  // when the selection is cleared, unless the reader opened it for the filters or sources.
  if (state_.selected != drawerSelection_) {
    // (An embed shows the view first: its details open from the menu once the controls are shown.)
    // (Selecting a change in the Compare tab keeps that tab: the picture shows the selection.)
    const bool comparingTab = drawerOpen_ && drawerTab_ == 3;
    if (state_.selected >= 0 && state_.story < 0 && (!state_.embed || state_.controlsShown) && !comparingTab) openDrawer(0);
    if (state_.selected < 0 && drawerTab_ == 0) drawerOpen_ = false;
    drawerSelection_ = state_.selected;
  }
  // A comparison begun elsewhere (a link, the API) opens its list, as a selection opens its details.
  if (state_.comparing() != comparingSeen_) {
    comparingSeen_ = state_.comparing();
    if (comparingSeen_ && state_.story < 0 && (!state_.embed || state_.controlsShown)) openDrawer(3);
  }
  // Screen readers hear each new comparison, as they hear a path found.
  if (state_.compareFirst != toldFirst_ || state_.compareSecond != toldSecond_) {
    toldFirst_ = state_.compareFirst;
    toldSecond_ = state_.compareSecond;
    if (const Comparison* cmp = vis_.comparison.get())
      announcement_ = "Comparing " + formatUkDay(cmp->first) + " with " + formatUkDay(cmp->second) + ": " +
                      std::to_string(cmp->entities.size()) + " changes, listed in the Compare tab";
  }
  // The drawer sits beside the view on wide screens and is a bottom sheet on narrow ones; closed, the
  // view takes the whole width and height.
  const bool wide = width >= 900;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float detailsW = wide ? std::clamp(width * 0.3f, 300.f, 460.f) : avail.x;
  const bool side = drawerOpen_ || editor_.isOpen();  // the story editor takes the drawer's place
  const float viewW = side && wide ? avail.x - detailsW - gap : avail.x;
  const float viewH = side && !wide ? std::max(avail.y * 0.55f, 60.f) : avail.y;
  const ImVec2 viewMin = ImGui::GetCursorScreenPos(), viewMax(viewMin.x + viewW, viewMin.y + viewH);
  plot_ = Rect{viewMin.x, viewMin.y, viewW, viewH};
  // The timeline and the graph paint their own canvas: no child background under it.
  ImGui::BeginChild("view", ImVec2(viewW, viewH), false,
                    state_.view == View::Overview ? 0
                                                  : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                                                        ImGuiWindowFlags_NoBackground);
  switch (state_.view) {
    case View::Overview: {
      const int edit = drawOverviewPanel(corpus_, state_, actions_);
      if (edit == kNewStory || edit >= 0) ensureCitations();  // the editor cites the items' citations
      if (edit == kNewStory) editor_.openNew(corpus_);
      else if (edit >= 0) editor_.openStory(corpus_, edit);
      break;
    }
    case View::Timeline:
      timeline_.setOverlays(rects_.storyCard && state_.story >= 0 ? std::vector<ScreenRect>{*rects_.storyCard} : std::vector<ScreenRect>{});
      animating = timeline_.draw(corpus_, state_, actions_, vis_, touchFingers_); break;
    case View::Graph:
      // The story card is drawn over the view after it: the last frame's rectangle keeps labels clear.
      graph_.setOverlays(rects_.storyCard && state_.story >= 0 ? std::vector<ScreenRect>{*rects_.storyCard} : std::vector<ScreenRect>{});
      animating = graph_.draw(corpus_, state_, actions_, vis_, paths_, pathsVersion_);
      state_.layoutIterations = graph_.layoutIterations();
      state_.layoutSettled = graph_.layoutSettled();
      break;
  }
  if (state_.embed && !state_.controlsShown) {  // compact: one small button in the corner asks for the controls
    ImGui::SetCursorScreenPos(ImVec2(viewMin.x + 6.f, viewMin.y + 6.f));
    if (ImGui::Button(ICON_MENU "##controls")) state_.controlsShown = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the controls: views, search, filters, export");
  }
  ImGui::EndChild();
  // The frame's rectangles, as laid out (explorer.layoutRects()): the view, its picture, the legend.
  rects_ = LayoutRects{};
  rects_.canvas = ScreenRect{viewMin.x, viewMin.y, viewW, viewH};
  if (state_.view != View::Overview) {
    const ScreenRect plot = state_.view == View::Graph ? graph_.plotRect() : timeline_.plotRect();
    rects_.plot = plot;
    if (plot.y > viewMin.y + 0.5f) rects_.toolbar = ScreenRect{viewMin.x, viewMin.y, viewW, plot.y - viewMin.y};
  }
  if (ScreenRect legend; state_.view == View::Graph && graph_.legendRect(legend)) rects_.legend = legend;
  if (ScreenRect tools; (state_.view == View::Graph && graph_.toolsRect(tools)) ||
                        (state_.view == View::Timeline && timeline_.toolsRect(tools)))
    rects_.viewTools = tools;
  if (editor_.isOpen()) {
    if (wide) ImGui::SameLine();
    ImGui::BeginChild("story-editor", ImVec2(0, 0), true);
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    rects_.storyEditor = ScreenRect{p.x, p.y, sz.x, sz.y};
    (editor_.*deferredCall(&StoryEditor::draw))(corpus_, state_, actions_, requests_);  // ui/deferred.h
    ImGui::EndChild();
    detailsTabShown_ = false;
    linkSpots_.clear();
  } else if (drawerOpen_) {
    if (wide) ImGui::SameLine();
    scrollDetailsForSelection(state_);  // a new selection opens the details at the top
    ImGui::BeginChild("details", ImVec2(0, 0), true, ImGuiWindowFlags_NoBackground);
    {  // its background by a clear inside the border (cheaper than a blended quad in software WebGL)
      const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
      addClearRect(ImGui::GetWindowDrawList(), ImVec2(p.x + 1, p.y + 1), ImVec2(p.x + sz.x - 1, p.y + sz.y - 1),
                   ImGui::GetColorU32(ImGuiCol_ChildBg));
      rects_.details = ScreenRect{p.x, p.y, sz.x, sz.y};
    }
    drawSide();
    ImGui::EndChild();
  } else {
    detailsTabShown_ = false;
    linkSpots_.clear();
  }
  ImGui::End();
  {  // the story card, away from the step's subject
    float fx = 0, fy = 0;
    bool hasFocus = false;
    if (state_.story >= 0 && static_cast<size_t>(state_.story) < corpus_.stories.size()) {
      const Story& st = corpus_.stories[static_cast<size_t>(state_.story)];
      if (state_.storyStep >= 0 && static_cast<size_t>(state_.storyStep) < st.steps.size() &&
          !st.steps[static_cast<size_t>(state_.storyStep)].focus.empty())
        hasFocus = entityScreenPos(st.steps[static_cast<size_t>(state_.storyStep)].focus[0], fx, fy);
    }
    const Rect before = card_;
    // While the story is edited, the editor shows the step instead of the card.
    card_ = editor_.isOpen() ? Rect{} : drawStoryCard(corpus_, state_, actions_, plot_, hasFocus, fx, fy);
    // The views place labels and frame the subject clear of the card as it was: one more frame once it moves.
    if (card_.x != before.x || card_.y != before.y || card_.w != before.w || card_.h != before.h) animating = true;
  }
  if (card_.w > 0) rects_.storyCard = ScreenRect{card_.x, card_.y, card_.w, card_.h};
  if (search_.isOpen()) ensureCitations();  // quotes are searched too (they follow the first view)
  search_.draw(corpus_, state_, actions_, width);
  if (std::string field = search_.takePageRequest(); !field.empty()) request(std::move(field));  // the page's touch text field
  if (showHelp_) deferredCall(&drawHelpPanel)(showHelp_, width);  // opened by a click or '?': ui/deferred.h
  if (state_.presentation) {  // a halo that shows the room where the pointer is
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (m.x >= 0 && m.y >= 0) {
      ImDrawList* fg = ImGui::GetForegroundDrawList();
      fg->AddCircleFilled(m, ImGui::GetFontSize() * 1.3f, IM_COL32(255, 200, 0, 70));
      fg->AddCircle(m, ImGui::GetFontSize() * 1.3f, IM_COL32(213, 94, 0, 200), 0, 3.f);
    }
  }
  animating = animating || state_.playing || !actions_.empty();  // what the views asked for, next frame
  drawImports(width, height);
  if (showErrors_) deferredCall(&drawErrorsPanel)(errorSource_, errorLines_, showErrors_);  // ui/deferred.h
  return animating;
}

}  // namespace nhsx
