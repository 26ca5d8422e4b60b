// The card of a guided story over the bottom of the view: where you are (step n of N, dots), the
// step's title and narration, the sources behind it, and previous / next / end. Arrow keys and a
// horizontal swipe on the card move between steps too (App handles the keys).
#pragma once
#include "core/actions.h"
#include "core/app_state.h"

namespace nhsx {

void drawStoryCard(const Corpus& c, const AppState& s, ActionQueue& out, float x, float y, float width, float height);

}  // namespace nhsx
