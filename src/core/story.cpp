#include "core/story.h"

#include <algorithm>

namespace nhsx {

bool goToStoryStep(const Corpus& c, AppState& s, int story, int step) {
  if (story < 0 || static_cast<size_t>(story) >= c.stories.size()) return false;
  const Story& st = c.stories[static_cast<size_t>(story)];
  if (st.steps.empty()) return false;
  step = std::clamp(step, 0, static_cast<int>(st.steps.size()) - 1);
  const StoryStep& p = st.steps[static_cast<size_t>(step)];
  s.story = story;
  s.storyStep = step;
  View v;
  if (!p.view.empty() && parseView(p.view, v)) s.view = v;
  s.selected = p.focus.empty() ? -1 : static_cast<int>(p.focus[0]);
  s.pathTo = -1;
  s.asOf = p.asOf.present() ? p.asOf.value.firstDay() : kNoDay;
  s.playing = false;
  if (p.window.present()) {
    s.requestFrom = p.window.value.firstDay();
    s.requestTo = p.window.value.lastDay() + 1.0;
  }
  s.filter.reset();
  s.filter.kinds.insert(p.kinds.begin(), p.kinds.end());
  return true;
}

bool nextStoryStep(const Corpus& c, AppState& s) {
  if (s.story < 0 || static_cast<size_t>(s.story) >= c.stories.size()) return false;
  if (s.storyStep + 1 >= static_cast<int>(c.stories[static_cast<size_t>(s.story)].steps.size())) return false;
  return goToStoryStep(c, s, s.story, s.storyStep + 1);
}

bool previousStoryStep(const Corpus& c, AppState& s) {
  if (s.story < 0 || s.storyStep <= 0) return false;
  return goToStoryStep(c, s, s.story, s.storyStep - 1);
}

void endStory(AppState& s) {
  s.story = -1;
  s.storyStep = 0;
}

}  // namespace nhsx
