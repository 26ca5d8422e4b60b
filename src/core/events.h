// What the page is told when the state changes: the events for exactly the changes actions reported
// (core/actions.h), so the page never compares states to find out.
#pragma once
#include <string>

#include "core/app_state.h"

namespace nhsx {

// {"events": [{"type", "detail"}, ...], "link": bool, "history": bool} for the changes `ch`, in this
// order: select {id, name} or null, view {view}, asof {date}, filters {kinds, orgTypes, relationTypes,
// themes, from, to}, story {story, storyStep, storySteps}, then change (the whole state, as
// explorer.state()) for any change but the timeline's window, hover and layout. "link": the deep link
// changed; "history": in a way that adds a history entry (selection, view, story step, path). Empty
// when nothing the page hears of changed.
std::string eventsJson(Changes ch, const AppState& s, const Corpus& c);

}  // namespace nhsx
