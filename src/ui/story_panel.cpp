#include "ui/story_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/story.h"
#include "ui/text_fit.h"

namespace nhsx {

namespace {
constexpr float kSwipePx = 60.f;  // a horizontal drag this long on the card turns the page

void progressDots(int step, int steps) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float r = ImGui::GetFontSize() * 0.22f, gap = r * 3.2f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  for (int i = 0; i < steps; ++i) {
    const ImVec2 c(at.x + r + i * gap, at.y + ImGui::GetFontSize() * 0.5f);
    const ImU32 col = ImGui::GetColorU32(i <= step ? ImGuiCol_ButtonActive : ImGuiCol_FrameBg);
    dl->AddCircleFilled(c, i == step ? r * 1.35f : r, col);
  }
  ImGui::Dummy(ImVec2(steps * gap, ImGui::GetFontSize()));
}
}  // namespace

Rect drawStoryCard(const Corpus& c, const AppState& s, ActionQueue& out, const Rect& view, bool hasFocus, float focusX,
                   float focusY) {
  if (s.story < 0 || static_cast<size_t>(s.story) >= c.stories.size()) return {};
  const Story& story = c.stories[static_cast<size_t>(s.story)];
  if (s.storyStep < 0 || static_cast<size_t>(s.storyStep) >= story.steps.size()) return {};
  const StoryStep& step = story.steps[static_cast<size_t>(s.storyStep)];
  const int steps = static_cast<int>(story.steps.size());
  const float fs = ImGui::GetFontSize();
  // About a third of a wide view (three fifths of its width, at most half its height); a narrow one
  // gets the whole width and up to half its height.
  const bool wideView = view.w >= 700.f;
  const float w = std::min(view.w - 16.f, wideView ? std::max(view.w * 0.6f, std::min(fs * 30, view.w - 16.f)) : view.w);
  const float maxH = view.h * 0.5f;
  static float lastH = 0;  // the card's height last frame (it sizes itself to its content)
  static int shownStory = -1, shownStep = -1;
  const bool newStep = shownStory != s.story || shownStep != s.storyStep;
  shownStory = s.story;
  shownStep = s.storyStep;
  const Rect at = placeStoryCard(view, w, lastH > 0 ? lastH : fs * 8, hasFocus, focusX, focusY);
  ImGui::SetNextWindowPos(ImVec2(at.x, at.y), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, maxH));
  // No keyboard navigation inside the card: the arrow keys belong to the story (App), so they never
  // land on its buttons or toggle its Sources.
  ImGui::Begin("story-card", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                          ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::TextDisabled("%s \xc2\xb7 step %d of %d", story.title.c_str(), s.storyStep + 1, steps);
  ImGui::SameLine();
  progressDots(s.storyStep, steps);
  ImGui::SetWindowFontScale(1.4f);  // the step's title clearly larger than its narration
  ImGui::TextWrapped("%s", step.title.c_str());
  ImGui::SetWindowFontScale(1.0f);
  // The buttons come first after the title, so they are always on the card however long the text.
  ImGui::BeginDisabled(s.storyStep == 0);
  if (ImGui::Button("Previous")) out.push(act::PreviousStoryStep{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(s.storyStep + 1 >= steps);
  if (ImGui::Button("Next")) out.push(act::NextStoryStep{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("End story")) out.push(act::EndStory{});
  const char* hint = "\xe2\x86\x90 \xe2\x86\x92 or swipe";
  if (ImGui::GetContentRegionAvail().x > ImGui::CalcTextSize(hint).x + fs * 8) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", hint);
  }
  // The narration and sources scroll inside the card when they are longer than it allows.
  const float bodyMax = std::max(fs * 3, maxH - (ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y) -
                                             ImGui::GetStyle().WindowPadding.y - 2.f);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, bodyMax));
  ImGui::BeginChild("story-body", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoNav);
  ImGui::TextWrapped("%s", step.narration.c_str());
  if (const char* absent = c.citationsAbsent()) ImGui::TextDisabled("%s", absent);  // they follow the first view
  else if (step.citations.empty()) ImGui::TextDisabled("No source given for this step.");  // one's own story may cite nothing
  if (newStep) ImGui::SetNextItemOpen(false);  // Sources closed on every step until clicked
  if (!step.citations.empty() && ImGui::TreeNode("sources", "Sources (%zu)", step.citations.size())) {
    for (const Citation& cit : step.citations) {
      // The seed's emphasis drawn as emphasis, as in the details panel (the quote stays verbatim).
      if (!cit.quote.empty()) emphasisTextWrapped(cit.quote, "\xe2\x80\x9c", "\xe2\x80\x9d");
      ImGui::TextDisabled("%s \xe2\x80\x94 %s", c.sources[cit.source].title.c_str(), c.sources[cit.source].publisher.c_str());
    }
    ImGui::TreePop();
  }
  ImGui::EndChild();
  // A swipe across the card: released after a mostly horizontal drag.
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.f);
    if (std::fabs(d.x) > kSwipePx && std::fabs(d.x) > 2 * std::fabs(d.y)) {
      if (d.x < 0) out.push(act::NextStoryStep{});
      else out.push(act::PreviousStoryStep{});
    }
  }
  const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
  lastH = sz.y;
  ImGui::End();
  return Rect{p.x, p.y, sz.x, sz.y};
}

}  // namespace nhsx
