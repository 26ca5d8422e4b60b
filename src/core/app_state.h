// What the user is looking at, independent of how it is drawn: the view, the selection, the "as of"
// date, the timeline's window, counters. The browser's explorer.state() is this, as JSON.
#pragma once
#include <cstdint>
#include <string>

#include "core/corpus.h"
#include "core/filter.h"

namespace nhsx {

enum class View : uint8_t { Overview, Timeline, Graph };
const char* viewName(View v);
bool parseView(std::string_view s, View& out);

constexpr int32_t kNoDay = INT32_MIN;  // "no date": e.g. no "as of" cursor

// What a deep link holds (docs/deep-links.md), in the loaded corpus's terms (entity and story indices).
struct ViewState {
  View view = View::Overview;
  int selected = -1;       // entity index, -1 for none
  int pathTo = -1;         // second entity of a path from the selection, -1 for none
  int32_t asOf = kNoDay;   // the "as of" cursor (days since 1970-01-01), kNoDay when off
  double windowFrom = 0, windowTo = 0;  // the timeline's visible time range (days), 0/0 before it is shown
  FilterSpec filter;                    // what both views show (filter.h)
  int story = -1, storyStep = 0;        // the guided story being followed, -1 for none
  // Embedding and presentation (see docs/embedding.md).
  bool embed = false, presentation = false, dark = false;
  uint32_t accent = 0;                  // 0xRRGGBB + 0x1000000 when set, 0 for the default
};

// Changed only by applyAction (core/actions.h): views and the page emit actions.
struct AppState : ViewState {
  int hovered = -1;        // entity under the pointer in the current view, -1 for none
  int contextEntity = -1;  // entity whose context menu (long press, right click) is open, -1 for none
  uint64_t frames = 0;     // frames rendered so far
  uint32_t contextRestores = 0;  // times the GL context was lost and rebuilt
  bool corpusLoaded = false;
  uint64_t corpusVersion = 0;  // bumped by every successful load: what derived data is keyed on
  bool playing = false;    // the cursor sweeps through time
  uint64_t layoutIterations = 0;        // force layout ticks run so far
  bool layoutSettled = true;
  size_t visibleEntities = 0, visibleRelations = 0;  // what the filters let through
  // Asks the timeline to show this window (days); a new request bumps the serial.
  double requestFrom = 0, requestTo = 0;
  uint64_t requestSerial = 0;
  bool reducedMotion = false;           // the reader asked for less motion: layouts jump to their end

  // Selects by id; false (and no change) when the id is unknown. An empty id clears the selection.
  bool select(const Corpus& c, std::string_view id);
};

// ISO date of a day number ("2014-07-28").
std::string isoDay(int32_t day);

// The plain object behind explorer.state().
std::string stateJson(const AppState& s, const Corpus& c);

}  // namespace nhsx
