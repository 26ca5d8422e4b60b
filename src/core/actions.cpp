#include "core/actions.h"

#include <algorithm>
#include <utility>

namespace nhsx {

namespace {

// Assigns a field and reports `change` when the value differs.
template <class T>
Changes set(T& field, const T& value, Changes change) {
  if (field == value) return 0;
  field = value;
  return change;
}

// The one assignment of the selection. A new selection clears the path target (a path runs from the
// selection, so the old one means nothing).
Changes setSelection(const Corpus& c, AppState& s, int entity) {
  if (entity < -1 || entity >= static_cast<int>(c.entities.size())) entity = -1;
  if (entity == s.selected) return 0;
  s.selected = entity;
  return kChangeSelection | set(s.pathTo, -1, kChangePath);
}

// The one assignment of the comparison: both days in order, or both off.
Changes setComparison(AppState& s, int32_t a, int32_t b) {
  if (a == kNoDay || b == kNoDay) a = b = kNoDay;
  if (a > b) std::swap(a, b);
  return set(s.compareFirst, a, kChangeCompare) | set(s.compareSecond, b, kChangeCompare);
}

Changes requestWindow(AppState& s, double from, double to) {
  s.requestFrom = from;
  s.requestTo = to;
  ++s.requestSerial;
  return 0;  // the timeline shows it, then reports the window (SetWindow)
}

Changes goToStoryStep(const Corpus& c, AppState& s, int story, int step) {
  if (story < 0 || static_cast<size_t>(story) >= c.stories.size()) return 0;
  const Story& st = c.stories[static_cast<size_t>(story)];
  if (st.steps.empty()) return 0;
  step = std::clamp(step, 0, static_cast<int>(st.steps.size()) - 1);
  const StoryStep& p = st.steps[static_cast<size_t>(step)];
  if (s.story < 0) {  // entering a story: remember what to come back to
    s.beforeStory.saved = true;
    s.beforeStory.view = s.view;
    s.beforeStory.asOf = s.asOf;
    s.beforeStory.filter = s.filter;
    s.beforeStory.windowFrom = s.windowFrom;
    s.beforeStory.windowTo = s.windowTo;
    s.beforeStory.compareFirst = s.compareFirst;
    s.beforeStory.compareSecond = s.compareSecond;
  }
  Changes ch = set(s.story, story, kChangeStory) | set(s.storyStep, step, kChangeStory);
  View v;
  if (!p.view.empty() && parseView(p.view, v)) ch |= set(s.view, v, kChangeView);
  ch |= setSelection(c, s, p.focus.empty() ? -1 : static_cast<int>(p.focus[0]));
  const int pathTo = s.selected >= 0 && !p.pathTo.empty() && p.pathTo[0] < c.entities.size() ? static_cast<int>(p.pathTo[0]) : -1;
  ch |= set(s.pathTo, pathTo, kChangePath);
  ch |= set(s.asOf, p.asOf.present() ? p.asOf.value.firstDay() : kNoDay, kChangeAsOf);
  ch |= set(s.playing, false, kChangePlaying);
  if (p.window.present()) ch |= requestWindow(s, p.window.value.firstDay(), p.window.value.lastDay() + 1.0);
  ch |= set(s.filter, storyStepFilter(c, p), kChangeFilters);
  // A step compares two dates when it says so (each end as it stood at its end: "2013" is 31 Dec 2013).
  if (p.compare.present()) ch |= setComparison(s, p.compare.value.start.lastDay(), p.compare.value.end.lastDay());
  else ch |= setComparison(s, kNoDay, kNoDay);
  return ch;
}

// The step a bare story link names, as the story tells it.
void fillFromStoryStep(const Corpus& c, const AppState& s, const act::OpenLink& l, ViewState& next, bool& hasWindow,
                       double& from, double& to) {
  using namespace act;
  if (next.story < 0 || (l.named & kLinkNamesAll) != 0) return;
  AppState t = s;
  t.story = -1;
  goToStoryStep(c, t, next.story, next.storyStep);
  next.view = t.view;
  next.selected = t.selected;
  next.asOf = t.asOf;
  next.filter = t.filter;
  next.compareFirst = t.compareFirst;
  next.compareSecond = t.compareSecond;
  if (t.requestSerial != s.requestSerial) {  // the step's timeline window
    hasWindow = true;
    from = t.requestFrom;
    to = t.requestTo;
  }
}

Changes openLink(const Corpus& c, AppState& s, const act::OpenLink& l) {
  ViewState next = l.view;
  bool hasWindow = l.hasWindow;
  double from = l.view.windowFrom, to = l.view.windowTo;
  fillFromStoryStep(c, s, l, next, hasWindow, from, to);
  if (next.selected < 0) next.pathTo = -1;
  if (next.story < 0) next.storyStep = 0;
  if (next.story < 0 || s.story < 0) s.beforeStory = UiState::BeforeStory{};  // a link replaces the whole view
  // The link's window is a request to the timeline, which then reports the window it shows.
  next.windowFrom = s.windowFrom;
  next.windowTo = s.windowTo;
  if (hasWindow) requestWindow(s, from, to);
  Changes ch = setSelection(c, s, next.selected);
  // Every other field, each reporting its change (the selection is equal by now).
  ViewState::zip(static_cast<ViewState&>(s), next, [&](auto& field, const auto& value, Change change) {
    if (field == value) return;
    field = value;
    ch |= change;
  });
  return ch;
}

struct Apply {
  const Corpus& c;
  AppState& s;

