#include "core/story.h"

#include "core/actions.h"

namespace nhsx {

// Each is the story action (core/actions.h), with whether it could be taken.
bool goToStoryStep(const Corpus& c, AppState& s, int story, int step) {
  if (story < 0 || static_cast<size_t>(story) >= c.stories.size() || c.stories[static_cast<size_t>(story)].steps.empty()) {
    return false;
  }
  applyAction(c, s, act::GoToStoryStep{story, step});
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
  static const Corpus kNone;  // leaving a story reads nothing of the corpus
  applyAction(kNone, s, act::EndStory{});
}

}  // namespace nhsx
