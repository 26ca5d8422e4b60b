// Comparing two dates on the bundled corpus: what ended, began and was renamed between them.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>

#include "bundled_corpus.h"
#include "core/compare.h"

#include <nlohmann/json.hpp>

using namespace nhsx;

namespace {
const EntityChange* find(const Corpus& c, const Comparison& cmp, const char* id) {
  const int e = c.findEntity(id);
  REQUIRE(e >= 0);
  for (const EntityChange& ch : cmp.entities) {
    if (ch.entity == static_cast<uint32_t>(e)) return &ch;
  }
  return nullptr;
}
}  // namespace

TEST_CASE("between 2013 and 2023: CCGs gave way to ICBs, the Department was renamed, Monitor merged", "[compare]") {
  const Corpus& c = bundledCorpus();
  const Comparison cmp = compareDates(c, daysFromCivil(2023, 7, 1), daysFromCivil(2013, 6, 1));  // any order
  CHECK(cmp.first == daysFromCivil(2013, 6, 1));

  const EntityChange* ccgs = find(c, cmp, "org-ccgs");
  REQUIRE(ccgs);
  CHECK(ccgs->kind == ChangeKind::Ended);
  CHECK(ccgs->day == daysFromCivil(2022, 6, 30));
  CHECK(describeChange(c, *ccgs) == "Clinical commissioning groups: ended 30 Jun 2022, succeeded by Integrated care boards");

  const EntityChange* icbs = find(c, cmp, "org-icbs");
  REQUIRE(icbs);
  CHECK(icbs->kind == ChangeKind::Began);
  CHECK(describeChange(c, *icbs) == "Integrated care boards: from 1 Jul 2022");

  const EntityChange* doh = find(c, cmp, "org-department-of-health");
  REQUIRE(doh);
  CHECK(doh->kind == ChangeKind::Renamed);
  CHECK(describeChange(c, *doh) == "Department of Health: renamed Department of Health and Social Care, 8 Jan 2018");
  CHECK_FALSE(find(c, cmp, "org-dhsc"));  // told once, with the old name

  const EntityChange* monitor = find(c, cmp, "org-monitor");
  REQUIRE(monitor);
  CHECK(monitor->kind == ChangeKind::Ended);
  CHECK(describeChange(c, *monitor) == "Monitor: ended 30 Jun 2022, merged into NHS Improvement on 1 Apr 2016");
  CHECK_FALSE(find(c, cmp, "org-nhs-improvement"));  // began after 2013 and ended before 2023: no difference

  // What existed at both dates, or is undated, is no difference.
  CHECK_FALSE(find(c, cmp, "org-nhs-england"));
  CHECK_FALSE(find(c, cmp, "org-parliament"));
  // The mandate in force changed: the 2013-15 one ended, the 2023 one began.
  CHECK(find(c, cmp, "doc-mandate-2012"));
  REQUIRE(find(c, cmp, "doc-mandate-2023"));
  CHECK(find(c, cmp, "doc-mandate-2023")->kind == ChangeKind::Began);
  CHECK(describeChange(c, *find(c, cmp, "doc-mandate-2023")) == "The government's 2023 mandate to NHS England: published 15 Jun 2023");
  CHECK(describeChange(c, *find(c, cmp, "doc-mandate-2012")) == "The 2012 NHS mandate: ended Mar 2015");
  REQUIRE(find(c, cmp, "doc-care-act-2014"));
  CHECK(describeChange(c, *find(c, cmp, "doc-care-act-2014")) == "Care Act 2014: published 2014");  // a year stays a year
  // Ordered by day.
  CHECK(std::is_sorted(cmp.entities.begin(), cmp.entities.end(),
                       [](const EntityChange& x, const EntityChange& y) { return x.day < y.day; }));
  // Relations in force at one date only: Norman Lamb's ministry ended, Wes Streeting's began.
  CHECK(!cmp.relationsEnded.empty());
  CHECK(!cmp.relationsBegan.empty());
}

TEST_CASE("a date compared with itself shows no change", "[compare]") {
  const Corpus& c = bundledCorpus();
  const Comparison cmp = compareDates(c, daysFromCivil(2016, 1, 1), daysFromCivil(2016, 1, 1));
  CHECK(cmp.entities.empty());
  CHECK(cmp.relationsEnded.empty());
  CHECK(cmp.relationsBegan.empty());
  CHECK(cmp.stateFirst == cmp.stateSecond);
}

TEST_CASE("the comparison as the page receives it", "[compare]") {
  const Corpus& c = bundledCorpus();
  const auto j = nlohmann::json::parse(compareJson(c, "2013", "2023-07-01"));
  CHECK(j["first"] == "2013-12-31");  // a year as it stood at its end
  CHECK(j["second"] == "2023-07-01");
  bool ccgs = false;
  for (const auto& ch : j["changes"]) {
    if (ch["id"] != "org-ccgs") continue;
    ccgs = true;
    CHECK(ch["change"] == "ended");
    CHECK(ch["date"] == "2022-06-30");
    CHECK(ch["to"] == "org-icbs");
    CHECK(ch["text"] == "Clinical commissioning groups: ended 30 Jun 2022, succeeded by Integrated care boards");
  }
  CHECK(ccgs);
  CHECK(j["relationsBegan"].size() > 0);
  const auto bad = nlohmann::json::parse(compareJson(c, "2013", "soon"));
  CHECK(bad["error"] == "not a day, month or year: \"soon\"");
  CHECK(nlohmann::json::parse(compareJson(c, "2013/2014", "2015")).contains("error"));  // an interval is not a date
}
