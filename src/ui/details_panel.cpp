#include "ui/details_panel.h"

#include <imgui.h>

#include <algorithm>
#include <map>

#include "core/names_at.h"
#include "core/kind_style.h"
#include "core/web_address.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

namespace nhsx {

namespace {
const char* kOpenQuote = "\xe2\x80\x9c";
const char* kCloseQuote = "\xe2\x80\x9d";

// A quote with the seed's emphasis drawn as emphasis (the corpus keeps the markdown verbatim).
void quoteText(const std::string& quote, float width = 0.f) { emphasisTextWrapped(quote, kOpenQuote, kCloseQuote, width); }

std::string citationList(const Corpus& c, const std::vector<Citation>& cits, uint32_t entity, std::vector<LinkSpot>& spots) {
  std::string open;
  for (size_t i = 0; i < cits.size(); ++i) {
    const Citation& cit = cits[i];
    const Source& src = c.sources[cit.source];
    ImGui::PushID(static_cast<int>(i));
    if (!cit.quote.empty()) quoteText(cit.quote);
    if (!cit.note.empty()) ImGui::TextWrapped("%s", cit.note.c_str());
    const std::string date = src.date.present() ? ", " + formatUk(src.date.value) : "";
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s \xe2\x80\x94 %s%s%s", src.title.c_str(), src.publisher.c_str(), date.c_str(),
                       src.external ? " (external source)" : "");
    ImGui::PopStyleColor();
    if (!src.url.empty() && addressLink(src.url, &spots, entity)) open = src.url;
    ImGui::PopID();
    ImGui::Spacing();
  }
  return open;
}

// One relation target as a link: "Sir William Rous Unit" under "partner in". Several relations of one
// type to the same entity (different dates, roles or sources) are one link; its tooltip lists each.
void relationLink(const Corpus& c, ActionQueue& out, uint32_t target, const std::vector<uint32_t>& rels,
                  std::vector<LinkSpot>& spots) {
  const Entity& other = c.entities[target];
  ImGui::PushID(static_cast<int>(target));
  ImGui::Bullet();
  ImGui::SameLine();
  const std::string shown = elide(other.name, ImGui::GetContentRegionAvail().x);
  const bool elided = shown.size() != other.name.size();
  ImGui::PushStyleColor(ImGuiCol_Text, kindTextColour(other.kind));
  if (ImGui::Selectable(shown.c_str(), false, ImGuiSelectableFlags_AllowOverlap)) out.push(act::Select{static_cast<int>(target)});
  if (ImGui::IsItemVisible()) {
    const ImVec2 a = ImGui::GetItemRectMin();
    spots.push_back({target, a.x + ImGui::CalcTextSize(shown.c_str()).x * 0.5f, (a.y + ImGui::GetItemRectMax().y) * 0.5f,
                     LinkSpot::Role::Relation, shown, {}});
  }
  const bool hovered = ImGui::IsItemHovered();
  if (hovered) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    if (elided) ImGui::TextWrapped("%s", other.name.c_str());  // still in its kind's colour
    ImGui::PopStyleColor();
    for (size_t i = 0; i < rels.size(); ++i) {
      const Relation& r = c.relations[rels[i]];
      if (i > 0 || elided) ImGui::Separator();
      if (!r.role.empty()) ImGui::TextWrapped("Role: %s", r.role.c_str());
      if (r.date.present()) ImGui::Text("%s", formatUk(r.date.value).c_str());
      for (const Field& f : r.fields) ImGui::TextWrapped("%s: %s", f.name.c_str(), f.value.c_str());
      for (const Citation& cit : r.citations) {
        if (!cit.quote.empty()) quoteText(cit.quote, ImGui::GetFontSize() * 30);
        ImGui::TextDisabled("%s", c.sources[cit.source].title.c_str());
      }
      if (const char* absent = c.citationsAbsent()) ImGui::TextDisabled("%s", absent);
      else if (r.noSource()) ImGui::TextDisabled("No source given (your data)");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  } else {
    ImGui::PopStyleColor();
  }
  ImGui::PopID();
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

int gShownSelection = -2;  // the selection the panel last opened at the top for
uint64_t gShownCorpus = 0;
}  // namespace

void scrollDetailsForSelection(const AppState& s) {
  if (s.selected == gShownSelection && s.corpusVersion == gShownCorpus) return;
  gShownSelection = s.selected;
  gShownCorpus = s.corpusVersion;
  ImGui::SetNextWindowScroll(ImVec2(0.f, 0.f));  // applied as the window begins: this frame is at the top
}

bool addressLink(const std::string& url, std::vector<LinkSpot>* spots, uint32_t entity) {
  const std::string shown = elide(url, ImGui::GetContentRegionAvail().x);
  if (!isWebAddress(url)) {  // shown, never opened
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopStyleColor();
    if (shown.size() != url.size()) ImGui::SetItemTooltip("%s", url.c_str());
    return false;
  }
  // A button the size of the text (clicks, keyboard focus, Enter), drawn as a link: coloured, underlined.
  const ImVec2 size = ImGui::CalcTextSize(shown.c_str());
  const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + size.x, a.y + size.y);
  const bool clicked = ImGui::InvisibleButton("##address", ImVec2(std::max(size.x, 1.f), size.y));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddText(a, palette().link, shown.c_str());
  dl->AddLine(ImVec2(a.x, b.y - 1.f), ImVec2(b.x, b.y - 1.f), palette().link, 1.f);
  if (spots && ImGui::IsItemVisible())
    spots->push_back({entity, (a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f, LinkSpot::Role::Address, shown, url});
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextWrapped("%s", url.c_str());
    ImGui::TextDisabled("Opens in a new tab");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  return clicked;
}

DetailsAction drawDetailsPanel(const Corpus& c, const AppState& s, ActionQueue& out, const std::vector<Path>& paths,
                               std::vector<LinkSpot>& spots) {
  spots.clear();
  DetailsAction act;
  if (s.selected < 0 || static_cast<size_t>(s.selected) >= c.entities.size()) {
    ImGui::TextWrapped("Select something in a view, or search with / or Ctrl+K, to see its details and sources.");
    return act;
  }
  const uint32_t ei = static_cast<uint32_t>(s.selected);
  const Entity& e = c.entities[ei];
  ImGui::PushTextWrapPos(0.f);  // every line wraps at the panel's edge (large type, narrow screens)
  ImGui::PushStyleColor(ImGuiCol_Text, kindTextColour(e.kind));
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
    const std::string date = formatUk(e.date.value), precision = "(" + describePrecision(e.date.value) + ")";
    ImGui::TextUnformatted(date.c_str());
    // The precision beside the date when it fits, else below it.
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::CalcTextSize(precision.c_str()).x <= room) ImGui::SameLine();
    ImGui::TextDisabled("%s", precision.c_str());
  }
  // How the date was found or inferred, or why no source gives one.
  if (!e.date.note.empty()) ImGui::TextWrapped("%s %s", e.date.present() ? "About the date:" : "No date:", e.date.note.c_str());
  if (s.asOf != kNoDay) {
    const std::string_view then = nameAt(c, ei, s.asOf);
    if (then != e.name) ImGui::TextWrapped("On %s: known as %.*s", formatUkDay(s.asOf).c_str(),
                                           static_cast<int>(then.size()), then.data());
  }
  if (!e.description.empty()) ImGui::TextWrapped("%s", e.description.c_str());
  // What the user's own sheet gave: its web address, and the columns kept as named fields.
  if (!e.url.empty()) {  // "www.example.org" as written in a sheet opens as https
    const std::string open = websiteAddress(e.url);
    ImGui::PushID("entity-url");
    if (addressLink(open.empty() ? e.url : open, &spots, ei)) act.openAddress = open;
    ImGui::PopID();
  }
  for (const Field& f : e.fields) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted((f.name + ":").c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", f.value.c_str());
  }
  if (e.own) ImGui::TextDisabled("From your data");
  act.findPath = ImGui::SmallButton("Find connections to\xe2\x80\xa6");
  if (s.pathTo >= 0 && static_cast<size_t>(s.pathTo) < c.entities.size()) pathList(c, s, out, paths);
  for (const Figure& f : e.figures) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s: %s%g %s", f.label.c_str(), f.qualifier.empty() || f.qualifier == "exactly" ? "" : (f.qualifier + " ").c_str(),
                      f.value, f.unit.c_str());
  }

  // Relations grouped by type and direction; within a group each target once, in order of first mention.
  struct Group {
    std::vector<uint32_t> targets;
    std::map<uint32_t, std::vector<uint32_t>> rels;  // target -> its relations in this group
  };
  std::map<std::pair<int, bool>, Group> groups;
  auto addRel = [&](uint32_t ri, bool outgoing) {
    const Relation& r = c.relations[ri];
    Group& g = groups[{r.type, outgoing}];
    const uint32_t target = outgoing ? r.to : r.from;
    std::vector<uint32_t>& list = g.rels[target];
    if (list.empty()) g.targets.push_back(target);
    list.push_back(ri);
  };
  for (uint32_t i = c.outStart[ei]; i < c.outStart[ei + 1]; ++i) addRel(c.outRel[i], true);
  for (uint32_t i = c.inStart[ei]; i < c.inStart[ei + 1]; ++i) addRel(c.inRel[i], false);
  if (!groups.empty()) {
    ImGui::SeparatorText("Relations");
    for (const auto& [key, g] : groups) {
      const std::string label(relationTypes()[static_cast<size_t>(key.first)].label);
      // Outgoing: "partner in (2)"; incoming: "publishes this (1)", read from the other entity.
      ImGui::TextDisabled("%s (%zu)", (key.second ? label : label + " this").c_str(), g.targets.size());
      ImGui::PushID(key.first * 2 + (key.second ? 1 : 0));
      for (uint32_t target : g.targets) relationLink(c, out, target, g.rels.at(target), spots);
      ImGui::PopID();
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
      ImGui::Bullet();
      ImGui::SameLine();
      ImGui::TextWrapped("%s: %s", formatUk(event.date.value).c_str(), event.name.c_str());
      break;
    }
  }
  ImGui::SeparatorText("Sources");
  if (const char* absent = c.citationsAbsent()) ImGui::TextDisabled("%s", absent);  // they follow the first view
  else if (e.noSource()) ImGui::TextWrapped("No source given.");
  if (std::string open = citationList(c, e.citations, ei, spots); !open.empty()) act.openAddress = std::move(open);
  ImGui::PopTextWrapPos();
  return act;
}

}  // namespace nhsx
