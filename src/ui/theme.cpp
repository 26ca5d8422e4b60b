#include "ui/theme.h"

#include <imgui.h>

namespace nhsx {

void applyTheme(float uiScale) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 4;
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.WindowPadding = ImVec2(12, 12);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 7);
  style.ScrollbarSize = 16;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  c[ImGuiCol_Text] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.38f, 0.42f, 1.0f);  // still 4.5:1 on white
  c[ImGuiCol_Header] = ImVec4(0.00f, 0.37f, 0.72f, 0.18f);       // NHS blue tints
  c[ImGuiCol_HeaderHovered] = ImVec4(0.00f, 0.37f, 0.72f, 0.28f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.00f, 0.37f, 0.72f, 0.40f);
  c[ImGuiCol_Button] = ImVec4(0.00f, 0.37f, 0.72f, 0.15f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.00f, 0.37f, 0.72f, 0.30f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.00f, 0.37f, 0.72f, 0.45f);
  style.ScaleAllSizes(uiScale);
  ImGui::GetStyle() = style;
}

}  // namespace nhsx