  Changes operator()(const act::Select& a) const { return setSelection(c, s, a.entity); }
  Changes operator()(const act::SetView& a) const { return set(s.view, a.view, kChangeView); }
  Changes operator()(const act::SetAsOf& a) const {
    return set(s.asOf, a.day, kChangeAsOf) | (a.stopPlaying ? set(s.playing, false, kChangePlaying) : 0);
  }
  Changes operator()(const act::TogglePlay& a) const {
    Changes ch = 0;
    if (!s.playing && (s.asOf == kNoDay || s.asOf >= a.last)) ch |= set(s.asOf, a.first, kChangeAsOf);
    return ch | set(s.playing, !s.playing, kChangePlaying);
  }
  Changes operator()(const act::AdvancePlay& a) const {
    if (!s.playing || s.asOf == kNoDay) return 0;
    // A sweep takes about 20 s across the whole data, whatever the view.
    const double perSecond = (c.lastDay - c.firstDay) / 20.0;
    int32_t day = static_cast<int32_t>(s.asOf + std::max(1.0, perSecond * a.seconds));
    Changes ch = 0;
    if (day >= c.lastDay) {
      day = c.lastDay;
      ch |= set(s.playing, false, kChangePlaying);
    }
    return ch | set(s.asOf, day, kChangeAsOf);
  }
  Changes operator()(const act::SetFilters& a) const { return set(s.filter, a.filter, kChangeFilters); }
  Changes operator()(const act::SetPathTarget& a) const {
    return set(s.pathTo, a.entity >= 0 && a.entity < static_cast<int>(c.entities.size()) ? a.entity : -1, kChangePath);
  }
  Changes operator()(const act::GoToStoryStep& a) const { return goToStoryStep(c, s, a.story, a.step); }
  Changes operator()(const act::NextStoryStep&) const {
    if (s.story < 0 || static_cast<size_t>(s.story) >= c.stories.size()) return 0;
    if (s.storyStep + 1 >= static_cast<int>(c.stories[static_cast<size_t>(s.story)].steps.size())) return 0;
    return goToStoryStep(c, s, s.story, s.storyStep + 1);
  }
  Changes operator()(const act::PreviousStoryStep&) const {
    if (s.story < 0 || s.storyStep <= 0) return 0;
    return goToStoryStep(c, s, s.story, s.storyStep - 1);
  }
  // Leaving a story restores the filters, date and view (and the timeline's window) in force before it.
  Changes operator()(const act::EndStory&) const {
    if (s.story < 0) return 0;
    Changes ch = set(s.story, -1, kChangeStory) | set(s.storyStep, 0, kChangeStory);
    if (!s.beforeStory.saved) return ch;
    const UiState::BeforeStory b = std::exchange(s.beforeStory, UiState::BeforeStory{});
    ch |= set(s.view, b.view, kChangeView) | set(s.asOf, b.asOf, kChangeAsOf) | set(s.filter, b.filter, kChangeFilters);
    ch |= set(s.playing, false, kChangePlaying) | setComparison(s, b.compareFirst, b.compareSecond);
    if (b.windowTo > b.windowFrom) requestWindow(s, b.windowFrom, b.windowTo);
    return ch;
  }
  Changes operator()(const act::OpenLink& a) const { return openLink(c, s, a); }
  Changes operator()(const act::SetPresentation& a) const { return set(s.presentation, a.on, kChangeLook); }
  Changes operator()(const act::SetColourByTheme& a) const { return set(s.colourByTheme, a.on, kChangeLook); }
  Changes operator()(const act::TogglePresentation&) const { return set(s.presentation, !s.presentation, kChangeLook); }
  Changes operator()(const act::SetReducedMotion& a) const { return set(s.reducedMotion, a.on, kChangeLook); }
  Changes operator()(const act::RequestWindow& a) const { return requestWindow(s, a.from, a.to); }
  Changes operator()(const act::SetWindow& a) const {
    return set(s.windowFrom, a.from, kChangeWindow) | set(s.windowTo, a.to, kChangeWindow);
  }
  Changes operator()(const act::SetHover& a) const { return set(s.hovered, a.entity, kChangeHover); }
  Changes operator()(const act::SetComparison& a) const { return setComparison(s, a.first, a.second); }
  Changes operator()(const act::SetTimelineGrouping& a) const { return set(s.timelineByBody, a.byBody, kChangeLook); }
  Changes operator()(const act::SetContextMenu& a) const { return set(s.contextEntity, a.entity, kChangeContextMenu); }
  Changes operator()(const act::AdoptCorpus& a) const {
    s.corpusLoaded = true;
    ++s.corpusVersion;
    // Keep the selection when the same entity exists in the new corpus (at its index there): reported
    // as a change only when what is selected differs.
    const int e = a.selectedId.empty() ? -1 : c.findEntity(a.selectedId);
    setSelection(c, s, e);
    s.pathTo = -1;
    Changes ch = kChangeCorpus | (e < 0 && !a.selectedId.empty() ? kChangeSelection : 0);
    if (s.story >= static_cast<int>(c.stories.size())) ch |= set(s.story, -1, kChangeStory);
    s.hovered = s.contextEntity = -1;
    return ch;
  }
};

}  // namespace

Changes applyAction(const Corpus& c, AppState& s, const Action& a) { return std::visit(Apply{c, s}, a); }

Changes ActionQueue::applyAll(const Corpus& c, AppState& s) {
  Changes ch = 0;
  // An action may not queue another, but take the list first all the same.
  std::vector<Action> items;
  items.swap(items_);
  for (const Action& a : items) ch |= applyAction(c, s, a);
  return ch;
}

}  // namespace nhsx
