// Whether the left button's drag moved the pointer this frame, counting the frame that releases it.
// When the page is busy its last moves and the release come in one frame; ImGui's own dragging test is
// false once the button is up, so a pan that followed only that test dropped the last move and left the
// picture behind the pointer (a few pixels a drag, adding up over a gesture).
#pragma once
#include <cmath>

#include <imgui.h>

namespace nhsx {

inline bool dragMovedThisFrame(float slopPx) {
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, slopPx)) return true;
  const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
  return ImGui::IsMouseReleased(ImGuiMouseButton_Left) && std::hypot(d.x, d.y) >= slopPx;
}

}  // namespace nhsx
