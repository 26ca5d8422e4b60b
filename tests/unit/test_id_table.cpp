#include <catch2/catch_test_macros.hpp>

#include <string>
#include <unordered_map>

#include "core/id_table.h"

using nhsx::IdTable;

TEST_CASE("the id table agrees with std::unordered_map", "[idtable]") {
  IdTable<int> t(4);  // small on purpose: it must grow
  std::unordered_map<std::string, int> ref;
  for (int i = 0; i < 20000; ++i) {
    // Short keys stored inline and long ones stored apart, with repeats.
    std::string k = (i % 7 == 0 ? "a-rather-long-identifier-for-testing-" : "e") + std::to_string(i % 15000);
    auto [v, fresh] = t.insert(k, i);
    auto [it, refFresh] = ref.try_emplace(k, i);
    REQUIRE(fresh == refFresh);
    REQUIRE(*v == it->second);
  }
  CHECK(t.size() == ref.size());
  for (const auto& [k, v] : ref) REQUIRE(*t.find(k) == v);
  CHECK(t.find("missing") == nullptr);
  CHECK(t.find("") == nullptr);
  auto [v, fresh] = t.insert("", 5);
  CHECK(fresh);
  CHECK(*t.find("") == 5);
}
