// Toolbars that wrap: widgets go left to right and start a new line when the next would not fit, so
// the same toolbar works in a phone-width embed and on a projector.
#pragma once
#include <imgui.h>

namespace nhsx {

class Flow {
 public:
  // Call before each widget with the width it will take.
  void before(float width, float gap = -1.f) {
    const float g = gap < 0 ? ImGui::GetStyle().ItemSpacing.x : gap;
    if (!first_) {
      const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
      if (ImGui::GetItemRectMax().x + g + width <= right) ImGui::SameLine(0, g);  // else a new line
    }
    first_ = false;
  }
  // A line of text placed in the flow, aligned with the buttons (disabled: greyed).
  void label(const char* text, float gap = -1.f, bool disabled = false) {
    before(Flow::text(text), gap);
    ImGui::AlignTextToFramePadding();
    if (disabled) ImGui::TextDisabled("%s", text);
    else ImGui::TextUnformatted(text);
  }
  // A button placed in the flow, with an optional tooltip; true when pressed.
  bool addButton(const char* label, const char* tooltip = nullptr, float gap = -1.f) {
    before(button(label), gap);
    const bool pressed = ImGui::Button(label);
    if (tooltip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    return pressed;
  }
  static float button(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }
  static float check(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
  }
  static float text(const char* t) { return ImGui::CalcTextSize(t, nullptr, true).x; }

 private:
  bool first_ = true;
};

}  // namespace nhsx
