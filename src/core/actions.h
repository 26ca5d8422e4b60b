// One path for every change of state. Views, panels, the deep link, the story player and the page's API
// describe what the user asked for as an Action; applyAction is the one function that changes AppState,
// and it says what changed (for the events the page receives). The side effects of an action are the
// same wherever it comes from: selecting something new always clears the path target, whether it was a
// click in a view, a search, a story step or the API.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/app_state.h"

namespace nhsx {

// Changes the deep link shows, and those among them that add a history entry (back and forward step
// through selections, views, story steps and paths; anything else replaces the current entry).
constexpr Changes kLinkChanges = kChangeSelection | kChangeView | kChangeAsOf | kChangeFilters | kChangePath |
                                 kChangeStory | kChangeWindow | kChangeLook | kChangeCompare;
constexpr Changes kHistoryChanges = kChangeSelection | kChangeView | kChangeStory | kChangePath | kChangeCompare;
// Changes reported to the page as a 'change' event (what moves while panning or hovering is not).
constexpr Changes kStateChanges = kChangeSelection | kChangeView | kChangeAsOf | kChangePlaying | kChangeFilters |
                                  kChangePath | kChangeStory | kChangeLook | kChangeCorpus | kChangeContextMenu |
                                  kChangeCompare;

namespace act {
struct Select { int entity = -1; };           // -1 clears; a new selection clears the path target
struct SetView { View view = View::Overview; };
struct SetAsOf { int32_t day = kNoDay; bool stopPlaying = false; };  // kNoDay turns the cursor off
// Play or pause the sweep; starting from no cursor (or past `last`) starts at `first`.
struct TogglePlay { int32_t first = 0, last = 0; };
struct AdvancePlay { double seconds = 0; };   // the sweep moves on (about 20 s across the corpus)
struct SetFilters { FilterSpec filter; };
struct SetPathTarget { int entity = -1; };    // -1 clears
// Compares two days (put in order); kNoDay for either clears the comparison.
struct SetComparison { int32_t first = kNoDay, second = kNoDay; };
// The timeline's lanes: by kind (false) or organised by body (true).
struct SetTimelineGrouping { bool byBody = false; };
struct GoToStoryStep { int story = -1, step = 0; };  // step clamped; an unknown story changes nothing
struct NextStoryStep {};
struct PreviousStoryStep {};
struct EndStory {};  // leaves the story, restoring the filters, date and view in force before it
// A deep link, resolved against the corpus (view_link.h): the whole view it describes.
// named: which of what a story step sets the link names (kLinkNames*). A link to a story step that
// names none of them (a hand-written "#story=...&step=3") shows the step as the story tells it; one that
// names any is the whole view (a link the app wrote: what was on screen, whatever the step said).
enum : unsigned {
  kLinkNamesView = 1, kLinkNamesSelection = 2, kLinkNamesAsOf = 4, kLinkNamesWindow = 8, kLinkNamesFilters = 16,
  kLinkNamesCompare = 32,
  kLinkNamesAll = 63,
};
struct OpenLink { ViewState view; bool hasWindow = false; unsigned named = kLinkNamesAll; };
struct SetPresentation { bool on = false; };
struct SetColourByTheme { bool on = false; };  // the relationship view's nodes by theme, or by kind
struct TogglePresentation {};
struct SetReducedMotion { bool on = false; };
struct RequestWindow { double from = 0, to = 0; };  // asks the timeline to show this window
struct SetWindow { double from = 0, to = 0; };      // the timeline reports the window it shows
struct SetHover { int entity = -1; };
struct SetContextMenu { int entity = -1; };
// A new corpus replaced the old (already in place): keeps the selection whose id is `selectedId`.
struct AdoptCorpus { std::string selectedId; };
}  // namespace act

using Action = std::variant<act::Select, act::SetView, act::SetAsOf, act::TogglePlay, act::AdvancePlay, act::SetFilters,
                            act::SetPathTarget, act::GoToStoryStep, act::NextStoryStep, act::PreviousStoryStep,
                            act::EndStory, act::OpenLink, act::SetPresentation, act::TogglePresentation,
                            act::SetReducedMotion, act::RequestWindow, act::SetWindow, act::SetHover,
                            act::SetContextMenu, act::AdoptCorpus, act::SetComparison, act::SetColourByTheme,
                            act::SetTimelineGrouping>;

// The one place where the state changes. Returns what changed (0 when nothing did: selecting what is
// selected, a step of a story that does not exist).
Changes applyAction(const Corpus& c, AppState& s, const Action& a);

// Actions waiting to be applied: views add to it while drawing a frame; the app applies them all, in
// order, before it computes the next frame's derived data.
class ActionQueue {
 public:
  void push(Action a) { items_.push_back(std::move(a)); }
  bool empty() const { return items_.empty(); }
  // Applies and removes every queued action; returns what changed.
  Changes applyAll(const Corpus& c, AppState& s);

 private:
  std::vector<Action> items_;
};

}  // namespace nhsx
