// The card of a guided story over the view (at the bottom unless the step's subject is there): where you are (step n of N, dots), the
// step's title and narration, the sources behind it, and previous / next / end. Arrow keys and a
// horizontal swipe on the card move between steps too (App handles the keys).
#pragma once
#include "core/actions.h"
#include "core/app_state.h"
#include "core/story_place.h"

namespace nhsx {

// Drawn over `view`, away from the step's subject at (focusX, focusY) when hasFocus (core/story_place).
// Returns the card's rectangle (zero size when no story is on).
Rect drawStoryCard(const Corpus& c, const AppState& s, ActionQueue& out, const Rect& view, bool hasFocus, float focusX,
                   float focusY);

}  // namespace nhsx
