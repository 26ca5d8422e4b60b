// Colours and sizes of the ImGui widgets: a light, high-legibility style.
#pragma once

namespace nhsx {
void applyTheme(float uiScale);
}
