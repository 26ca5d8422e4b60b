#include "core/app_state.h"

#include "core/actions.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace nhsx {

const char* viewName(View v) {
  switch (v) {
    case View::Timeline: return "timeline";
    case View::Graph: return "graph";
    case View::Overview: break;
  }
  return "overview";
}

bool parseView(std::string_view s, View& out) {
  for (View v : {View::Overview, View::Timeline, View::Graph}) {
    if (s == viewName(v)) { out = v; return true; }
  }
  return false;
}

bool AppState::select(const Corpus& c, std::string_view id) {
  const int e = id.empty() ? -1 : c.findEntity(id);
  if (e < 0 && !id.empty()) return false;
  applyAction(c, *this, act::Select{e});
  return true;
}

std::string isoDay(int32_t day) {
  int y, m, d;
  civilFromDays(day, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

namespace {
nlohmann::json idOr(const Corpus& c, int e) {
  return e >= 0 && static_cast<size_t>(e) < c.entities.size() ? nlohmann::json(c.entities[static_cast<size_t>(e)].id)
                                                              : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json filtersJson(const FilterSpec& filter) {
  nlohmann::json f;
  f["kinds"] = nlohmann::json::array();
  for (Kind k : filter.kinds) f["kinds"].push_back(std::string(kindName(k)));
  f["orgTypes"] = filter.orgTypes;
  f["relationTypes"] = nlohmann::json::array();
  for (int t : filter.relationTypes) f["relationTypes"].push_back(std::string(relationTypes()[static_cast<size_t>(t)].id));
  f["themes"] = filter.themes;
  f["from"] = filter.fromDay == Date::kOpenStart ? nlohmann::json(nullptr) : nlohmann::json(isoDay(filter.fromDay));
  f["to"] = filter.toDay == Date::kOpenEnd ? nlohmann::json(nullptr) : nlohmann::json(isoDay(filter.toDay));
  return f;
}

nlohmann::json storyJson(const ViewState& s, const Corpus& c) {
  nlohmann::json j;
  if (s.story >= 0 && static_cast<size_t>(s.story) < c.stories.size()) {
    j["story"] = c.stories[static_cast<size_t>(s.story)].id;
    j["storyStep"] = s.storyStep;
    j["storySteps"] = c.stories[static_cast<size_t>(s.story)].steps.size();
  } else {
    j["story"] = nullptr;
  }
  return j;
}

std::string stateJson(const AppState& s, const Corpus& c) {
  nlohmann::json j;
  // The corpus.
  j["title"] = c.title;
  j["corpusLoaded"] = s.corpusLoaded;
  nlohmann::json counts = nlohmann::json::object();
  for (int k = 0; k < kKindCount; ++k) counts[std::string(kindName(static_cast<Kind>(k)))] = c.countByKind[k];
  j["counts"] = counts;
  j["entities"] = c.entities.size();
  j["relations"] = c.relations.size();
  j["events"] = c.events.size();
  j["sources"] = c.sources.size();
  // The bundled corpus's citations and sources follow its first view (core/corpus_loader.h).
  j["citations"] = c.citationsState == CitationsState::Pending   ? "pending"
                   : c.citationsState == CitationsState::Missing ? "missing"
                                                                 : "present";
  // The view state (what a link holds), field by field.
  for (const ViewField& f : viewFields())
    if (f.json) f.json(s, c, j);
  // Transient UI state.
  j["hovered"] = idOr(c, s.hovered);
  j["contextMenu"] = idOr(c, s.contextEntity);
  j["playing"] = s.playing;
  j["reducedMotion"] = s.reducedMotion;
  // Telemetry.
  j["frames"] = s.frames;
  j["contextRestores"] = s.contextRestores;
  j["layout"] = {{"iterations", s.layoutIterations}, {"settled", s.layoutSettled}};
  j["visible"] = {{"entities", s.visibleEntities}, {"relations", s.visibleRelations}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace nhsx
