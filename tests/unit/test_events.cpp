// Events to the page: exactly the changes actions report, in a fixed order, with what the page needs.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "bundled_corpus.h"
#include "core/actions.h"
#include "core/events.h"

using namespace nhsx;

namespace {
std::vector<std::string> types(const nlohmann::json& j) {
  std::vector<std::string> t;
  for (const auto& e : j["events"]) t.push_back(e["type"].get<std::string>());
  return t;
}
}  // namespace

TEST_CASE("events are exactly what changed", "[events]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  s.corpusLoaded = true;
  const int acevo = c.findEntity("org-acevo");
  Changes ch = applyAction(c, s, act::Select{acevo});
  nlohmann::json j = nlohmann::json::parse(eventsJson(ch, s, c));
  CHECK(types(j) == std::vector<std::string>{"select", "change"});
  CHECK(j["events"][0]["detail"]["id"] == "org-acevo");
  CHECK(j["events"][0]["detail"]["name"] == c.entities[static_cast<size_t>(acevo)].name);
  CHECK(j["events"][1]["detail"]["selected"] == "org-acevo");  // change carries the new state
  CHECK(j["link"] == true);
  CHECK(j["history"] == true);

  // Nothing changed: no events at all.
  CHECK(eventsJson(applyAction(c, s, act::Select{acevo}), s, c).empty());
  // Hover and layout are not heard of; the timeline's window only moves the link, quietly.
  CHECK(eventsJson(applyAction(c, s, act::SetHover{3}), s, c).empty());
  j = nlohmann::json::parse(eventsJson(applyAction(c, s, act::SetWindow{100, 200}), s, c));
  CHECK(j["events"].empty());
  CHECK(j["link"] == true);
  CHECK(j["history"] == false);

  ch = applyAction(c, s, act::SetView{View::Graph}) | applyAction(c, s, act::SetAsOf{daysFromCivil(2014, 7, 28)});
  j = nlohmann::json::parse(eventsJson(ch, s, c));
  CHECK(types(j) == std::vector<std::string>{"view", "asof", "change"});
  CHECK(j["events"][0]["detail"]["view"] == "graph");
  CHECK(j["events"][1]["detail"]["date"] == "2014-07-28");

  FilterSpec f;
  f.kinds = {Kind::Organisation};
  j = nlohmann::json::parse(eventsJson(applyAction(c, s, act::SetFilters{f}), s, c));
  CHECK(types(j) == std::vector<std::string>{"filters", "change"});
  CHECK(j["events"][0]["detail"]["kinds"] == nlohmann::json{"organisation"});
  CHECK(j["history"] == false);  // a filter replaces the history entry

  REQUIRE(!c.stories.empty());
  j = nlohmann::json::parse(eventsJson(applyAction(c, s, act::GoToStoryStep{0, 1}), s, c));
  const auto t = types(j);
  CHECK(std::find(t.begin(), t.end(), "story") != t.end());
  CHECK(t.back() == "change");
  for (const auto& e : j["events"])
    if (e["type"] == "story") {
      CHECK(e["detail"]["story"] == c.stories[0].id);
      CHECK(e["detail"]["storyStep"] == 1);
    }
  j = nlohmann::json::parse(eventsJson(applyAction(c, s, act::Select{-1}), s, c));
  CHECK(j["events"][0]["detail"].is_null());  // a cleared selection
}
