#include "ui/story_panel.h"

#include <imgui.h>

#include <algorithm>
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

void drawStoryCard(const Corpus& c, const AppState& s, ActionQueue& out, float x, float y, float width, float height) {
  if (s.story < 0 || static_cast<size_t>(s.story) >= c.stories.size()) return;
  const Story& story = c.stories[static_cast<size_t>(s.story)];
  if (s.storyStep < 0 || static_cast<size_t>(s.storyStep) >= story.steps.size()) return;
  const StoryStep& step = story.steps[static_cast<size_t>(s.storyStep)];
  const int steps = static_cast<int>(story.steps.size());
  const float fs = ImGui::GetFontSize();
  const float w = std::min(width - 16.f, fs * 40);
  ImGui::SetNextWindowPos(ImVec2(x + (width - w) * 0.5f, y + height - 8.f), ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, height * 0.6f));
  ImGui::Begin("story-card", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextDisabled("%s \xc2\xb7 step %d of %d", story.title.c_str(), s.storyStep + 1, steps);
  ImGui::SameLine();
  progressDots(s.storyStep, steps);
  ImGui::PushFont(nullptr);
  ImGui::SetWindowFontScale(1.15f);
  ImGui::TextWrapped("%s", step.title.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  ImGui::TextWrapped("%s", step.narration.c_str());
  if (!step.citations.empty() && ImGui::TreeNode("sources", "Sources (%zu)", step.citations.size())) {
    for (const Citation& cit : step.citations) {
      // The seed's emphasis drawn as emphasis, as in the details panel (the quote stays verbatim).
      if (!cit.quote.empty()) emphasisTextWrapped(cit.quote, "\xe2\x80\x9c", "\xe2\x80\x9d");
      ImGui::TextDisabled("%s \xe2\x80\x94 %s", c.sources[cit.source].title.c_str(), c.sources[cit.source].publisher.c_str());
    }
    ImGui::TreePop();
  }
  ImGui::BeginDisabled(s.storyStep == 0);
  if (ImGui::Button("Previous")) out.push(act::PreviousStoryStep{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(s.storyStep + 1 >= steps);
  if (ImGui::Button("Next")) out.push(act::NextStoryStep{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("End story")) out.push(act::EndStory{});
  ImGui::SameLine();
  ImGui::TextDisabled("Left/Right arrow keys or swipe to move");
  // A swipe across the card: released after a mostly horizontal drag.
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.f);
    if (std::fabs(d.x) > kSwipePx && std::fabs(d.x) > 2 * std::fabs(d.y)) {
      if (d.x < 0) out.push(act::NextStoryStep{});
      else out.push(act::PreviousStoryStep{});
    }
  }
  ImGui::End();
}

}  // namespace nhsx
