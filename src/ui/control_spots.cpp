#include "ui/control_spots.h"

#include <imgui.h>

#include <utility>

namespace nhsx {

namespace {
std::vector<ControlSpot> gDrawing, gDrawn;
}  // namespace

void noteControl(const std::string& name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  gDrawing.push_back({name, a.x, a.y, b.x - a.x, b.y - a.y});
}

void beginControlSpots() {
  gDrawn = std::move(gDrawing);
  gDrawing.clear();
}

const std::vector<ControlSpot>& controlSpots() { return gDrawn; }

}  // namespace nhsx
