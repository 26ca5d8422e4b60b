// Whether the app should draw a frame: only when something changed (input, a resize, a call from the
// page, an animation) and for a few frames after, so ImGui's hover and layout settle. When idle it
// draws nothing at all. A pure policy, like hello_imgui's idling decision, so it is tested natively.
#pragma once
#include <cstdint>

namespace nhsx {

struct FrameInputs {
  bool events = false;     // input or window events arrived since the last frame
  bool animating = false;  // the last frame asked for more (a running layout, play, a drag)
  bool woken = false;      // the page changed something (select, load, view) through the API
};

class FramePolicy {
 public:
  // Frames drawn after the last activity: ImGui needs two to settle hover and sizes; one more is margin.
  static constexpr int kTrailingFrames = 3;
  bool shouldDraw(const FrameInputs& in) {
    if (in.events || in.animating || in.woken) remaining_ = kTrailingFrames;
    if (remaining_ <= 0) return false;
    --remaining_;
    return true;
  }
  bool idle() const { return remaining_ <= 0; }

 private:
  int remaining_ = kTrailingFrames;
};

}  // namespace nhsx
