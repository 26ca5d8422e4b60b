// The key list behind `?`: everything the explorer does from the keyboard.
#pragma once

namespace nhsx {

void drawHelpPanel(bool& open, float viewportWidth);

}  // namespace nhsx
