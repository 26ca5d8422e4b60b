// The JSON Schema in data/ and the validator's vocabulary must not drift apart.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/vocab.h"

using namespace nhsx;

namespace {
nlohmann::json schema() {
  std::ifstream f(std::filesystem::path(SOURCE_DIR) / "data" / "corpus.schema.json");
  return nlohmann::json::parse(f, nullptr, false);
}
std::set<std::string> asSet(const nlohmann::json& arr) { return arr.get<std::set<std::string>>(); }
template <class T> std::set<std::string> asSet(const std::vector<T>& v) { return std::set<std::string>(v.begin(), v.end()); }
}  // namespace

TEST_CASE("the schema lists exactly the validator's kinds, types and relation types", "[schema]") {
  const auto s = schema();
  REQUIRE(s.is_object());
  const auto& defs = s["$defs"];
  std::set<std::string> kinds;
  for (int k = 0; k < kKindCount; ++k) kinds.insert(std::string(kindName(static_cast<Kind>(k))));
  CHECK(asSet(defs["entity"]["properties"]["kind"]["enum"]) == kinds);
  for (const auto& rule : defs["entity"]["allOf"]) {
    Kind k;
    REQUIRE(parseKind(rule["if"]["properties"]["kind"]["const"].get<std::string>(), k));
    CHECK(asSet(rule["then"]["properties"]["type"]["enum"]) == asSet(typesOfKind(k)));
  }
  std::set<std::string> rels;
  for (const RelationType& t : relationTypes()) rels.insert(std::string(t.id));
  CHECK(asSet(defs["relation"]["properties"]["type"]["enum"]) == rels);
  CHECK(asSet(defs["event"]["properties"]["type"]["enum"]) == asSet(eventTypes()));
  CHECK(asSet(defs["figure"]["properties"]["qualifier"]["enum"]) == asSet(figureQualifiers()));
}

TEST_CASE("every relation type belongs to a named family", "[vocab]") {
  for (size_t i = 0; i < relationTypes().size(); ++i) {
    INFO(relationTypes()[i].id);
    CHECK(relationGroup(static_cast<int>(i)) != RelationGroup::Other);
  }
  CHECK(relationGroup(-1) == RelationGroup::Other);
  CHECK(std::string(relationGroupName(RelationGroup::Governance)) == "governance and accountability");
}
