// Where the app's own controls were drawn in the last frame, by name ("record", "menu:new-story"), so a
// test or a host page can click them as a reader would (explorer.controls()). Panels note a control
// right after drawing it.
#pragma once
#include <string>
#include <vector>

namespace nhsx {

struct ControlSpot {
  std::string name;
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels of the canvas
};

// The last item drawn, under `name`.
void noteControl(const std::string& name);
// Starts a frame's list; the one before is what controlSpots() gives until the next call.
void beginControlSpots();
const std::vector<ControlSpot>& controlSpots();

}  // namespace nhsx
