#include "core/events.h"

#include <nlohmann/json.hpp>

#include "core/actions.h"

namespace nhsx {

std::string eventsJson(Changes ch, const AppState& s, const Corpus& c) {
  if (!(ch & (kStateChanges | kLinkChanges))) return {};
  nlohmann::json events = nlohmann::json::array();
  auto event = [&](const char* type, nlohmann::json detail) { events.push_back({{"type", type}, {"detail", std::move(detail)}}); };
  if (ch & kChangeSelection) {
    const bool any = s.selected >= 0 && static_cast<size_t>(s.selected) < c.entities.size();
    event("select", any ? nlohmann::json{{"id", c.entities[static_cast<size_t>(s.selected)].id},
                                         {"name", c.entities[static_cast<size_t>(s.selected)].name}}
                        : nlohmann::json(nullptr));
  }
  if (ch & kChangeView) event("view", {{"view", viewName(s.view)}});
  if (ch & kChangeAsOf) event("asof", {{"date", s.asOf == kNoDay ? nlohmann::json(nullptr) : nlohmann::json(isoDay(s.asOf))}});
  if (ch & kChangeFilters) event("filters", filtersJson(s.filter));
  if (ch & kChangeStory) event("story", storyJson(s, c));
  if (ch & kStateChanges) event("change", nlohmann::json::parse(stateJson(s, c), nullptr, false));
  nlohmann::json out{{"events", std::move(events)},
                     {"link", (ch & kLinkChanges) != 0},
                     {"history", (ch & kHistoryChanges) != 0}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace nhsx
