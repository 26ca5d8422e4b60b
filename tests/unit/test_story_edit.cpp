// Making a story of one's own: a step recorded from the view state gives that view state back when
// followed; the draft's edits undo and redo; the story file and the shared link read back the same
// story through the corpus's checks, and bad ones are refused with located messages.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "../../fuzz/fuzz_checks.h"
#include "core/text_file.h"

#include "bundled_corpus.h"
#include "core/export.h"
#include "core/story.h"
#include "core/story_edit.h"
#include "core/story_link.h"

using namespace nhsx;

namespace {

int entity(const Corpus& c, const char* id) {
  const int e = c.findEntity(id);
  REQUIRE(e >= 0);
  return e;
}

// A view with every recordable field set: view, selection, path, date, window (whole days), filters and
// two dates compared.
ViewState busyView(const Corpus& c) {
  ViewState v;
  v.view = View::Graph;
  v.selected = entity(c, "org-nhs-england");
  v.pathTo = entity(c, "org-department-of-health");
  v.asOf = 16000;
  v.windowFrom = 15000;
  v.windowTo = 17001;
  v.filter.kinds = {Kind::Organisation, Kind::Document};
  v.filter.orgTypes = {"arms-length-body"};
  v.filter.relationTypes = {0, 2};
  v.filter.themes = {"theme-cancer"};
  v.filter.origins = {kOriginMap};
  v.filter.fromDay = 14000;
  v.filter.toDay = 19000;
  v.compareFirst = 15500;
  v.compareSecond = 18000;
  return v;
}

// Follows step `step` of a corpus holding it as its last story, from a state that differs everywhere.
AppState replay(Corpus& c, const StoryStep& step) {
  Story st;
  st.id = freeStoryId(c, "test-replay");
  st.title = "Replay";
  st.steps.push_back(step);
  c.stories.push_back(st);
  AppState s;
  s.view = View::Timeline;
  s.selected = 1;
  s.asOf = 1;
  s.filter.kinds = {Kind::Person};
  s.compareFirst = 10000;
  s.compareSecond = 11000;
  REQUIRE(goToStoryStep(c, s, static_cast<int>(c.stories.size()) - 1, 0));
  c.stories.pop_back();
  return s;
}

}  // namespace

TEST_CASE("a recorded step, followed, gives back the view state it recorded", "[story-edit]") {
  Corpus& c = const_cast<Corpus&>(bundledCorpus());  // a story is added and removed again
  const ViewState v = busyView(c);
  const StoryStep step = captureStep(c, v);
  CHECK(step.view == "graph");
  CHECK(step.title == "NHS England");
  CHECK(step.narration.empty());
  const AppState s = replay(c, step);
  CHECK(s.view == v.view);
  CHECK(s.selected == v.selected);
  CHECK(s.pathTo == v.pathTo);
  CHECK(s.asOf == v.asOf);
  CHECK(s.filter == v.filter);
  CHECK(step.compare.text == isoDay(15500) + "/" + isoDay(18000));
  CHECK(s.compareFirst == v.compareFirst);
  CHECK(s.compareSecond == v.compareSecond);
  // The window is asked of the timeline, which then reports it (act::SetWindow).
  CHECK(s.requestFrom == v.windowFrom);
  CHECK(s.requestTo == v.windowTo);
  // Everything a link holds, with the window reported back: the same view state.
  ViewState back = s;
  back.windowFrom = s.requestFrom;
  back.windowTo = s.requestTo;
  back.story = v.story;
  back.storyStep = v.storyStep;
  CHECK(back == v);

  SECTION("an empty view records an empty step that clears what was there") {
    ViewState none;
    none.view = View::Timeline;
    const AppState t = replay(c, captureStep(c, none));
    ViewState b = t;
    b.story = -1;
    b.storyStep = 0;
    CHECK(!t.comparing());  // the comparison on before the step is cleared: the step compares nothing
    CHECK(b == none);
  }
  SECTION("a window ending within a day records the whole days it shows") {
    ViewState part = v;
    part.windowFrom = 15000.25;
    part.windowTo = 17000.5;
    const StoryStep p = captureStep(c, part);
    CHECK(p.window.value.firstDay() == 15000);
    CHECK(p.window.value.lastDay() + 1 == 17001);
  }
}

