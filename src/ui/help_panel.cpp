#include "ui/help_panel.h"

#include <imgui.h>

#include <algorithm>

namespace nhsx {

namespace {
const char* const kKeys[][2] = {
    {"?", "show or hide this list"},
    {"/  or  Ctrl+K", "search names, aliases, descriptions and quotes"},
    {"Up / Down, Enter", "move through search results, choose one"},
    {"Esc", "close search or this list; leave a story"},
    {"1  2  3", "Overview, Timeline, Relationships"},
    {"S", "start the first guided story (or resume)"},
    {"Left / Right, Page Up / Down", "previous / next story step (in a story)"},
    {"Left / Right / Up / Down", "pan the view (outside a story)"},
    {"+  -", "zoom in and out"},
    {"F", "fit everything in the view"},
    {"Tab / Shift+Tab", "move the keyboard focus between buttons and links"},
    {"Esc, then Tab", "move on from the explorer to the rest of the page"},
    {"Space / Enter", "press the focused button or link"},
    {"P", "presentation mode: large type, high contrast, full screen"},
};
}  // namespace

void drawHelpPanel(bool& open, float viewportWidth) {
  if (!open) return;
  const float fs = ImGui::GetFontSize();
  const float w = std::min(viewportWidth - 16.f, fs * 32);
  ImGui::SetNextWindowPos(ImVec2((viewportWidth - w) * 0.5f, fs * 3.2f), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  if (ImGui::Begin("Keyboard###help", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize |
                                                  ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                                  ImGuiWindowFlags_AlwaysAutoResize)) {
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      for (const auto& k : kKeys) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(k[0]);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(k[1]);
      }
      ImGui::EndTable();
    }
    ImGui::TextDisabled("Touch: tap selects, drag pans, pinch zooms, press and hold for details.");
  }
  ImGui::End();
}

}  // namespace nhsx
