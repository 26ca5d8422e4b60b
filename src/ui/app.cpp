#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>

#include "ui/details_panel.h"
#include "ui/overview_panel.h"

namespace nhsx {

int32_t todayDay() {
  using namespace std::chrono;
  return static_cast<int32_t>(duration_cast<hours>(system_clock::now().time_since_epoch()).count() / 24);
}

bool App::initGraphics(std::string& error) { return graph_.initRenderer(error); }

const std::vector<Diagnostic>& App::loadCorpus(std::string_view text, std::string_view name) {
  LoadResult r = nhsx::loadCorpus(text);
  lastErrors_ = std::move(r.errors);
  lastErrorSource_ = std::string(name);
  showErrors_ = !lastErrors_.empty();
  if (lastErrors_.empty()) {
    // Keep the selection when the same entity exists in the new corpus.
    const std::string selectedId = state_.selected >= 0 ? corpus_.entities[static_cast<size_t>(state_.selected)].id : "";
    corpus_ = std::move(r.corpus);
    state_.corpusLoaded = true;
    state_.selected = selectedId.empty() ? -1 : corpus_.findEntity(selectedId);
    timeline_.setCorpus(corpus_, todayDay());
    graph_.setCorpus(corpus_);
  }
  return lastErrors_;
}

void App::pinch(const Pinch& p, int fingers) {
  state_.touchFingers = fingers;
  if (!p.active) return;
  if (state_.view == View::Timeline) timeline_.pinch(p.factor, p.cx, p.dx);
  if (state_.view == View::Graph) graph_.pinch(p.factor, p.cx, p.cy, p.dx, p.dy);
}

bool App::entityScreenPos(uint32_t entity, float& x, float& y) const {
  if (state_.view == View::Graph) return graph_.nodeScreenPos(entity, x, y);
  if (state_.view == View::Timeline) return timeline_.itemScreenPos(state_, entity, x, y);
  return false;
}

void App::drawHeader(float width) {
  ImGui::PushFont(nullptr);
  ImGui::SetWindowFontScale(1.2f);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(corpus_.title.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  const char* names[] = {"Overview", "Timeline", "Relationships"};
  const View views[] = {View::Overview, View::Timeline, View::Graph};
  const float tabsWidth = ImGui::CalcTextSize("OverviewTimelineRelationships").x + ImGui::GetStyle().FramePadding.x * 6 + 24;
  if (width > tabsWidth + ImGui::CalcTextSize(corpus_.title.c_str()).x * 1.2f + 40) ImGui::SameLine(width - tabsWidth - 8);
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    const bool active = state_.view == views[i];
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(names[i])) state_.view = views[i];
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
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  bool animating = false;
  if (!state_.corpusLoaded) {
    ImGui::Text("Loading the corpus\xe2\x80\xa6");
    ImGui::End();
    return false;
  }
  drawHeader(width);
  // The details sit beside the view on wide screens and below it on narrow ones.
  const bool wide = width >= 900;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float detailsW = wide ? std::clamp(width * 0.3f, 300.f, 460.f) : avail.x;
  const float viewW = wide ? avail.x - detailsW - ImGui::GetStyle().ItemSpacing.x : avail.x;
  const float viewH = wide ? avail.y : avail.y * 0.6f;
  ImGui::BeginChild("view", ImVec2(viewW, viewH), false,
                    state_.view == View::Overview ? 0 : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  switch (state_.view) {
    case View::Overview: drawOverviewPanel(corpus_, state_); break;
    case View::Timeline: animating = timeline_.draw(corpus_, state_, dt); break;
    case View::Graph: animating = graph_.draw(corpus_, state_); break;
  }
  ImGui::EndChild();
  if (wide) ImGui::SameLine();
  ImGui::BeginChild("details", ImVec2(0, 0), true);
  drawDetailsPanel(corpus_, state_);
  ImGui::EndChild();
  ImGui::End();
  if (showErrors_) drawErrorsPanel(lastErrorSource_, lastErrors_, showErrors_);
  return animating;
}

}  // namespace nhsx
