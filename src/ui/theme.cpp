#include "ui/theme.h"

#include <imgui.h>

#include "core/theme_colours.h"

namespace nhsx {

namespace {
Palette gPalette;

ImVec4 vec(Rgba c) { return ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f); }
uint32_t u32(Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

Palette paletteFor(const ThemeColours& t, uint32_t accentU32) {
  Palette p{};
  p.canvas = u32(t.canvas);
  p.text = u32(t.viewText);
  p.muted = u32(t.muted);
  p.strong = u32(t.strong);
  p.axisBg = u32(t.axisBg);
  p.laneHeader = u32(t.laneHeader);
  p.tickMinor = u32(t.tickMinor);
  p.tickMajor = u32(t.tickMajor);
  p.density = u32(t.density);
  p.labelBg = u32(t.labelBg);
  p.labelBgStrong = u32(t.labelBgStrong);
  p.legendBg = u32(t.legendBg);
  p.accent = accentU32;
  p.today = u32(t.today);
  p.link = u32(t.link);
  for (int k = 0; k < kKindCount; ++k) p.kindText[k] = u32(t.kindText[k]);
  return p;
}
}  // namespace

const Palette& palette() { return gPalette; }

void applyTheme(const Look& look) {
  ImGuiStyle style;
  const uint32_t accent = look.accent ? (look.accent & 0xFFFFFFu) : kNhsBlue;
  const ThemeColours t = themeColours(look.dark, look.highContrast, accent);
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
  // Every colour text is drawn with or on comes from the checked table (core/theme_colours.h).
  c[ImGuiCol_WindowBg] = vec(t.windowBg);
  c[ImGuiCol_ChildBg] = vec(t.childBg);
  c[ImGuiCol_PopupBg] = vec(t.popupBg);
  c[ImGuiCol_FrameBg] = vec(t.frameBg);  // checkboxes and fields show on white
  c[ImGuiCol_TitleBg] = vec(t.titleBg);
  c[ImGuiCol_TitleBgActive] = vec(t.titleBgActive);
  c[ImGuiCol_Text] = vec(t.text);
  c[ImGuiCol_TextDisabled] = vec(t.textDisabled);
  c[ImGuiCol_Header] = vec(t.header);
  c[ImGuiCol_HeaderHovered] = vec(t.headerHovered);
  c[ImGuiCol_HeaderActive] = vec(t.headerActive);
  c[ImGuiCol_Button] = vec(t.button);
  c[ImGuiCol_ButtonHovered] = vec(t.buttonHovered);
  c[ImGuiCol_ButtonActive] = vec(t.buttonActive);
  c[ImGuiCol_Tab] = vec(t.tab);
  c[ImGuiCol_TabHovered] = vec(t.tabHovered);
  c[ImGuiCol_TabActive] = vec(t.tabActive);
  c[ImGuiCol_TabUnfocused] = vec(t.tabUnfocused);
  c[ImGuiCol_TabUnfocusedActive] = vec(t.tabUnfocusedActive);
  c[ImGuiCol_TableRowBgAlt] = vec(t.tableRowBgAlt);
  c[ImGuiCol_TextSelectedBg] = vec(t.textSelectedBg);
  c[ImGuiCol_CheckMark] = vec(rgb(static_cast<uint8_t>(accent >> 16), static_cast<uint8_t>(accent >> 8),
                                  static_cast<uint8_t>(accent)));
  c[ImGuiCol_NavHighlight] = look.dark ? ImVec4(1.f, 0.85f, 0.2f, 1.f) : ImVec4(0.84f, 0.37f, 0.0f, 1.f);  // focus ring
  if (look.highContrast) {
    style.FrameBorderSize = 1.5f;
    c[ImGuiCol_Border] = look.dark ? ImVec4(1, 1, 1, 1) : ImVec4(0, 0, 0, 1);
  }
  style.ScaleAllSizes(look.uiScale);
  ImGui::GetStyle() = style;
  gPalette = paletteFor(t, ImGui::ColorConvertFloat4ToU32(c[ImGuiCol_CheckMark]));
}

}  // namespace nhsx
