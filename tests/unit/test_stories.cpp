// Guided stories: the loader reads every step field and reports bad ones with exact messages; the
// bundled stories are complete, and every step is backed by a verbatim seed quote the corpus already cites.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "bundled_corpus.h"
#include "core/corpus_loader.h"
#include "core/quote_check.h"
#include "core/time_filter.h"
#include "core/text_file.h"

using namespace nhsx;

namespace {
// A small valid corpus holding one story whose first step is `step`.
std::string withStep(const std::string& step, const std::string& more = "") {
  return R"({"format": "1.0", "title": "T",
  "sources": [{"id": "src-a", "title": "A", "publisher": "P", "seed": "a.txt"}],
  "entities": [
    {"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "date": "1987",
     "citations": [{"source": "src-a", "quote": "A is a charity"}]},
    {"id": "doc-b", "kind": "document", "type": "report", "name": "B", "date": "2014-07-28",
     "citations": [{"source": "src-a", "quote": "B is a report"}]}],
  "stories": [{"id": "story-1", "title": "S", "steps": [)" +
         step + more + "]}]}";
}

const std::string kCite = R"("citations": [{"source": "src-a", "quote": "A is a charity"}])";

std::string stepWith(const std::string& fields) {
  return R"({"title": "One", "narration": "A is a charity.", "focus": ["org-a"], )" + fields + kCite + "}";
}

std::vector<std::string> errorsOf(const std::string& text) {
  LoadResult r = loadCorpus(text);
  std::vector<std::string> out;
  for (const Diagnostic& d : r.errors) out.push_back(formatDiagnostic("c.json", d));
  return out;
}

}  // namespace

TEST_CASE("a story step reads title, narration, focus, view, asOf, window, kinds and citations", "[stories]") {
  LoadResult r = loadCorpus(withStep(R"({"title": "One", "narration": "Our words.", "focus": ["doc-b", "org-a"],
    "view": "timeline", "asOf": "2014-07", "window": "2011/2016", "kinds": ["document", "organisation"],
    "citations": [{"source": "src-a", "quote": "B is a report"}]})"));
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatDiagnostic("c.json", d));
  REQUIRE(r.ok());
  REQUIRE(r.corpus.stories.size() == 1);
  REQUIRE(r.corpus.stories[0].steps.size() == 1);
  const StoryStep& s = r.corpus.stories[0].steps[0];
  CHECK(s.title == "One");
  CHECK(s.narration == "Our words.");
  CHECK(s.view == "timeline");
  CHECK(s.focus == std::vector<uint32_t>{1, 0});  // doc-b first: it is the one selected
  CHECK(s.asOf.text == "2014-07");
  CHECK(s.asOf.value.firstDay() == daysFromCivil(2014, 7, 1));
  CHECK(s.asOf.value.lastDay() == daysFromCivil(2014, 7, 31));
  CHECK(s.window.value.firstDay() == daysFromCivil(2011, 1, 1));
  CHECK(s.window.value.lastDay() == daysFromCivil(2016, 12, 31));
  CHECK(s.kinds == std::vector<Kind>{Kind::Document, Kind::Organisation});
  REQUIRE(s.citations.size() == 1);
  CHECK(s.citations[0].source == 0);
  CHECK(s.citations[0].quote == "B is a report");
}

TEST_CASE("a step's older date field is read as its asOf; optional fields may be absent", "[stories]") {
  LoadResult r = loadCorpus(withStep(stepWith(R"("date": "2014-07-28", )")));
  REQUIRE(r.ok());
  const StoryStep& s = r.corpus.stories[0].steps[0];
  CHECK(s.asOf.text == "2014-07-28");
  CHECK(s.asOf.value.firstDay() == daysFromCivil(2014, 7, 28));
  CHECK(s.view.empty());
  CHECK(!s.window.present());
  CHECK(s.kinds.empty());
}

TEST_CASE("stories may come before the sources and entities they cite", "[stories]") {
  LoadResult r = loadCorpus(R"({"format": "1.0", "title": "T",
    "stories": [{"id": "story-1", "title": "S", "steps": [{"title": "One", "narration": "N", "focus": ["org-a"],
      "citations": [{"source": "src-a", "quote": "q"}]}]}],
    "sources": [{"id": "src-x", "title": "X", "publisher": "P"}, {"id": "src-a", "title": "A", "publisher": "P"}],
    "entities": [{"id": "org-x", "kind": "organisation", "type": "charity", "name": "X", "citations": [{"source": "src-x", "quote": "q"}]},
                 {"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "citations": [{"source": "src-a", "quote": "q"}]}]})");
  REQUIRE(r.ok());
  const StoryStep& s = r.corpus.stories.at(0).steps.at(0);
  CHECK(s.focus == std::vector<uint32_t>{1});
  REQUIRE(s.citations.size() == 1);
  CHECK(s.citations[0].source == 1);
}

TEST_CASE("bad story steps are reported with their JSON path, expected and found", "[stories]") {
  auto one = [](const std::string& fields) {
    auto e = errorsOf(withStep(stepWith(fields)));
    REQUIRE(e.size() == 1);
    return e[0];
  };
  CHECK(one(R"("view": "map", )") ==
        "c.json: /stories/0/steps/0/view: expected one of overview, timeline or graph; found \"map\"");
  CHECK(one(R"("asOf": "2014/2015", )") ==
        "c.json: /stories/0/steps/0/asOf: expected a day, month or year such as \"2014-07-28\", \"2014-07\" or "
        "\"2014\"; found \"2014/2015\"");
  CHECK(one(R"("asOf": "2014-21", )") ==
        "c.json: /stories/0/steps/0/asOf: expected a day, month or year such as \"2014-07-28\", \"2014-07\" or "
        "\"2014\"; found \"2014-21\"");
  CHECK(one(R"("date": "2014~", )") ==
        "c.json: /stories/0/steps/0/date: expected a day, month or year such as \"2014-07-28\", \"2014-07\" or "
        "\"2014\"; found \"2014~\"");
  CHECK(one(R"("asOf": "2014-02-30", )") ==
        "c.json: /stories/0/steps/0/asOf: invalid EDTF date '2014-02-30': day 30 does not exist in Feb 2014");
  CHECK(one(R"("asOf": "2014", "date": "2014", )") ==
        "c.json: /stories/0/steps/0/date: expected \"asOf\" or its older name \"date\", found both");
  CHECK(one(R"("window": "2014", )") ==
        "c.json: /stories/0/steps/0/window: expected an interval with both ends such as \"2011/2016\"; found \"2014\"");
  CHECK(one(R"("window": "2014/..", )") ==
        "c.json: /stories/0/steps/0/window: expected an interval with both ends such as \"2011/2016\"; found \"2014/..\"");
  CHECK(one(R"("window": "2016/2011", )") ==
        "c.json: /stories/0/steps/0/window: invalid EDTF date '2016/2011': interval ends (2011) before it starts (2016)");
  CHECK(one(R"("kinds": ["document", "planet"], )") ==
        "c.json: /stories/0/steps/0/kinds/1: expected one of organisation, person, document, programme, partnership, "
        "part or theme; found \"planet\"");
  CHECK(one(R"("kinds": [3], )") == "c.json: /stories/0/steps/0/kinds/0: expected an entity kind, found number");
  CHECK(one(R"("kinds": "document", )") ==
        "c.json: /stories/0/steps/0/kinds: expected an array of entity kinds, found \"document\"");
}

TEST_CASE("story focus, citations and steps are checked like every other item", "[stories]") {
  auto e = errorsOf(withStep(R"({"title": "One", "narration": "N", "focus": ["org-a", "org-zzz", "src-a"]})"));
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "c.json: /stories/0/steps/0/focus/1: unknown entity id \"org-zzz\"");
  CHECK(e[1] == "c.json: /stories/0/steps/0/focus/2: unknown entity id \"src-a\" (that id is not an entity)");
  CHECK(e[2] == "c.json: /stories/0/steps/0: missing required field \"citations\"");

  auto c = errorsOf(withStep(R"({"title": "One", "narration": "N", "citations": [{"source": "src-nope", "quote": "q"}]},
                                {"title": "Two", "narration": "N", "citations": []})"));
  REQUIRE(c.size() == 2);
  CHECK(c[0] == "c.json: /stories/0/steps/0/citations/0/source: unknown source \"src-nope\" (not listed in /sources)");
  CHECK(c[1] == "c.json: /stories/0/steps/1/citations: expected at least one citation, found none");

  auto s = errorsOf(withStep(""));
  REQUIRE(s.size() == 1);
  CHECK(s[0] == "c.json: /stories/0/steps: expected at least one step, found none");
}

TEST_CASE("story step quotes are checked against their seed", "[stories]") {
  LoadResult r = loadCorpus(withStep(stepWith(""), R"(, {"title": "Two", "narration": "N",
    "citations": [{"source": "src-a", "quote": "B is a  charity"}]})"));
  REQUIRE(r.ok());
  const std::map<std::string, std::string> seeds{{"a.txt", "A is a\ncharity. B is a report."}};
  auto e = checkQuotes(r.corpus, seeds);
  REQUIRE(e.size() == 1);
  CHECK(formatDiagnostic("c.json", e[0]) ==
        "c.json: /stories/0/steps/1/citations/0/quote: quote is not verbatim in a.txt: \"B is a  charity\"");
}

TEST_CASE("the schema allows exactly the story views the loader accepts", "[stories]") {
  std::ifstream f(std::filesystem::path(SOURCE_DIR) / "data" / "corpus.schema.json");
  const auto schema = nlohmann::json::parse(f, nullptr, false);
  REQUIRE(schema.is_object());
  const auto& step = schema["$defs"]["story"]["properties"]["steps"]["items"];
  CHECK(step["properties"]["view"]["enum"].get<std::set<std::string>>() ==
        std::set<std::string>(storyViews().begin(), storyViews().end()));
  // Citations are required unless the story is one's own (the loader's rule, core/corpus_loader.cpp).
  CHECK(step["required"].get<std::set<std::string>>() == std::set<std::string>{"title", "narration"});
  const auto& story = schema["$defs"]["story"];
  CHECK(story["if"]["properties"]["own"]["const"] == true);
  CHECK(story["else"]["properties"]["steps"]["items"]["required"] == nlohmann::json::array({"citations"}));
}

TEST_CASE("the bundled stories are complete", "[stories]") {
  const Corpus& c = bundledCorpus();
  const std::vector<int32_t> published = publicationDays(c);
  CHECK(c.stories.size() >= 4);
  std::set<std::string> titles;
  for (const Story& story : c.stories) {
    INFO(story.id);
    CHECK(story.id.rfind("story-", 0) == 0);
    CHECK(titles.insert(story.title).second);
    CHECK(story.steps.size() >= 3);
    CHECK(story.steps.size() <= 7);
    for (const StoryStep& step : story.steps) {
      INFO(step.title);
      CHECK(!step.narration.empty());
      CHECK(step.narration.size() <= 300);  // short, for a classroom
      CHECK(!step.focus.empty());
      CHECK(!step.view.empty());
      REQUIRE(step.asOf.present());
      if (step.window.present()) {  // the cursor is inside the visible range
        CHECK(step.window.value.firstDay() <= step.asOf.value.firstDay());
        CHECK(step.asOf.value.lastDay() <= step.window.value.lastDay());
      }
      for (uint32_t f : step.focus) {  // everything in focus exists (or is published) by the cursor's end
        const Entity& e = c.entities.at(f);
        INFO(e.id);
        CHECK(existenceAt(e.date, step.asOf.value.lastDay(), published.at(f)) != Existence::NotYet);
      }
      const bool seedCited = std::any_of(step.citations.begin(), step.citations.end(),
                                         [&](const Citation& cit) { return !c.sources.at(cit.source).seed.empty(); });
      CHECK(seedCited);
    }
  }
}

TEST_CASE("every story step is backed by a cited seed quote", "[stories][seeds]") {
  const Corpus& c = bundledCorpus();

  // Seed texts, and every (source, quote) the corpus's entities, relations and events cite.
  std::map<std::string, std::string> seeds;
  for (const auto& [name, text] : bundledSeedTexts()) seeds[name] = collapseWhitespace(text);
  std::vector<std::pair<uint32_t, std::string>> cited;
  auto collect = [&](const std::vector<Citation>& cits) {
    for (const Citation& x : cits) if (!x.quote.empty()) cited.emplace_back(x.source, collapseWhitespace(x.quote));
  };
  for (const Entity& e : c.entities) {
    collect(e.citations);
    for (const Figure& f : e.figures) collect(f.citations);
  }
  for (const Relation& x : c.relations) collect(x.citations);
  for (const Event& x : c.events) collect(x.citations);

  for (const Story& story : c.stories) {
    INFO(story.id);
    for (const StoryStep& step : story.steps) {
      INFO(step.title);
      int seedQuotes = 0;
      for (const Citation& cit : step.citations) {
        const Source& src = c.sources.at(cit.source);
        if (src.seed.empty()) continue;
        const std::string q = collapseWhitespace(cit.quote);
        INFO(q);
        CHECK(seeds.at(src.seed).find(q) != std::string::npos);
        // The story tells nothing new: the same quote already backs an entity, relation or event.
        const bool known = std::any_of(cited.begin(), cited.end(), [&](const auto& k) {
          return k.first == cit.source && k.second.find(q) != std::string::npos;
        });
        CHECK(known);
        ++seedQuotes;
      }
      CHECK(seedQuotes >= 1);
    }
  }
}
