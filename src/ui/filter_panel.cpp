#include "ui/filter_panel.h"

#include <imgui.h>

#include <string>

#include "core/kind_style.h"

namespace nhsx {

namespace {
template <typename T>
bool toggle(std::set<T>& set, const T& v, const char* label, size_t count) {
  bool on = set.count(v) != 0;
  const std::string text = std::string(label) + " (" + std::to_string(count) + ")";
  if (!ImGui::Checkbox(text.c_str(), &on)) return false;
  if (on) set.insert(v);
  else set.erase(v);
  return true;
}

int yearOf(int32_t day) {
  int y, m, d;
  civilFromDays(day, y, m, d);
  return y;
}
}  // namespace

void FilterPanel::draw(const Corpus& c, const AppState& s, ActionQueue& out, const Visibility& vis) {
  FilterSpec f = s.filter;  // edited below; a change is one action
  drawOptions(c, s, vis, f);
  if (f != s.filter) out.push(act::SetFilters{std::move(f)});
}

void FilterPanel::drawOptions(const Corpus& c, const AppState& s, const Visibility& vis, FilterSpec& f) {
  if (countedCorpus_ != s.corpusVersion || countedFor_ != f) {
    counts_ = vis.index ? countOptions(*vis.index, f) : countOptions(c, f);
    countedFor_ = f;
    countedCorpus_ = s.corpusVersion;
  }
  ImGui::Text("Showing %zu of %zu entities, %zu of %zu relations", vis.filtered.entities, c.entities.size(),
              vis.filtered.relations, c.relations.size());
  ImGui::BeginDisabled(f.empty());
  if (ImGui::Button("Reset filters")) f.reset();
  ImGui::EndDisabled();
  ImGui::TextDisabled("Ticking nothing in a group shows all of it.");

  // Whose items, once the user has added their own: theirs (with the map's entities their relations
  // attach to) and/or the map's.
  if (counts_.origins[kOriginOwn] > 0 || f.origins.count(kOriginOwn)) {
    ImGui::SeparatorText("Whose");
    toggle(f.origins, kOriginOwn, "Your data", counts_.origins[kOriginOwn]);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("What you imported, and the map's organisations your relations attach to");
    ImGui::SameLine();
    toggle(f.origins, kOriginMap, "The map", counts_.origins[kOriginMap]);
  }
  if (ImGui::CollapsingHeader("Kinds", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (int k = 0; k < kKindCount; ++k) {
      const Kind kind = static_cast<Kind>(k);
      ImGui::PushID(k);
      ImGui::PushStyleColor(ImGuiCol_CheckMark, kindStyle(kind).colour);
      toggle(f.kinds, kind, std::string(kindPlural(kind)).c_str(), counts_.kinds[static_cast<size_t>(k)]);
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
  }
  if (ImGui::CollapsingHeader("Organisation types")) {
    const auto& types = typesOfKind(Kind::Organisation);
    for (size_t i = 0; i < types.size() && i < counts_.orgTypes.size(); ++i) {
      if (counts_.orgTypes[i] == 0 && !f.orgTypes.count(std::string(types[i]))) continue;
      ImGui::PushID(static_cast<int>(i));
      toggle(f.orgTypes, std::string(types[i]), std::string(types[i]).c_str(), counts_.orgTypes[i]);
      ImGui::PopID();
    }
  }
  if (ImGui::CollapsingHeader("Relation types")) {
    const auto& types = relationTypes();
    for (size_t i = 0; i < types.size() && i < counts_.relationTypes.size(); ++i) {
      if (counts_.relationTypes[i] == 0 && !f.relationTypes.count(static_cast<int>(i))) continue;
      ImGui::PushID(static_cast<int>(i));
      toggle(f.relationTypes, static_cast<int>(i), std::string(types[i].label).c_str(), counts_.relationTypes[i]);
      ImGui::PopID();
    }
  }
  if (!counts_.themeEntities.empty() && ImGui::CollapsingHeader("Themes")) {
    for (size_t i = 0; i < counts_.themeEntities.size(); ++i) {
      const Entity& t = c.entities[counts_.themeEntities[i]];
      ImGui::PushID(static_cast<int>(i));
      toggle(f.themes, t.id, t.name.c_str(), counts_.themes[i]);
      ImGui::PopID();
    }
  }
  if (c.lastDay > c.firstDay && ImGui::CollapsingHeader("Time range", ImGuiTreeNodeFlags_DefaultOpen)) {
    const int y0 = yearOf(c.firstDay), y1 = yearOf(c.lastDay);
    int from = f.fromDay == Date::kOpenStart ? y0 : yearOf(f.fromDay);
    int to = f.toDay == Date::kOpenEnd ? y1 : yearOf(f.toDay);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::DragIntRange2("years", &from, &to, 0.2f, y0, y1, "from %d", "to %d")) {
      f.fromDay = from <= y0 ? Date::kOpenStart : daysFromCivil(from, 1, 1);
      f.toDay = to >= y1 ? Date::kOpenEnd : daysFromCivil(to, 12, 31);
    }
    ImGui::TextDisabled("Undated entities always show.");
  }
}

}  // namespace nhsx
