// Comparing two dates as part of the view: the state and its one action, the deep link (cmp=), story
// steps that compare, what the relationship view shows and how it marks it (bundled corpus, 2013 vs 2023:
// CCGs gave way to ICBs, the Department of Health was renamed), and the compare panel's presets.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bundled_corpus.h"
#include "core/actions.h"
#include "core/compare.h"
#include "core/corpus_loader.h"
#include "core/graph_scene.h"
#include "core/view_link.h"
#include "core/visibility.h"
#include "graph_scene_fixture.h"

using namespace nhsx;

namespace {
const int32_t k2013 = daysFromCivil(2013, 4, 1), k2023 = daysFromCivil(2023, 4, 1);

int entity(const Corpus& c, const char* id) {
  const int e = c.findEntity(id);
  REQUIRE(e >= 0);
  return e;
}
}  // namespace

TEST_CASE("a comparison is set in order, changed and cleared by its one action", "[compare][state]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  CHECK(!s.comparing());
  CHECK(applyAction(c, s, act::SetComparison{k2023, k2013}) == kChangeCompare);
  CHECK(s.comparing());
  CHECK(s.compareFirst == k2013);
  CHECK(s.compareSecond == k2023);
  CHECK(applyAction(c, s, act::SetComparison{k2013, k2023}) == 0);  // the same dates: nothing changed
  CHECK(applyAction(c, s, act::SetComparison{k2013, kNoDay}) == kChangeCompare);  // one date missing: off
  CHECK(!s.comparing());
  CHECK(s.compareFirst == kNoDay);
  CHECK(s.compareSecond == kNoDay);
  // A change of comparison is in the link and the history, and told to the page.
  CHECK((kLinkChanges & kChangeCompare) != 0);
  CHECK((kHistoryChanges & kChangeCompare) != 0);
  CHECK((kStateChanges & kChangeCompare) != 0);
}

TEST_CASE("the comparison survives the deep link and shows in the state JSON", "[compare][link]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  s.view = View::Graph;
  applyAction(c, s, act::SetComparison{k2013, k2023});
  const std::string hash = encodeViewLink(s, c);
  CHECK(hash.find("&cmp=2013-04-01~2023-04-01") != std::string::npos);
  AppState back;
  std::vector<std::string> warnings;
  applyUrlState(decodeUrlState(hash, &warnings), c, back, &warnings);
  CHECK(warnings.empty());
  CHECK(back.compareFirst == k2013);
  CHECK(back.compareSecond == k2023);

  const nlohmann::json j = nlohmann::json::parse(stateJson(back, c));
  REQUIRE(j["compare"].is_object());
  CHECK(j["compare"]["first"] == "2013-04-01");
  CHECK(j["compare"]["second"] == "2023-04-01");
  bool ccgs = false;
  for (const auto& ch : j["compare"]["changes"]) {
    if (ch["id"] != "org-ccgs") continue;
    ccgs = true;
    CHECK(ch["to"] == "org-icbs");
    CHECK(ch["text"] == "Clinical commissioning groups: ended 30 Jun 2022, succeeded by Integrated care boards");
    CHECK(!ch["sources"].empty());  // each line names its sources
  }
  CHECK(ccgs);
  CHECK(nlohmann::json::parse(stateJson(AppState{}, c))["compare"].is_null());
}

TEST_CASE("cmp in a link: in order, a month or year at its end, hostile values dropped with located warnings", "[compare][link]") {
  std::vector<std::string> w;
  UrlState u = decodeUrlState("#v=1&cmp=2023~2013-04", &w);
  CHECK(w.empty());
  CHECK(u.get("cmp") == "2013-04-30~2023-12-31");  // put in order; "2013-04" stands for its last day

  auto warned = [](const std::string& link) {
    std::vector<std::string> warnings;
    const UrlState v = decodeUrlState(link, &warnings);
    CHECK(!v.has("cmp"));
    REQUIRE(warnings.size() == 1);
    return warnings[0];
  };
  const std::string expected = "cmp: expected two dates FIRST~SECOND, each YYYY-MM-DD (or YYYY-MM, YYYY), found ";
  CHECK(warned("#v=1&cmp=2013") == expected + "\"2013\"");
  CHECK(warned("#v=1&cmp=2013-02-29~2023") == expected + "\"2013-02-29~2023\"");
  CHECK(warned("#v=1&cmp=2013~2023~2024") == expected + "\"2013~2023~2024\"");
  CHECK(warned("#v=1&cmp=~2023") == expected + "\"~2023\"");
  CHECK(warned("#v=1&cmp=2013T10:00~2023") == expected + "\"2013T10:00~2023\"");
  CHECK(warned("#v=1&cmp=%3Cscript%3E~2023") == expected + "\"<script>~2023\"");
  // The rest of the link still applies.
  const Corpus& c = bundledCorpus();
  std::vector<std::string> warnings;
  const ViewState v = decodeViewLink("#v=1&view=graph&cmp=zz&sel=org-icbs", c, &warnings, nullptr);
  CHECK(v.view == View::Graph);
  CHECK(v.selected == c.findEntity("org-icbs"));
  CHECK(!v.comparing());
  CHECK(warnings.size() == 1);
  // An empty value clears it (as for the other fields).
  CHECK(!decodeUrlState("#v=1&cmp=2013~2023&cmp=", nullptr).has("cmp"));
}

