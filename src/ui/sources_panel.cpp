#include "ui/sources_panel.h"

#include <imgui.h>

#include <algorithm>
#include <vector>

#include "ui/details_panel.h"

namespace nhsx {

std::string drawSourcesPanel(const Corpus& c, const AppState& s, const Visibility& vis) {
  std::string open;
  if (const char* absent = c.citationsAbsent()) {  // they follow the first view
    ImGui::TextWrapped("%s", absent);
    return open;
  }
  // The relationship view shows what exists at the "as of" date; the others what the filters allow.
  const bool graph = s.view == View::Graph;
  const std::vector<uint8_t>& ents = graph ? vis.entityAt : vis.filtered.entityVisible;
  const std::vector<uint8_t>& rels = graph ? vis.relationAt : vis.filtered.relationVisible;
  std::vector<uint32_t> cites(c.sources.size(), 0);
  for (size_t i = 0; i < c.entities.size() && i < ents.size(); ++i)
    if (ents[i]) for (const Citation& ct : c.entities[i].citations) ++cites[ct.source];
  for (size_t i = 0; i < c.relations.size() && i < rels.size(); ++i)
    if (rels[i]) for (const Citation& ct : c.relations[i].citations) ++cites[ct.source];
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < cites.size(); ++i) if (cites[i]) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return cites[a] > cites[b]; });
  ImGui::TextWrapped("%zu sources behind the %s on screen", order.size(),
                     graph ? "entities and relations" : "entities and relations the filters show");
  for (uint32_t i : order) {
    const Source& src = c.sources[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    ImGui::TextWrapped("%s", src.title.c_str());
    const std::string date = src.date.present() ? ", " + formatUk(src.date.value) : "";
    ImGui::TextDisabled("%s%s \xc2\xb7 cited %u times%s", src.publisher.c_str(), date.c_str(), cites[i],
                        src.external ? " \xc2\xb7 external" : "");
    if (!src.url.empty() && addressLink(src.url)) open = src.url;
    ImGui::PopID();
  }
  return open;
}

}  // namespace nhsx
