// The screen-reader outline's text from core: kind names, relation readings and dates in the app's words.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "bundled_corpus.h"
#include "core/outline.h"

using namespace nhsx;

TEST_CASE("outline: sections by kind, items with relations, citations and UK dates", "[outline]") {
  const Corpus& c = bundledCorpus();
  const auto kinds = nlohmann::json::parse(outlineKindsJson(c));
  CHECK(kinds["entities"] == c.entities.size());
  size_t total = 0;
  for (const auto& k : kinds["kinds"]) {
    Kind kind;
    REQUIRE(parseKind(k["kind"].get<std::string>(), kind));
    CHECK(k["label"] == std::string(kindPlural(kind)));
    CHECK(k["count"] == c.countByKind[static_cast<int>(kind)]);
    total += k["count"].get<size_t>();
    // Chunks cover the kind once, in corpus order.
    std::vector<std::string> ids;
    for (size_t first = 0; first < k["count"].get<size_t>(); first += 7)
      for (const auto& item : nlohmann::json::parse(outlineItemsJson(c, kind, first, 7))) ids.push_back(item["id"]);
    CHECK(ids.size() == k["count"].get<size_t>());
  }
  CHECK(total == c.entities.size());

  const int acevo = c.findEntity("org-acevo");
  REQUIRE(acevo >= 0);
  CHECK(describeEntity(c, static_cast<uint32_t>(acevo)).rfind(
            "Association of Chief Executives of Voluntary Organisations, organisation, membership body, ", 0) == 0);
  nlohmann::json item;
  for (const auto& it : nlohmann::json::parse(outlineItemsJson(c, Kind::Organisation, 0, c.entities.size())))
    if (it["id"] == "org-acevo") item = it;
  REQUIRE(item.is_object());
  CHECK(item["name"] == c.entities[static_cast<size_t>(acevo)].name);
  CHECK(item["line"].get<std::string>().rfind("membership body \u00b7 ", 0) == 0);  // type in words, then dates
  CHECK(item["relations"].size() == (c.outStart[acevo + 1] - c.outStart[acevo]) + (c.inStart[acevo + 1] - c.inStart[acevo]));
  bool outgoing = false, incoming = false;
  for (const auto& r : item["relations"]) {
    const std::string t = r;
    outgoing = outgoing || t.find(" \u2192 ") != std::string::npos && t.find(" this") == std::string::npos;
    incoming = incoming || t.find(" this") != std::string::npos;
  }
  CHECK(outgoing);
  CHECK(incoming);
  REQUIRE_FALSE(item["citations"].empty());
  CHECK_FALSE(item["citations"][0]["title"].get<std::string>().empty());
  // Kinds with nothing in them, unknown chunks: empty.
  CHECK(nlohmann::json::parse(outlineItemsJson(c, Kind::Organisation, c.entities.size(), 10)).empty());
}