namespace {
// One story whose steps are given; org-a and doc-b as in test_stories.cpp.
std::string storyWith(const std::string& steps) {
  return R"({"format": "1.0", "title": "T",
  "sources": [{"id": "src-a", "title": "A", "publisher": "P", "external": true}],
  "entities": [
    {"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "date": "1987",
     "citations": [{"source": "src-a", "note": "n"}]}],
  "stories": [{"id": "story-1", "title": "S", "steps": [)" + steps + "]}]}";
}
std::string step(const std::string& fields) {
  return R"({"title": "One", "narration": "N.", "focus": ["org-a"], )" + fields +
         R"("citations": [{"source": "src-a", "note": "n"}]})";
}
}  // namespace

TEST_CASE("a story step may compare two dates; the player applies it and a step without clears it", "[compare][stories]") {
  LoadResult r = loadCorpus(storyWith(step(R"("compare": "2013-04-01/2023", )") + "," + step("")));
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatDiagnostic("c.json", d));
  REQUIRE(r.ok());
  const StoryStep& st = r.corpus.stories[0].steps[0];
  CHECK(st.compare.text == "2013-04-01/2023");
  CHECK(!r.corpus.stories[0].steps[1].compare.present());  // an old step (no compare) stays valid

  AppState s;
  applyAction(r.corpus, s, act::SetComparison{daysFromCivil(2000, 1, 1), daysFromCivil(2001, 1, 1)});
  CHECK((applyAction(r.corpus, s, act::GoToStoryStep{0, 0}) & kChangeCompare) != 0);
  CHECK(s.compareFirst == k2013);
  CHECK(s.compareSecond == daysFromCivil(2023, 12, 31));  // a year as it stood at its end
  applyAction(r.corpus, s, act::NextStoryStep{});
  CHECK(!s.comparing());
  // Ending the story brings back the comparison from before it.
  applyAction(r.corpus, s, act::EndStory{});
  CHECK(s.compareFirst == daysFromCivil(2000, 1, 1));
  CHECK(s.compareSecond == daysFromCivil(2001, 1, 1));
}

TEST_CASE("a story step's bad comparison is reported at its JSON path", "[compare][stories]") {
  auto errors = [](const std::string& fields) {
    LoadResult r = loadCorpus(storyWith(step(fields)));
    std::vector<std::string> out;
    for (const Diagnostic& d : r.errors) out.push_back(formatDiagnostic("c.json", d));
    return out;
  };
  const std::string expected =
      "c.json: /stories/0/steps/0/compare: expected two dates to compare as an interval such as \"2013/2023\" or "
      "\"2013-04-01/2023-04-01\"; found ";
  CHECK(errors(R"("compare": "2013", )") == std::vector<std::string>{expected + "\"2013\""});
  CHECK(errors(R"("compare": "2013/..", )") == std::vector<std::string>{expected + "\"2013/..\""});
  CHECK(errors(R"("compare": "2013~/2023", )") == std::vector<std::string>{expected + "\"2013~/2023\""});
  CHECK(errors(R"("compare": "2013-21/2023", )").size() == 1);
}