TEST_CASE("a story written as JSON reads back the same through the corpus's checks", "[story-edit]") {
  const Corpus& c = bundledCorpus();
  Story st;
  st.id = "my-story";
  st.title = "My story";
  st.description = "What I found";
  st.own = true;
  st.steps.push_back(captureStep(c, busyView(c)));
  st.steps[0].narration = "NHS England and the department.";
  const auto offered = offeredCitations(c, st.steps[0]);
  REQUIRE(offered.size() >= 2);
  st.steps[0].citations = {offered[0].citation, offered.back().citation};
  ViewState v2;
  v2.view = View::Timeline;
  v2.asOf = 15500;
  st.steps.push_back(captureStep(c, v2));
  st.steps[1].narration = "A step without a source.";

  const std::string text = writeStory(c, st);
  StoriesResult r = loadStories(text, c);
  INFO(text);
  REQUIRE(r.ok());
  REQUIRE(r.stories.size() == 1);
  CHECK(writeStory(c, r.stories[0]) == text);
  CHECK(r.stories[0].steps[0].themes == st.steps[0].themes);
  CHECK(r.stories[0].steps[0].pathTo == st.steps[0].pathTo);
  // The comparison is written and read back; a step without one writes none.
  CHECK(storyToJson(c, st)["steps"][0]["compare"] == isoDay(15500) + "/" + isoDay(18000));
  CHECK(r.stories[0].steps[0].compare.text == st.steps[0].compare.text);
  CHECK(!storyToJson(c, st)["steps"][1].contains("compare"));

  // The list form too, and a bundled story as a corpus writes it.
  nlohmann::ordered_json list = {{"stories", nlohmann::ordered_json::array({storyToJson(c, c.stories[0])})}};
  StoriesResult b = loadStories(list.dump(), c);
  REQUIRE(b.ok());
  CHECK(writeStory(c, b.stories[0]) == writeStory(c, c.stories[0]));
  CHECK(checkStory(c, st).empty());
}

TEST_CASE("a bad story file is refused with located errors", "[story-edit]") {
  const Corpus& c = bundledCorpus();
  auto errors = [&](const std::string& text) {
    StoriesResult r = loadStories(text, c);
    CHECK(r.stories.empty());
    std::vector<std::string> out;
    for (const Diagnostic& d : r.errors) out.push_back(d.where + ": " + d.message);
    return out;
  };
  auto has = [](const std::vector<std::string>& v, const std::string& part) {
    for (const std::string& s : v) if (s.find(part) != std::string::npos) return true;
    return false;
  };
  CHECK(has(errors(R"({"id": "s", "title": "T", "steps": [{"title": "A", "narration": ""}]})"), "/steps/0/narration: expected a non-empty string"));
  CHECK(has(errors(R"({"id": "s", "title": "T", "steps": [{"title": "A", "narration": "n", "citations": []}]})"), "/steps/0/citations: expected at least one citation"));
  CHECK(has(errors(R"({"id": "s", "title": "T", "own": true, "steps": [{"title": "A", "narration": "n", "focus": ["org-nowhere"]}]})"), "/steps/0/focus/0: unknown entity id"));
  CHECK(has(errors(R"({"id": "s", "title": "T", "own": true, "steps": [{"title": "A", "narration": "n", "relationTypes": ["likes"], "from": "2012/2014"}]})"), "/steps/0/relationTypes/0: unknown relation type"));
  CHECK(has(errors(R"({"id": "s", "title": "T", "own": true, "steps": [{"title": "A", "narration": "n", "from": "2012/2014"}]})"), "/steps/0/from: expected a day"));
  CHECK(has(errors(R"({"stories": [{"id": "org-nhs-england", "title": "T", "own": true, "steps": [{"title": "A", "narration": "n"}]}]})"), "/stories/0/id: duplicate id"));
  CHECK(has(errors(R"({"id": "s", "title": "T", "steps": [{"title": "A", "narration": "n", "citations": [{"source": "src-nowhere", "quote": "q"}]}]})"), "/steps/0/citations/0/source: unknown source"));
  CHECK(has(errors("{\"id\": \"s\",\n \"title\": }"), "2:11: JSON syntax error"));
  CHECK(has(errors("[1]"), "expected a story object"));
  CHECK(has(errors(R"({"title": "no steps"})"), "expected a story object"));
}

