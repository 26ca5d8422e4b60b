// What the user is looking at, independent of how it is drawn: the view state a link holds (the view,
// the selection, the "as of" date, the timeline's window, filters, story), transient UI state and
// telemetry. The browser's explorer.state() is this, as JSON.
//
// The view state's fields are described once. Each entry of viewFields() (core/view_fields.cpp) is one
// field of ViewState, or a few members that belong together (the window's two ends, a story and its
// step), and says in one place:
//   - which members it covers, and the change bit a change of them reports: ViewState::zip, equality,
//     ViewState::diff and the actions' change bits (core/actions.cpp) all iterate this list;
//   - its keys in the deep link (docs/deep-links.md): the grammar of each key's value, read without a
//     corpus into the link's canonical text (UrlState, core/url_state.h: keys, order, "needs" such as
//     path needing sel), and how the field is written to / read from that text in this corpus (ids to
//     indices and back, with the warnings); defaults are left out by writing nothing;
//   - its part of explorer.state() (stateJson), and a sample non-default value for tests.
// So a new view field is one ViewState member and one entry in that list (and, only if its type is new to
// the view state, that type in ViewMember below; docs/deep-links.md gets its row). The link's text layer,
// equality, the change bits, the actions and stateJson need no change. tests/unit/test_view_link.cpp
// checks that every member is covered by exactly one entry and that every entry's sample survives the
// link and shows in equality, the change bits and the state JSON.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/corpus.h"
#include "core/filter.h"

namespace nhsx {

enum class View : uint8_t { Overview, Timeline, Graph };
const char* viewName(View v);
bool parseView(std::string_view s, View& out);

constexpr int32_t kNoDay = INT32_MIN;  // "no date": e.g. no "as of" cursor

// What changed in the state: actions report these (core/actions.h), and the page is told exactly these
// (bridge events).
enum Change : uint32_t {
  kChangeSelection = 1u << 0,    // the selected entity
  kChangeView = 1u << 1,         // overview, timeline or graph
  kChangeAsOf = 1u << 2,         // the "as of" cursor
  kChangePlaying = 1u << 3,      // the cursor's sweep started or stopped
  kChangeFilters = 1u << 4,
  kChangePath = 1u << 5,         // the far end of "find connections"
  kChangeStory = 1u << 6,        // the story followed, or its step
  kChangeWindow = 1u << 7,       // the timeline's visible window (in the link; not a 'change' event)
  kChangeLook = 1u << 8,         // embed, presentation, theme, accent, reduced motion, node colouring
  kChangeCorpus = 1u << 9,       // a corpus was adopted
  kChangeHover = 1u << 10,       // what is under the pointer (transient)
  kChangeContextMenu = 1u << 11, // a node's context menu opened or closed
  kChangeCompare = 1u << 12,     // the two dates compared (set, changed or cleared)
};
using Changes = uint32_t;

// ---- The state, by what it is. AppState is the three together; only applyAction (core/actions.h)
// changes the first two, and views, panels and the page emit actions.

// View state: what a deep link holds (docs/deep-links.md), in the loaded corpus's terms (entity and
// story indices). Its one codec is view_link.h (encodeViewLink / decodeViewLink). Each member is described
// by an entry of viewFields() (core/view_fields.cpp; see the top of this file).
struct ViewState {
  View view = View::Overview;
  int selected = -1;       // entity index, -1 for none
  int pathTo = -1;         // second entity of a path from the selection, -1 for none
  int32_t asOf = kNoDay;   // the "as of" cursor (days since 1970-01-01), kNoDay when off
  double windowFrom = 0, windowTo = 0;  // the timeline's visible time range (days), 0/0 before it is shown
  FilterSpec filter;                    // what both views show (filter.h)
  int story = -1, storyStep = 0;        // the guided story being followed, -1 for none
  // Two dates compared (core/compare.h): both kNoDay when off, else compareFirst <= compareSecond. The
  // relationship view then shows what existed at either, marked by which (GraphScene::compareMark).
  int32_t compareFirst = kNoDay, compareSecond = kNoDay;
  bool comparing() const { return compareFirst != kNoDay && compareSecond != kNoDay; }
  // The relationship view colours its nodes by theme (core/theme_colour_map.h) instead of by kind.
  bool colourByTheme = false;
  // The timeline organised by body (each body's documents and programmes under its own row,
  // core/timeline_groups.h) rather than in lanes by kind.
  bool timelineByBody = false;
  // Embedding and presentation (see docs/embedding.md).
  bool embed = false, presentation = false, dark = false;
  uint32_t accent = 0;                  // 0xRRGGBB + 0x1000000 when set, 0 for the default

