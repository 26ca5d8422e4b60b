// Every colour the UI draws text with, and every colour that text is drawn on, per theme: light, dark,
// and presentation (high contrast) in either. src/ui/theme.cpp builds Dear ImGui's style and the views'
// palette from this table, and tests/unit/test_contrast.cpp checks each pair of textPairs() reaches
// WCAG AA (4.5:1), so a palette change cannot quietly make text unreadable.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/contrast.h"
#include "core/vocab.h"

namespace nhsx {

constexpr uint32_t kNhsBlue = 0x005EB8;  // the default accent, 0xRRGGBB

struct ThemeColours {
  // Dear ImGui: surfaces (some translucent, drawn over windowBg or childBg) ...
  Rgba windowBg, childBg, popupBg, frameBg, titleBg, titleBgActive;
  Rgba tab, tabHovered, tabActive, tabUnfocused, tabUnfocusedActive;
  Rgba header, headerHovered, headerActive;  // selectable rows: resting selected, hovered, pressed
  Rgba button, buttonHovered, buttonActive;  // buttonActive also marks the current view's button
  Rgba tableRowBgAlt, textSelectedBg;
  // ... and text: body, secondary (ImGuiCol_TextDisabled), web addresses, and entity names in the
  // colour of their kind (darker than the node fill on light themes, lighter on dark ones).
  Rgba text, textDisabled, link;
  Rgba kindText[kKindCount];
  // The timeline's and the graph's own drawing.
  Rgba canvas, viewText, muted, strong, axisBg, laneHeader, tickMinor, tickMajor, density, labelBg, labelBgStrong,
      legendBg, today;
};

// accent: 0xRRGGBB (an embedding page's choice; NHS blue by default) tints rows, buttons and tabs.
ThemeColours themeColours(bool dark, bool highContrast, uint32_t accent = kNhsBlue);

// Node and bar fills per kind (Okabe-Ito based, colour-blind safe; the same in every theme), and the
// timeline's event markers. Text on a fill uses inkOn(fill).
Rgba kindFill(Kind k);
Rgba eventFill();

// One text colour on one background as drawn (translucent backgrounds composited over what is under
// them), named for the test's report: "kind text (person) on header hovered over child".
struct TextPair {
  std::string what;
  Rgba text, background;
};
std::vector<TextPair> textPairs(const ThemeColours& t);

}  // namespace nhsx