TEST_CASE("the draft's edits each undo and redo", "[story-edit]") {
  const Corpus& c = bundledCorpus();
  StoryDraft d;
  Story start;
  start.id = "d";
  start.title = "Draft";
  d.reset(start);
  CHECK_FALSE(d.canUndo());
  ViewState a = busyView(c), b;
  b.view = View::Timeline;
  b.selected = entity(c, "org-acevo");
  d.record(captureStep(c, a));
  d.record(captureStep(c, b));
  REQUIRE(d.story().steps.size() == 2);
  CHECK(d.current() == 1);
  CHECK(d.story().steps[1].title == c.entities[static_cast<size_t>(b.selected)].name);
  // Typing is one edit per field.
  d.setNarration("A");
  d.setNarration("AC");
  d.setNarration("ACEVO");
  d.endTyping();
  d.setStepTitle("ACEVO's report");
  const Story typed = d.story();
  d.move(-1);
  CHECK(d.current() == 0);
  CHECK(d.story().steps[0].narration == "ACEVO");
  d.setCurrent(1);
  ViewState moved = a;
  moved.asOf = 17000;
  d.rerecord(captureStep(c, moved));
  CHECK(d.story().steps[1].asOf.value.firstDay() == 17000);
  CHECK(d.story().steps[1].title == "NHS England");
  const auto offered = offeredCitations(c, d.story().steps[1]);
  REQUIRE_FALSE(offered.empty());
  d.setCitations({offered[0].citation});
  d.remove();
  CHECK(d.story().steps.size() == 1);
  d.setTitle("Mine");
  // Undo all the way: each edit one step back.
  const char* expect[] = {"title", "remove", "citations", "rerecord", "move"};
  for (const char* what : expect) {
    INFO(what);
    REQUIRE(d.undo());
  }
  CHECK(storyToJson(c, d.story()) == storyToJson(c, typed));
  REQUIRE(d.undo());  // the step title
  REQUIRE(d.undo());  // the narration, typed in one go
  CHECK(d.story().steps[1].narration.empty());
  REQUIRE(d.undo());
  REQUIRE(d.undo());
  CHECK(d.story().steps.empty());
  CHECK_FALSE(d.undo());
  for (int i = 0; i < 9; ++i) REQUIRE(d.redo());
  CHECK_FALSE(d.redo());
  CHECK(d.story().title == "Mine");
  CHECK(d.story().steps.size() == 1);
  // A new edit after undo drops the redo.
  d.undo();
  d.setDescription("x");
  CHECK_FALSE(d.canRedo());
}

TEST_CASE("citations offered are the focused items' and their relations'", "[story-edit]") {
  const Corpus& c = bundledCorpus();
  ViewState v;
  v.selected = entity(c, "org-acevo");
  const StoryStep step = captureStep(c, v);
  const auto offered = offeredCitations(c, step);
  const Entity& e = c.entities[static_cast<size_t>(v.selected)];
  REQUIRE(offered.size() > e.citations.size());
  for (size_t k = 0; k < e.citations.size(); ++k) CHECK(offered[k].ref == e.id + "#" + std::to_string(k));
  for (const OfferedCitation& o : offered) {
    const Citation* back = citationByRef(c, o.ref);
    REQUIRE(back);
    CHECK(sameCitation(*back, o.citation));
  }
  CHECK(citationByRef(c, "org-acevo#999") == nullptr);
  CHECK(citationByRef(c, "org-acevo") == nullptr);
  CHECK(citationByRef(c, "#0") == nullptr);
  CHECK(offeredCitations(c, captureStep(c, ViewState{})).empty());
}