TEST_CASE("comparing 2013 with 2023: the graph shows both, marked by which date each was at", "[compare][graph-scene]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  s.corpusLoaded = true;
  applyAction(c, s, act::SetComparison{k2013, k2023});
  Visibility vis;
  REQUIRE(updateVisibility(c, s, vis));
  REQUIRE(vis.comparison);
  const int ccgs = entity(c, "org-ccgs"), icbs = entity(c, "org-icbs"), nhse = entity(c, "org-nhs-england");
  const int doh = entity(c, "org-department-of-health"), dhsc = entity(c, "org-dhsc");
  // The union of the two dates, less the old name of a renaming.
  CHECK(vis.entityAt[static_cast<size_t>(ccgs)]);
  CHECK(vis.entityAt[static_cast<size_t>(icbs)]);
  CHECK(vis.entityAt[static_cast<size_t>(dhsc)]);
  CHECK(!vis.entityAt[static_cast<size_t>(doh)]);
  // What existed at neither date is hidden (NHS Improvement: 2016 to 2022).
  CHECK(!vis.entityAt[static_cast<size_t>(entity(c, "org-nhs-improvement"))]);

  GraphScene scene;
  scene_test::settle(scene, c, &vis);
  scene.setFocus(SceneFocus{-1, 0, kNoDay});
  scene.build();
  CHECK(scene.comparing());
  CHECK(scene.compareMark(static_cast<uint32_t>(ccgs)) == CompareMark::FirstOnly);
  CHECK(scene.compareMark(static_cast<uint32_t>(icbs)) == CompareMark::SecondOnly);
  CHECK(scene.compareMark(static_cast<uint32_t>(nhse)) == CompareMark::None);  // there at both
  CHECK(scene.compareMark(static_cast<uint32_t>(dhsc)) == CompareMark::Renamed);
  CHECK(scene.labelOf(static_cast<uint32_t>(dhsc)) == "Department of Health \xe2\x86\x92 Department of Health and Social Care");
  CHECK(scene.hidden(static_cast<uint32_t>(doh)));
  // The styles: what ended is faded, what is new is ringed.
  const NodeInstance ended = scene.nodeStyle(static_cast<uint32_t>(ccgs)), began = scene.nodeStyle(static_cast<uint32_t>(icbs));
  const NodeInstance both = scene.nodeStyle(static_cast<uint32_t>(nhse));
  CHECK((ended.rgba >> 24) < (both.rgba >> 24));
  CHECK(began.outline == 3.f);
  CHECK(both.outline == 0.f);

  // Labels carry their marks, and still never overlap.
  std::vector<GraphLabel> labels;
  const Camera2D cam = scene_test::fitted(scene);
  scene.placeLabels(cam, -1, scene_test::measure, LabelOptions{}, labels);
  std::set<CompareMark> marks;
  for (size_t a = 0; a < labels.size(); ++a) {
    marks.insert(labels[a].mark);
    CHECK(labels[a].mark == scene.compareMark(labels[a].node));
    for (size_t b = a + 1; b < labels.size(); ++b) {
      const GraphLabel &l = labels[a], &m = labels[b];
      if (l.x0 < m.x1 && l.x1 > m.x0 && l.y0 < m.y1 && l.y1 > m.y0) FAIL_CHECK("labels of " << l.node << " and " << m.node << " overlap");
    }
  }
  CHECK(marks.count(CompareMark::FirstOnly));
  CHECK(marks.count(CompareMark::SecondOnly));

  // Stopping the comparison takes the marks away and the Department back under its own name.
  applyAction(c, s, act::SetComparison{});
  REQUIRE(updateVisibility(c, s, vis));
  CHECK(!vis.comparison);
  scene.setVisibility(vis);
  CHECK(!scene.comparing());
  CHECK(scene.compareMark(static_cast<uint32_t>(ccgs)) == CompareMark::None);
  CHECK(!scene.hidden(static_cast<uint32_t>(doh)));
  CHECK(scene.labelOf(static_cast<uint32_t>(dhsc)) == "Department of Health and Social Care");
}

TEST_CASE("the compare panel offers each mandate's start, in order, and each change's citations", "[compare]") {
  const Corpus& c = bundledCorpus();
  const std::vector<ComparePreset> presets = comparePresets(c);
  REQUIRE(presets.size() >= 10);
  CHECK(std::is_sorted(presets.begin(), presets.end(), [](const ComparePreset& a, const ComparePreset& b) { return a.day < b.day; }));
  CHECK(presets.front().day == k2013);
  CHECK(presets.front().label == "1 Apr 2013: The 2012 NHS mandate");
  for (const ComparePreset& p : presets) CHECK(c.entities[p.entity].type == "mandate");

  const Comparison cmp = compareDates(c, k2013, k2023);
  for (const EntityChange& ch : cmp.entities) {
    if (ch.entity != static_cast<uint32_t>(entity(c, "org-ccgs"))) continue;
    const std::vector<const Citation*> cits = changeCitations(c, ch);
    // The entity's own citations, then the succession's.
    CHECK(cits.size() >= c.entities[ch.entity].citations.size());
    CHECK(std::any_of(cits.begin(), cits.end(), [&](const Citation* x) {
      return !c.relations[ch.relation].citations.empty() && x->source == c.relations[ch.relation].citations[0].source &&
             x->quote == c.relations[ch.relation].citations[0].quote;
    }));
  }
}
