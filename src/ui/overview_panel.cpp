#include "ui/overview_panel.h"

#include <imgui.h>

#include "core/edtf.h"

namespace nhsx {

namespace {
void drawDetails(const Corpus& c, const AppState& s) {
  if (s.selected < 0) {
    ImGui::TextDisabled("Select an entity to see its details and sources.");
    return;
  }
  const Entity& e = c.entities[static_cast<size_t>(s.selected)];
  ImGui::TextWrapped("%s", e.name.c_str());
  ImGui::TextDisabled("%s \xc2\xb7 %s", std::string(kindName(e.kind)).c_str(), e.type.c_str());
  if (e.date.present()) {
    ImGui::Text("%s", formatUk(e.date.value).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", describePrecision(e.date.value).c_str());
    if (!e.date.note.empty()) ImGui::TextWrapped("Date inferred: %s", e.date.note.c_str());
  }
  if (!e.description.empty()) ImGui::TextWrapped("%s", e.description.c_str());
  ImGui::Spacing();
  ImGui::Text("Sources");
  for (const Citation& cit : e.citations) {
    const Source& src = c.sources[cit.source];
    if (!cit.quote.empty()) ImGui::TextWrapped("\xe2\x80\x9c%s\xe2\x80\x9d", cit.quote.c_str());
    if (!cit.note.empty()) ImGui::TextWrapped("%s", cit.note.c_str());
    ImGui::TextDisabled("%s, %s%s%s", src.title.c_str(), src.publisher.c_str(), src.date.present() ? ", " : "",
                        src.date.present() ? formatUk(src.date.value).c_str() : "");
  }
}
}  // namespace

void drawOverviewPanel(const Corpus& c, AppState& s, float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::Begin("Overview", nullptr,
               ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (!s.corpusLoaded) {
    ImGui::Text("Loading the corpus\xe2\x80\xa6");
    ImGui::End();
    return;
  }
  ImGui::PushFont(nullptr);
  ImGui::SetWindowFontScale(1.35f);
  ImGui::TextWrapped("%s", c.title.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  if (!c.description.empty()) ImGui::TextWrapped("%s", c.description.c_str());
  if (c.firstDay != c.lastDay) {
    Date span;
    span.interval = true;
    int y, m, d;
    civilFromDays(c.firstDay, y, m, d);
    span.start = DatePoint{y, 0, 0, 0, Precision::Year};
    civilFromDays(c.lastDay, y, m, d);
    span.end = DatePoint{y, 0, 0, 0, Precision::Year};
    ImGui::TextDisabled("Covers %s", formatUk(span).c_str());
  }
  ImGui::Separator();

  const float listWidth = width < 700 ? width - 24 : width * 0.45f;
  ImGui::BeginChild("list", ImVec2(listWidth, 0), true);
  if (ImGui::BeginTable("counts", 2, ImGuiTableFlags_SizingStretchProp)) {
    for (int k = 0; k < kKindCount; ++k) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%s", std::string(kindPlural(static_cast<Kind>(k))).c_str());
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
      ImGui::Text("%zu", n);
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  for (int k = 0; k < kKindCount; ++k) {
    const Kind kind = static_cast<Kind>(k);
    if (!c.countByKind[k]) continue;
    if (!ImGui::CollapsingHeader(std::string(kindPlural(kind)).c_str())) continue;
    // Clipped so a 100k-entity corpus draws only the visible rows.
    ImGui::PushID(k);
    for (size_t i = 0; i < c.entities.size(); ++i) {
      const Entity& e = c.entities[i];
      if (e.kind != kind) continue;
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(e.name.c_str(), s.selected == static_cast<int>(i))) s.selected = static_cast<int>(i);
      ImGui::PopID();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
  if (width >= 700) ImGui::SameLine();
  ImGui::BeginChild("details", ImVec2(0, 0), true);
  drawDetails(c, s);
  ImGui::EndChild();
  ImGui::End();
}

void drawErrorsPanel(const std::string& source, const std::vector<Diagnostic>& errors, float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(width * 0.1f, height * 0.1f), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(width * 0.8f, height * 0.5f), ImGuiCond_Appearing);
  ImGui::Begin("Corpus not loaded");
  ImGui::TextWrapped("%s has %zu problem%s. The corpus shown is unchanged.", source.c_str(), errors.size(),
                     errors.size() == 1 ? "" : "s");
  ImGui::Separator();
  for (const Diagnostic& d : errors) ImGui::TextWrapped("%s", formatDiagnostic(source, d).c_str());
  ImGui::End();
}

}  // namespace nhsx
