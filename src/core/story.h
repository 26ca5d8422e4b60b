// Guided stories: what following a step does to the view. A step selects its first focus entity,
// switches the view, sets the "as of" cursor and the timeline's window, and filters to its kinds. These
// take the story actions of core/actions.h at once (the app queues them instead).
#pragma once
#include "core/app_state.h"

namespace nhsx {

// Starts (or moves within) a story; step is clamped to the story's steps. False when story is out of
// range (the state is left alone).
bool goToStoryStep(const Corpus& c, AppState& s, int story, int step);
// Next / previous step of the current story; false at either end or without a story.
bool nextStoryStep(const Corpus& c, AppState& s);
bool previousStoryStep(const Corpus& c, AppState& s);
// Leaves the story, keeping what is on screen.
void endStory(AppState& s);

}  // namespace nhsx
