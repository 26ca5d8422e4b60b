#include "ui/details_panel.h"

#include <imgui.h>

#include <map>

#include "core/names_at.h"
#include "core/kind_style.h"

namespace nhsx {

namespace {
void citationList(const Corpus& c, const std::vector<Citation>& cits) {
  for (const Citation& cit : cits) {
    const Source& src = c.sources[cit.source];
    if (!cit.quote.empty()) ImGui::TextWrapped("\xe2\x80\x9c%s\xe2\x80\x9d", cit.quote.c_str());
    if (!cit.note.empty()) ImGui::TextWrapped("%s", cit.note.c_str());
    const std::string date = src.date.present() ? ", " + formatUk(src.date.value) : "";
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s \xe2\x80\x94 %s%s%s", src.title.c_str(), src.publisher.c_str(), date.c_str(),
                       src.external ? " (external source)" : "");
    if (!src.url.empty()) ImGui::TextWrapped("%s", src.url.c_str());
    ImGui::PopStyleColor();
    ImGui::Spacing();
  }
}

// One relation as a link: "partner in → Sir William Rous Unit".
void relationLink(const Corpus& c, ActionQueue& out, uint32_t ri, bool outgoing, std::vector<LinkSpot>& spots) {
  const Relation& r = c.relations[ri];
  const Entity& other = c.entities[outgoing ? r.to : r.from];
  ImGui::PushID(static_cast<int>(ri) * 2 + (outgoing ? 1 : 0));
  ImGui::Bullet();
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, kindStyle(other.kind).colour);
  if (ImGui::Selectable(other.name.c_str(), false, ImGuiSelectableFlags_AllowOverlap)) {
    out.push(act::Select{static_cast<int>(outgoing ? r.to : r.from)});
  }
  if (ImGui::IsItemVisible()) {
    const ImVec2 a = ImGui::GetItemRectMin();
    spots.push_back({outgoing ? r.to : r.from, a.x + ImGui::CalcTextSize(other.name.c_str()).x * 0.5f,
                     (a.y + ImGui::GetItemRectMax().y) * 0.5f});
  }
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    if (!r.role.empty()) ImGui::TextWrapped("Role: %s", r.role.c_str());
    if (r.date.present()) ImGui::Text("%s", formatUk(r.date.value).c_str());
    for (const Citation& cit : r.citations) {
      if (!cit.quote.empty()) ImGui::TextWrapped("\xe2\x80\x9c%s\xe2\x80\x9d", cit.quote.c_str());
      ImGui::TextDisabled("%s", c.sources[cit.source].title.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  ImGui::PopID();
}
}  // namespace

namespace {
std::string ukDay(int32_t day) {
  DatePoint p;
  civilFromDays(day, p.year, p.month, p.day);
  p.precision = Precision::Day;
  return formatUk(p);
}

void pathList(const Corpus& c, const AppState& s, ActionQueue& out, const std::vector<Path>& paths) {
  const Entity& target = c.entities[static_cast<size_t>(s.pathTo)];
  ImGui::SeparatorText("Connections");
  if (paths.empty()) ImGui::TextWrapped("No chain of relations links these two (with the filters as they are).");
  else ImGui::TextDisabled("%zu shortest %s to %s, %zu steps each", paths.size(), paths.size() == 1 ? "chain" : "chains",
                           target.name.c_str(), paths[0].steps.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", describePath(c, paths[i]).c_str());
    ImGui::PopID();
  }
  if (ImGui::SmallButton("Clear connections")) out.push(act::SetPathTarget{-1});
}
}  // namespace

bool drawDetailsPanel(const Corpus& c, const AppState& s, ActionQueue& out, const std::vector<Path>& paths,
                      std::vector<LinkSpot>& spots) {
  spots.clear();
  if (s.selected < 0 || static_cast<size_t>(s.selected) >= c.entities.size()) {
    ImGui::TextWrapped("Select something in a view, or search with / or Ctrl+K, to see its details and sources.");
    return false;
  }
  const uint32_t ei = static_cast<uint32_t>(s.selected);
  const Entity& e = c.entities[ei];
  ImGui::PushStyleColor(ImGuiCol_Text, kindStyle(e.kind).colour);
  ImGui::TextWrapped("%s", e.name.c_str());
  ImGui::PopStyleColor();
  ImGui::TextDisabled("%s \xc2\xb7 %s%s", std::string(kindName(e.kind)).c_str(), e.type.c_str(),
                      e.collective ? " \xc2\xb7 a group" : "");
  if (!e.aliases.empty()) {
    std::string a;
    for (const std::string& al : e.aliases) a += (a.empty() ? "" : ", ") + al;
    ImGui::TextWrapped("Also: %s", a.c_str());
  }
  if (e.date.present()) {
    ImGui::Text("%s", formatUk(e.date.value).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", describePrecision(e.date.value).c_str());
    if (!e.date.note.empty()) ImGui::TextWrapped("Date inferred: %s", e.date.note.c_str());
  }
  if (s.asOf != kNoDay) {
    const std::string_view then = nameAt(c, ei, s.asOf);
    if (then != e.name) ImGui::TextWrapped("On %s: known as %.*s", ukDay(s.asOf).c_str(),
                                           static_cast<int>(then.size()), then.data());
  }
  if (!e.description.empty()) ImGui::TextWrapped("%s", e.description.c_str());
  const bool findPath = ImGui::SmallButton("Find connections to\xe2\x80\xa6");
  if (s.pathTo >= 0 && static_cast<size_t>(s.pathTo) < c.entities.size()) pathList(c, s, out, paths);
  for (const Figure& f : e.figures) {
    ImGui::BulletText("%s: %s%g %s", f.label.c_str(), f.qualifier.empty() || f.qualifier == "exactly" ? "" : (f.qualifier + " ").c_str(),
                      f.value, f.unit.c_str());
  }

  // Relations grouped by type and direction.
  std::map<std::pair<int, bool>, std::vector<uint32_t>> groups;
  for (uint32_t i = c.outStart[ei]; i < c.outStart[ei + 1]; ++i) groups[{c.relations[c.outRel[i]].type, true}].push_back(c.outRel[i]);
  for (uint32_t i = c.inStart[ei]; i < c.inStart[ei + 1]; ++i) groups[{c.relations[c.inRel[i]].type, false}].push_back(c.inRel[i]);
  if (!groups.empty()) {
    ImGui::SeparatorText("Relations");
    for (const auto& [key, rels] : groups) {
      const std::string label(relationTypes()[static_cast<size_t>(key.first)].label);
      // Outgoing: "partner in (2)"; incoming: "publishes this (1)", read from the other entity.
      ImGui::TextDisabled("%s (%zu)", (key.second ? label : label + " this").c_str(), rels.size());
      for (uint32_t ri : rels) relationLink(c, out, ri, key.second, spots);
    }
  }
  // Events this entity took part in.
  bool anyEvent = false;
  for (uint32_t ev : c.eventsByDate) {
    const Event& event = c.events[ev];
    for (uint32_t who : event.entities) {
      if (who != ei) continue;
      if (!anyEvent) ImGui::SeparatorText("Events");
      anyEvent = true;
      ImGui::BulletText("%s: %s", formatUk(event.date.value).c_str(), event.name.c_str());
      break;
    }
  }
  ImGui::SeparatorText("Sources");
  citationList(c, e.citations);
  return findPath;
}

}  // namespace nhsx
