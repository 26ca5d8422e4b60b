#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "core/app_state.h"
#include "core/corpus_gen.h"
#include "core/corpus_loader.h"

using namespace nhsx;

TEST_CASE("selection by id and the state object", "[state]") {
  GenOptions o;
  o.entities = 50;
  o.relations = 100;
  LoadResult r = loadCorpus(generateCorpus(o));
  REQUIRE(r.ok());
  AppState s;
  s.corpusLoaded = true;
  CHECK(s.select(r.corpus, "e7"));
  CHECK(s.selected == 7);
  CHECK_FALSE(s.select(r.corpus, "missing"));
  CHECK(s.selected == 7);
  auto j = nlohmann::json::parse(stateJson(s, r.corpus));
  CHECK(j["selected"] == "e7");
  CHECK(j["title"] == "Generated corpus");
  CHECK(j["entities"] == 50);
  CHECK(j["view"] == "overview");
  uint32_t total = 0;
  for (auto& [k, v] : j["counts"].items()) total += v.get<uint32_t>();
  CHECK(total == 50);
  CHECK(s.select(r.corpus, ""));
  CHECK(nlohmann::json::parse(stateJson(s, r.corpus))["selected"].is_null());
  View v;
  CHECK(parseView("timeline", v));
  CHECK(v == View::Timeline);
  CHECK_FALSE(parseView("map", v));
}

TEST_CASE("generated corpora are deterministic and valid", "[gen]") {
  GenOptions o;
  o.entities = 2000;
  o.relations = 10000;
  o.events = 100;
  const std::string a = generateCorpus(o), b = generateCorpus(o);
  CHECK(a == b);
  LoadResult r = loadCorpus(a);
  REQUIRE(r.ok());
  CHECK(r.corpus.entities.size() == 2000);
  CHECK(r.corpus.relations.size() == 10000);
  CHECK(r.corpus.events.size() == 100);
  o.seed = 2;
  CHECK(generateCorpus(o) != a);
}