TEST_CASE("a story shared as a link reads back the same", "[story-edit][link]") {
  Corpus& c = const_cast<Corpus&>(bundledCorpus());
  Story st;
  st.id = "shared";
  st.title = "Shared \xe2\x80\x94 a story";
  st.own = true;
  for (int i = 0; i < 3; ++i) {
    ViewState v = busyView(c);
    v.asOf += i * 100;
    st.steps.push_back(captureStep(c, v));
    st.steps.back().narration = "Step " + std::to_string(i) + ": NHS England & the department, 100% \"quoted\".";
    st.steps.back().citations = {offeredCitations(c, st.steps.back()).at(static_cast<size_t>(i)).citation};
  }
  const std::string value = encodeStoryLink(c, st);
  CHECK(value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
  CHECK(value.size() < kMaxStoryLink);
  const StoryLinkResult r = decodeStoryLink(value, c);
  INFO((r.warnings.empty() ? "" : r.warnings[0]));
  REQUIRE(r.ok);
  CHECK(r.warnings.empty());
  CHECK(writeStory(c, r.story) == writeStory(c, st));
  // Each step's comparison travels under its short key and comes back.
  {
    std::string decoded;
    REQUIRE(link::base64UrlDecode(value, decoded));
    const nlohmann::json j = nlohmann::json::parse(decoded);
    CHECK(j["s"][0]["m"] == isoDay(15500) + "/" + isoDay(18000));
    REQUIRE(r.story.steps[2].compare.present());
    CHECK(r.story.steps[2].compare.value.start.lastDay() == 15500);
    CHECK(r.story.steps[2].compare.value.end.lastDay() == 18000);
  }
  CHECK(storyLinkValue("#v=1&view=graph&tour=" + value + "&sel=x") == value);
  CHECK(storyLinkValue("#v=1&view=graph").empty());

  SECTION("added to the corpus once; a different story with its id is renamed") {
    const size_t before = c.stories.size();
    const int i = addStory(c, r.story);
    CHECK(addStory(c, r.story) == i);
    Story other = r.story;
    other.title = "Another";
    const int j = addStory(c, other);
    CHECK(j != i);
    CHECK(c.stories[static_cast<size_t>(j)].id == "shared-2");
    c.stories.resize(before);
  }
  SECTION("a citation the corpus no longer has is left out, located") {
    nlohmann::json j = nlohmann::json::parse([&] { std::string t; link::base64UrlDecode(value, t); return t; }());
    j["s"][1]["c"] = {"org-acevo#77"};
    const StoryLinkResult bad = decodeStoryLink(link::base64UrlEncode(j.dump()), c);
    REQUIRE(bad.ok);
    REQUIRE(bad.warnings.size() == 1);
    CHECK(bad.warnings[0] == "tour: /steps/1/citations/0: no citation \"org-acevo#77\" in this corpus; left out");
  }
}

TEST_CASE("a hostile story link is refused with a located warning", "[story-edit][link]") {
  const Corpus& c = bundledCorpus();
  auto refused = [&](std::string_view value, const std::string& part) {
    const StoryLinkResult r = decodeStoryLink(value, c);
    CHECK_FALSE(r.ok);
    REQUIRE_FALSE(r.warnings.empty());
    INFO(r.warnings[0]);
    CHECK(r.warnings[0].find(part) != std::string::npos);
  };
  refused("", "damaged");
  refused("abc$def", "at character 4");
  refused("eyJ", "damaged");  // cut short
  refused(link::base64UrlEncode("[1,2]"), "damaged");
  refused(link::base64UrlEncode(R"({"i":"x","t":"T","s":[{"t":"A"}]})"), "tour: /steps/0: missing required field \"narration\"");
  refused(link::base64UrlEncode(R"({"i":"x","t":"T","s":"no"})"), "tour: /steps: expected an array");
  refused(link::base64UrlEncode(R"({"i":"x","t":"T","o":true,"s":[{"t":"A","n":"n","f":["nope"]}]})"), "/steps/0/focus/0: unknown entity id");
  refused(link::base64UrlEncode(std::string("{\"i\":\"x\",\"t\":\"\xff\"}")), "damaged");
  refused(std::string(2u << 20, 'A'), "too long");
  // base64 round trip on every byte value.
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t n = 0; n < 5; ++n) {
    std::string back;
    REQUIRE(link::base64UrlDecode(link::base64UrlEncode(all.substr(n)), back));
    CHECK(back == all.substr(n));
  }
}

TEST_CASE("the corpus's export carries its stories, one's own among them, and reads back", "[story-edit][export]") {
  Corpus& c = const_cast<Corpus&>(bundledCorpus());
  const size_t before = c.stories.size();
  Story mine;
  mine.id = "mine";
  mine.title = "Mine";
  mine.own = true;
  mine.steps.push_back(captureStep(c, busyView(c)));
  mine.steps[0].narration = "Uncited, and said so.";
  addStory(c, mine);
  Story draft = mine;  // a draft not finished yet (no narration) is left out
  draft.id = "draft";
  draft.steps[0].narration.clear();
  addStory(c, draft);
  const std::vector<uint8_t> all(c.entities.size(), 1), rels(c.relations.size(), 1);
  LoadResult back = loadCorpus(exportJson(c, all, rels));
  c.stories.resize(before);
  REQUIRE(back.ok());
  REQUIRE(back.corpus.stories.size() == before + 1);
  CHECK(back.corpus.stories.back().id == "mine");
  CHECK(back.corpus.stories.back().own);
  // Without the entity a story shows, the story stays out.
  std::vector<uint8_t> some = all;
  some[static_cast<size_t>(c.findEntity("org-nhs-england"))] = 0;
  LoadResult part = loadCorpus(exportJson(c, some, rels));
  REQUIRE(part.ok());
  CHECK(part.corpus.stories.size() < before);
}

TEST_CASE("the deep-link fuzz target's check passes on its seeds, a shared story among them", "[story-edit][fuzz]") {
  namespace fs = std::filesystem;
  size_t n = 0;
  for (const fs::directory_entry& f : fs::directory_iterator(fs::path(SOURCE_DIR) / "fuzz/corpus/url_state")) {
    std::string text;
    REQUIRE(readTextFile(f.path().string(), text));
    INFO(f.path().filename().string());
    CHECK(nhsx::fuzz::checkDeepLink(text).empty());
    ++n;
  }
  CHECK(n >= 2);
  // The story seed is accepted, as text and as the value of a link.
  std::string seed;
  REQUIRE(readTextFile((fs::path(SOURCE_DIR) / "fuzz/corpus/url_state/story.txt").string(), seed));
  const StoryLinkResult r = decodeStoryLink(link::base64UrlEncode(seed), nhsx::fuzz::sheetBase());
  INFO((r.warnings.empty() ? "" : r.warnings[0]));
  CHECK(r.ok);
  CHECK(r.story.steps.at(0).citations.size() == 2);
}