  // Every member once, with the change it reports, as viewFields() lists them: equality and the actions'
  // change bits come from this. f(member of a, the same member of b, change).
  template <class A, class B, class F>
  static void zip(A& a, B& b, F&& f);
  // What differs between two views, as change bits.
  static Changes diff(const ViewState& a, const ViewState& b);
  bool operator==(const ViewState& o) const { return diff(*this, o) == 0; }
  bool operator!=(const ViewState& o) const { return !(*this == o); }
};

// ---- The view state's fields, described once (see the top of this file; the list is in view_fields.cpp).

struct UrlState;  // the link's canonical text, key by key (core/url_state.h)

// A member of ViewState, of any type a view field has (a new type is added here).
using ViewMember = std::variant<View ViewState::*, int ViewState::*, double ViewState::*, bool ViewState::*,
                                uint32_t ViewState::*, FilterSpec ViewState::*>;

// One key of the link, read without a corpus.
struct LinkKey {
  const char* name;              // "sel"
  const char* alias = nullptr;   // also read under this name ("select"), or none
  // The canonical text (as written after "name=") of a percent-decoded value: true and the text (empty to
  // clear the field), or false to keep what an earlier copy of the field gave. Each complaint is a
  // (value, what was expected) pair, shown as "name: expected ..., found \"value\"".
  bool (*canon)(std::string_view value, std::string& out, std::vector<std::pair<std::string, std::string>>& bad);
  const char* needs = nullptr;      // a key this one is dropped without ("path" needs "sel") ...
  const char* needsWhat = nullptr;  // ... and what the warning says was expected
};

struct ViewField {
  std::vector<ViewMember> members;  // the members it covers
  Change change;                    // what a change of them reports
  std::vector<LinkKey> keys;        // its keys in the link, in the link's order
  // The field in the link of this state (nothing written for a default), and back: the view the link's
  // text describes in this corpus, with a warning for each id that names nothing here.
  void (*write)(const ViewState& s, const Corpus& c, UrlState& u);
  void (*read)(const UrlState& u, const Corpus& c, ViewState& s, std::vector<std::string>* warnings);
  // Its part of explorer.state(); null when it has none.
  void (*json)(const ViewState& s, const Corpus& c, nlohmann::json& j);
  // Sets a non-default value valid in `c` (tests: every field survives the link and shows in the JSON).
  void (*sample)(ViewState& s, const Corpus& c);
};

// Every field of the view state, in the link's order.
const std::vector<ViewField>& viewFields();

template <class A, class B, class F>
void ViewState::zip(A& a, B& b, F&& f) {
  for (const ViewField& field : viewFields()) {
    for (const ViewMember& m : field.members) {
      std::visit([&](auto p) { f(a.*p, b.*p, field.change); }, m);
    }
  }
}

inline Changes ViewState::diff(const ViewState& a, const ViewState& b) {
  Changes ch = 0;
  zip(a, b, [&](const auto& x, const auto& y, Change c) { if (!(x == y)) ch |= c; });
  return ch;
}

// Transient UI state: what the session is doing now, never in a link.
struct UiState {
  bool playing = false;     // the cursor sweeps through time
  bool reducedMotion = false;  // the reader asked for less motion: layouts jump to their end
  int hovered = -1;         // entity under the pointer in the current view, -1 for none
  int contextEntity = -1;   // entity whose context menu (long press, right click) is open, -1 for none
  // Asks the timeline to show this window (days): a link or a story step; each request bumps the serial.
  double requestFrom = 0, requestTo = 0;
  uint64_t requestSerial = 0;
  // What was in force before a story began (its first step saves it, its end restores it).
  struct BeforeStory {
    bool saved = false;
    View view = View::Overview;
    int32_t asOf = kNoDay;
    FilterSpec filter;
    double windowFrom = 0, windowTo = 0;
    int32_t compareFirst = kNoDay, compareSecond = kNoDay;
  } beforeStory;
  bool controlsShown = false;  // an embed shows its controls once the reader asks (compact: the view first)
  bool corpusLoaded = false;
  uint64_t corpusVersion = 0;  // bumped by every successful load: what derived data is keyed on
};

// Telemetry: what the app measures and counts, written by the app itself, never by an action.
struct Telemetry {
  uint64_t frames = 0;            // frames rendered so far
  uint32_t contextRestores = 0;   // times the GL context was lost and rebuilt
  uint64_t layoutIterations = 0;  // force layout ticks run so far
  bool layoutSettled = true;
  size_t visibleEntities = 0, visibleRelations = 0;  // what the filters let through
};

struct AppState : ViewState, UiState, Telemetry {
  // Selects by id (the Select action); false (and no change) when the id is unknown. An empty id clears
  // the selection.
  bool select(const Corpus& c, std::string_view id);
};

// ISO date of a day number ("2014-07-28").
std::string isoDay(int32_t day);

// The plain object behind explorer.state().
std::string stateJson(const AppState& s, const Corpus& c);
// Parts of it the page's events carry too: {kinds, orgTypes, relationTypes, themes, from, to}, and
// {story, storyStep, storySteps} (story null when none).
nlohmann::json filtersJson(const FilterSpec& f);
nlohmann::json storyJson(const ViewState& s, const Corpus& c);

}  // namespace nhsx
