// A view's own controls as a small box floating over a corner of the view, so the picture keeps the
// whole region. begin() places the box (sized to its content, as measured last frame) at the top-right
// of the region from the cursor with `avail` room; end() puts the cursor back where the view starts.
#pragma once
#include <imgui.h>

#include "ui/theme.h"

namespace nhsx {

class CornerTools {
 public:
  void begin(const char* id) {
    start_ = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID(id);
    const float w = st->GetFloat(key, 0.f);
    const float m = 6.f;
    ImGui::SetCursorScreenPos(ImVec2(start_.x + avail.x - w - m, start_.y + m));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.92f));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 4.f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4.f, 4.f));
    ImGui::BeginChild(id, ImVec2(0, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeX | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    key_ = key;
  }
  void end() {
    const float w = ImGui::GetWindowSize().x;
    ImGui::EndChild();
    min_ = ImGui::GetItemRectMin();
    max_ = ImGui::GetItemRectMax();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    ImGui::GetStateStorage()->SetFloat(key_, w);
    ImGui::SetCursorScreenPos(start_);
  }
  // The box as drawn (screen pixels), after end(): what labels of the view must keep clear of.
  ImVec2 min() const { return min_; }
  ImVec2 max() const { return max_; }
  // A small button on the box's one row, with a tooltip; true when pressed.
  static bool button(const char* label, const char* tooltip, bool sameLine = true) {
    if (sameLine) ImGui::SameLine(0, 3.f);
    const bool pressed = ImGui::Button(label);
    if (tooltip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    return pressed;
  }

 private:
  ImVec2 start_, min_, max_;
  ImGuiID key_ = 0;
};

}  // namespace nhsx
