#include "ui/overview_panel.h"

#include <imgui.h>

#include "core/edtf.h"
#include "core/kind_style.h"
#include "core/story.h"
#include "ui/control_spots.h"
#include "ui/theme.h"

namespace nhsx {

int drawOverviewPanel(const Corpus& c, const AppState& s, ActionQueue& out) {
  int edit = -1;
  if (!s.embed && !c.title.empty()) {  // the title, here rather than over every view (an embed's host gives it)
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextWrapped("%s", c.title.c_str());
    ImGui::SetWindowFontScale(1.0f);
  }
  if (!c.description.empty()) ImGui::TextWrapped("%s", c.description.c_str());
  if (c.firstDay != c.lastDay) {
    int y0, y1, m, d;
    civilFromDays(c.firstDay, y0, m, d);
    civilFromDays(c.lastDay, y1, m, d);
    // The bundled corpus's sources follow its first view (Corpus::citationsAbsent).
    const std::string sources = c.citationsState == CitationsState::Pending   ? "sources loading\xe2\x80\xa6"
                                : c.citationsState == CitationsState::Missing ? "sources not loaded"
                                                                              : std::to_string(c.sources.size()) + " sources";
    ImGui::TextDisabled("Dates from %d to %d \xc2\xb7 %s", y0, y1, sources.c_str());
  }
  // A first screen that teaches: what each view shows, and that everything can be clicked.
  ImGui::SeparatorText("What you can see here");
  ImGui::PushTextWrapPos(0.f);
  ImGui::BulletText("Overview: what the corpus holds, its lists and the guided stories below.");
  ImGui::BulletText("Timeline: when each body, person, document and event existed or happened.");
  ImGui::BulletText("Relationships: who governs, funds and works with whom, as a network.");
  ImGui::BulletText("Everything can be clicked: its details, relations and sources open beside the view.");
  ImGui::PopTextWrapPos();
  if (!c.stories.empty()) {
    ImGui::SeparatorText("Guided stories");
    for (size_t i = 0; i < c.stories.size(); ++i) {
      const Story& st = c.stories[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::BeginDisabled(st.steps.empty());
      if (ImGui::Button("Start")) out.push(act::GoToStoryStep{static_cast<int>(i), 0});
      noteControl("start:" + st.id);
      ImGui::EndDisabled();
      ImGui::SameLine();
      if (!s.embed) {
        if (ImGui::Button("Edit")) edit = static_cast<int>(i);
        noteControl("edit:" + st.id);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Change this story's steps, words and sources");
        ImGui::SameLine();
      }
      ImGui::AlignTextToFramePadding();
      ImGui::TextWrapped("%s (%zu steps)", st.title.c_str(), st.steps.size());
      if (!st.description.empty()) {  // wrapped, not cut at the edge
        ImGui::PushTextWrapPos(0.f);
        ImGui::TextDisabled("%s", st.description.c_str());
        ImGui::PopTextWrapPos();
      }
      ImGui::PopID();
    }
  }
  if (!s.embed) {
    if (c.stories.empty()) ImGui::SeparatorText("Guided stories");
    if (ImGui::Button("New story")) edit = kNewStory;
    noteControl("new-story");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Make a story of your own from what you show, step by step");
  }
  if (!c.stories.empty() || !s.embed) {
    ImGui::SeparatorText("In this corpus");
  }
  ImGui::Spacing();
  if (ImGui::BeginTable("counts", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    for (int k = 0; k < kKindCount; ++k) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, kindTextColour(static_cast<Kind>(k)));
      ImGui::Text("%s", std::string(kindPlural(static_cast<Kind>(k))).c_str());
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      ImGui::Text("%u", c.countByKind[k]);
    }
    const std::pair<const char*, size_t> rest[] = {
        {"Relations", c.relations.size()}, {"Events", c.events.size()}, {"Sources", c.sources.size()}};
    for (const auto& [label, n] : rest) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%s", label);
      ImGui::TableNextColumn();
      if (label == rest[2].first && c.citationsAbsent()) ImGui::TextDisabled("%s", c.citationsAbsent());  // they follow
      else ImGui::Text("%zu", n);
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  for (int k = 0; k < kKindCount; ++k) {
    const Kind kind = static_cast<Kind>(k);
    if (!c.countByKind[k]) continue;
    const std::string header = std::string(kindPlural(kind)) + " (" + std::to_string(c.countByKind[k]) + ")";
    if (!ImGui::CollapsingHeader(header.c_str())) continue;
    ImGui::PushID(k);
    for (size_t i = 0; i < c.entities.size(); ++i) {
      const Entity& e = c.entities[i];
      if (e.kind != kind) continue;
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(e.name.c_str(), s.selected == static_cast<int>(i))) out.push(act::Select{static_cast<int>(i)});
      ImGui::PopID();
    }
    ImGui::PopID();
  }
  return edit;
}

void drawErrorsPanel(const std::string& source, const std::vector<std::string>& errors, bool& open) {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(size.x * 0.1f, size.y * 0.15f), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(size.x * 0.8f, size.y * 0.5f), ImGuiCond_Appearing);
  // Named for the file refused (a corpus, a sheet, or the bundled corpus's citations part, after which the
  // map stays shown without its sources): "Corpus not loaded" over a map still on screen misled.
  const std::string title = "Not loaded: " + source + "###load-errors";
  if (!ImGui::Begin(title.c_str(), &open)) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped("%s has %zu problem%s. The corpus shown is unchanged.", source.c_str(), errors.size(),
                     errors.size() == 1 ? "" : "s");
  ImGui::Separator();
  for (const std::string& line : errors) ImGui::TextWrapped("%s", line.c_str());
  ImGui::End();
}

}  // namespace nhsx
