// What the user is looking at, independent of how it is drawn: the view, the selection, counters.
#pragma once
#include <cstdint>
#include <string>

#include "core/corpus.h"

namespace nhsx {

enum class View : uint8_t { Overview, Timeline, Graph };
const char* viewName(View v);
bool parseView(std::string_view s, View& out);

struct AppState {
  View view = View::Overview;
  int selected = -1;       // entity index, -1 for none
  uint64_t frames = 0;     // frames rendered so far
  bool corpusLoaded = false;

  // Selects by id; false (and no change) when the id is unknown. An empty id clears the selection.
  bool select(const Corpus& c, std::string_view id);
};

// The plain object behind explorer.state(): title, counts per kind, view, selection, frames.
std::string stateJson(const AppState& s, const Corpus& c);

}  // namespace nhsx
