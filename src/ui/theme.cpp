#include "ui/theme.h"

#include <imgui.h>

namespace nhsx {

namespace {
Palette gPalette;

ImVec4 rgbOf(uint32_t hex, float a = 1.f) {
  return ImVec4(((hex >> 16) & 0xFF) / 255.f, ((hex >> 8) & 0xFF) / 255.f, (hex & 0xFF) / 255.f, a);
}

Palette paletteFor(const Look& look, uint32_t accentU32) {
  if (look.dark) {
    return Palette{IM_COL32(24, 26, 31, 255),    IM_COL32(236, 238, 242, 255), IM_COL32(160, 166, 178, 255),
                   IM_COL32(255, 255, 255, 255), IM_COL32(34, 37, 44, 255),    IM_COL32(40, 44, 52, 255),
                   IM_COL32(110, 116, 128, 255), IM_COL32(170, 176, 188, 255), IM_COL32(150, 160, 180, 200),
                   IM_COL32(24, 26, 31, 190),    IM_COL32(10, 12, 16, 240),    IM_COL32(30, 33, 40, 225),
                   accentU32};
  }
  const bool hc = look.highContrast;
  return Palette{IM_COL32(255, 255, 255, 255), hc ? IM_COL32(0, 0, 0, 255) : IM_COL32(30, 32, 40, 255),
                 hc ? IM_COL32(40, 40, 40, 255) : IM_COL32(95, 100, 110, 255), IM_COL32(0, 0, 0, 255),
                 IM_COL32(244, 245, 247, 255), IM_COL32(236, 238, 242, 255),
                 hc ? IM_COL32(60, 60, 60, 255) : IM_COL32(150, 155, 165, 255),
                 hc ? IM_COL32(0, 0, 0, 255) : IM_COL32(90, 95, 110, 255), IM_COL32(90, 100, 120, 200),
                 hc ? IM_COL32(255, 255, 255, 240) : IM_COL32(250, 250, 248, 190), IM_COL32(255, 255, 255, 240),
                 IM_COL32(255, 255, 255, 225), accentU32};
}
}  // namespace

const Palette& palette() { return gPalette; }

void applyTheme(const Look& look) {
  ImGuiStyle style;
  const uint32_t accent = look.accent ? (look.accent & 0xFFFFFFu) : 0x005EB8u;  // NHS blue
  if (look.dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  style.WindowRounding = 4;
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.WindowPadding = ImVec2(12, 12);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 7);
  style.ScrollbarSize = 16;
  ImVec4* c = style.Colors;
  if (look.dark) {
    c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.93f, 0.94f, 0.95f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.66f, 0.68f, 0.72f, 1.0f);  // 4.5:1 and more on the dark panels
  } else {
    c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.91f, 0.92f, 0.94f, 1.0f);  // checkboxes and fields show on white
    c[ImGuiCol_Text] = look.highContrast ? ImVec4(0, 0, 0, 1) : ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
    c[ImGuiCol_TextDisabled] = look.highContrast ? ImVec4(0.2f, 0.2f, 0.2f, 1) : ImVec4(0.36f, 0.38f, 0.42f, 1.0f);
  }
  const float tint = look.highContrast ? 1.6f : 1.0f;
  c[ImGuiCol_Header] = rgbOf(accent, 0.18f * tint);
  c[ImGuiCol_HeaderHovered] = rgbOf(accent, 0.28f * tint);
  c[ImGuiCol_HeaderActive] = rgbOf(accent, 0.40f * tint);
  c[ImGuiCol_Button] = rgbOf(accent, 0.15f * tint);
  c[ImGuiCol_ButtonHovered] = rgbOf(accent, 0.30f * tint);
  c[ImGuiCol_ButtonActive] = rgbOf(accent, 0.45f * tint);
  c[ImGuiCol_CheckMark] = rgbOf(accent);
  c[ImGuiCol_TabActive] = rgbOf(accent, 0.45f);
  c[ImGuiCol_TabHovered] = rgbOf(accent, 0.35f);
  c[ImGuiCol_NavHighlight] = look.dark ? ImVec4(1.f, 0.85f, 0.2f, 1.f) : ImVec4(0.84f, 0.37f, 0.0f, 1.f);  // focus ring
  if (look.highContrast) {
    style.FrameBorderSize = 1.5f;
    c[ImGuiCol_Border] = ImVec4(0, 0, 0, 1);
  }
  style.ScaleAllSizes(look.uiScale);
  ImGui::GetStyle() = style;
  gPalette = paletteFor(look, ImGui::ColorConvertFloat4ToU32(rgbOf(accent)));
}

}  // namespace nhsx
