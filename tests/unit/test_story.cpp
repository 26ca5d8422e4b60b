// Following a guided story: each step sets the selection, view, date, window, filters and comparison it names.
#include <catch2/catch_test_macros.hpp>


#include "bundled_corpus.h"
#include "core/story.h"

using namespace nhsx;


TEST_CASE("every step of every bundled story applies what it names", "[story]") {
  const Corpus& c = bundledCorpus();
  REQUIRE(c.stories.size() >= 4);
  for (size_t k = 0; k < c.stories.size(); ++k) {
    AppState s;
    s.filter.orgTypes = {"charity"};  // left over from before: a story step replaces the filters
    s.compareFirst = 1, s.compareSecond = 2;  // and its comparison (none in a step without one)
    REQUIRE(goToStoryStep(c, s, static_cast<int>(k), 0));
    int steps = 1;
    do {
      const StoryStep& p = c.stories[k].steps[static_cast<size_t>(s.storyStep)];
      INFO(c.stories[k].id << " step " << s.storyStep);
      CHECK(s.story == static_cast<int>(k));
      if (!p.focus.empty()) CHECK(s.selected == static_cast<int>(p.focus[0]));
      View v;
      if (!p.view.empty() && parseView(p.view, v)) CHECK(s.view == v);
      CHECK(s.asOf == (p.asOf.present() ? p.asOf.value.firstDay() : kNoDay));
      if (p.window.present()) CHECK(s.requestFrom == p.window.value.firstDay());
      // A step compares the two dates it names (each at its end), or nothing.
      CHECK(s.compareFirst == (p.compare.present() ? p.compare.value.start.lastDay() : kNoDay));
      CHECK(s.compareSecond == (p.compare.present() ? p.compare.value.end.lastDay() : kNoDay));
      CHECK(s.filter.orgTypes.empty());
      CHECK(s.filter.kinds.size() == p.kinds.size());
    } while (nextStoryStep(c, s) && ++steps);
    CHECK(steps == static_cast<int>(c.stories[k].steps.size()));
    CHECK_FALSE(nextStoryStep(c, s));  // at the end it stays
    CHECK(s.storyStep == steps - 1);
    while (previousStoryStep(c, s)) {}
    CHECK(s.storyStep == 0);
  }
}

TEST_CASE("stories out of range change nothing", "[story]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  s.selected = 5;
  CHECK_FALSE(goToStoryStep(c, s, static_cast<int>(c.stories.size()), 0));
  CHECK_FALSE(goToStoryStep(c, s, -1, 0));
  CHECK_FALSE(nextStoryStep(c, s));
  CHECK_FALSE(previousStoryStep(c, s));
  CHECK(s.selected == 5);
  REQUIRE(goToStoryStep(c, s, 0, 1000));
  CHECK(s.storyStep == static_cast<int>(c.stories[0].steps.size()) - 1);
  endStory(s);
  CHECK(s.story == -1);
}
