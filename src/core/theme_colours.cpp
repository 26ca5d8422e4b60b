#include "core/theme_colours.h"

namespace nhsx {

namespace {
Rgba accentAt(uint32_t accent, double alpha) {
  return rgb(static_cast<uint8_t>(accent >> 16), static_cast<uint8_t>(accent >> 8), static_cast<uint8_t>(accent),
             static_cast<uint8_t>(alpha * 255.0 + 0.5));
}

// Entity names as text. Light: the kind's hue darkened until it reads on a pressed (tinted) row;
// presentation: darker still; dark: lightened.
constexpr Rgba kLightKindText[kKindCount] = {rgb(0, 82, 140),  rgb(125, 68, 0),  rgb(0, 98, 71),  rgb(136, 46, 102),
                                             rgb(152, 50, 0),  rgb(36, 82, 130), rgb(98, 76, 0)};
constexpr Rgba kPresentationKindText[kKindCount] = {rgb(0, 68, 116), rgb(105, 57, 0),  rgb(0, 82, 60), rgb(116, 38, 87),
                                                    rgb(130, 42, 0), rgb(28, 68, 108), rgb(82, 63, 0)};
constexpr Rgba kDarkKindText[kKindCount] = {rgb(110, 180, 240), rgb(240, 175, 60),  rgb(60, 200, 150), rgb(225, 150, 195),
                                            rgb(245, 140, 70),  rgb(140, 180, 225), rgb(210, 180, 60)};
}  // namespace

Rgba kindFill(Kind k) {
  static constexpr Rgba kFills[kKindCount] = {
      rgb(0, 114, 178),    // organisation: blue
      rgb(230, 159, 0),    // person: orange
      rgb(0, 158, 115),    // document: bluish green
      rgb(204, 121, 167),  // programme: reddish purple
      rgb(213, 94, 0),     // partnership: vermillion
      rgb(86, 140, 190),   // part: lighter blue, drawn small
      rgb(140, 110, 0),    // theme: dark gold
  };
  return kFills[static_cast<int>(k)];
}

Rgba eventFill() { return rgb(70, 74, 86); }

ThemeColours themeColours(bool dark, bool hc, uint32_t accent) {
  ThemeColours t{};
  if (dark) {
    t.windowBg = rgb(28, 31, 36);
    t.childBg = rgb(23, 26, 31);
    t.popupBg = rgb(20, 20, 20, 240);
    t.frameBg = rgb(41, 74, 122, 138);
    t.titleBg = rgb(10, 10, 10);
    t.titleBgActive = rgb(41, 74, 122);
    t.header = accentAt(accent, 0.25);
    t.headerHovered = accentAt(accent, 0.32);
    t.headerActive = accentAt(accent, 0.40);
    t.tableRowBgAlt = rgb(255, 255, 255, 15);
    t.text = rgb(237, 240, 242);
    t.textDisabled = rgb(168, 173, 184);
    t.link = rgb(130, 185, 250);
    for (int k = 0; k < kKindCount; ++k) t.kindText[k] = kDarkKindText[k];
    t.canvas = rgb(24, 26, 31);
    t.viewText = rgb(236, 238, 242);
    t.muted = rgb(160, 166, 178);
    t.strong = rgb(255, 255, 255);
    t.axisBg = rgb(34, 37, 44);
    t.laneHeader = rgb(40, 44, 52);
    t.tickMinor = rgb(110, 116, 128);
    t.tickMajor = rgb(170, 176, 188);
    t.density = rgb(150, 160, 180, 200);
    t.labelBg = rgb(24, 26, 31, 190);
    t.labelBgStrong = rgb(10, 12, 16, 240);
    t.legendBg = rgb(30, 33, 40, 225);
    t.today = rgb(110, 170, 240);
  } else {
    t.windowBg = rgb(250, 250, 247);
    t.childBg = rgb(255, 255, 255);
    t.popupBg = rgb(255, 255, 255, 250);
    t.frameBg = rgb(232, 235, 240);
    t.titleBg = rgb(245, 245, 245);
    t.titleBgActive = rgb(209, 209, 209);
    // Light enough that entity names in their kind's colour still read on a hovered or pressed row.
    t.header = accentAt(accent, hc ? 0.18 : 0.14);
    t.headerHovered = accentAt(accent, hc ? 0.24 : 0.20);
    t.headerActive = accentAt(accent, hc ? 0.30 : 0.26);
    t.tableRowBgAlt = rgb(77, 77, 77, 23);
    t.text = hc ? rgb(0, 0, 0) : rgb(26, 28, 33);
    t.textDisabled = hc ? rgb(51, 51, 51) : rgb(82, 87, 97);
    t.link = hc ? rgb(0, 60, 130) : rgb(0, 80, 160);
    for (int k = 0; k < kKindCount; ++k) t.kindText[k] = hc ? kPresentationKindText[k] : kLightKindText[k];
    t.canvas = rgb(255, 255, 255);
    t.viewText = hc ? rgb(0, 0, 0) : rgb(30, 32, 40);
    t.muted = hc ? rgb(40, 40, 40) : rgb(95, 100, 110);
    t.strong = rgb(0, 0, 0);
    t.axisBg = rgb(244, 245, 247);
    t.laneHeader = rgb(236, 238, 242);
    t.tickMinor = hc ? rgb(60, 60, 60) : rgb(150, 155, 165);
    t.tickMajor = hc ? rgb(0, 0, 0) : rgb(90, 95, 110);
    t.density = rgb(90, 100, 120, 200);
    t.labelBg = hc ? rgb(255, 255, 255, 240) : rgb(250, 250, 248, 190);
    t.labelBgStrong = rgb(255, 255, 255, 240);
    t.legendBg = rgb(255, 255, 255, 225);
    t.today = hc ? rgb(0, 70, 140) : rgb(0, 94, 184);
  }
  const double tint = hc ? 1.6 : 1.0;  // presentation: buttons stand out more
  t.button = accentAt(accent, 0.15 * tint);
  t.buttonHovered = accentAt(accent, 0.30 * tint);
  t.buttonActive = accentAt(accent, 0.45 * tint);
  t.tab = accentAt(accent, 0.12);
  t.tabHovered = accentAt(accent, 0.35);
  t.tabActive = accentAt(accent, 0.45);
  t.tabUnfocused = accentAt(accent, 0.08);
  t.tabUnfocusedActive = accentAt(accent, 0.30);
  t.textSelectedBg = accentAt(accent, 0.30);
  return t;
}

std::vector<TextPair> textPairs(const ThemeColours& t) {
  std::vector<TextPair> out;
  auto add = [&](const std::string& what, Rgba text, Rgba background) { out.push_back({what, text, background}); };
  // Panels: the main window, the details and view panels (child), tooltips, the search box (popup).
  const std::pair<const char*, Rgba> panels[] = {
      {"window", t.windowBg}, {"child", t.childBg}, {"popup", over(t.popupBg, t.windowBg)}};
  std::vector<std::pair<std::string, Rgba>> rows;  // where names and body text are drawn
  for (const auto& [name, bg] : panels) {
    rows.push_back({name, bg});
    rows.push_back({std::string("selected row over ") + name, over(t.header, bg)});
    rows.push_back({std::string("hovered row over ") + name, over(t.headerHovered, bg)});
    rows.push_back({std::string("pressed row over ") + name, over(t.headerActive, bg)});
    rows.push_back({std::string("table stripe over ") + name, over(t.tableRowBgAlt, bg)});
  }
  std::vector<std::pair<std::string, Rgba>> inks = {{"text", t.text}, {"secondary text", t.textDisabled}, {"link", t.link}};
  for (int k = 0; k < kKindCount; ++k)
    inks.push_back({"kind text (" + std::string(kindName(static_cast<Kind>(k))) + ")", t.kindText[k]});
  for (const auto& [inkName, ink] : inks)
    for (const auto& [bgName, bg] : rows) add(inkName + " on " + bgName, ink, bg);
  // Controls: text on fields, buttons, tabs and title bars; a field's hint; selected text in a field.
  const Rgba window = t.windowBg, child = t.childBg, popup = over(t.popupBg, t.windowBg);
  const Rgba frame = over(t.frameBg, popup);
  add("text on field", t.text, frame);
  add("secondary text (hint) on field", t.textDisabled, frame);
  add("text on selected text in a field", t.text, over(t.textSelectedBg, frame));
  const std::pair<const char*, Rgba> controls[] = {
      {"button", t.button},         {"hovered button", t.buttonHovered}, {"pressed or current button", t.buttonActive},
      {"tab", t.tab},               {"hovered tab", t.tabHovered},       {"active tab", t.tabActive},
      {"unfocused tab", t.tabUnfocused}, {"unfocused active tab", t.tabUnfocusedActive}};
  for (const auto& [name, bg] : controls) {
    add(std::string("text on ") + name + " over window", t.text, over(bg, window));
    add(std::string("text on ") + name + " over child", t.text, over(bg, child));
  }
  add("text on title bar", t.text, over(t.titleBg, window));
  add("text on active title bar", t.text, over(t.titleBgActive, window));
  // The views: axis labels, lane titles, node labels on their see-through plates, the legend, "Today".
  add("view text on canvas", t.viewText, t.canvas);
  add("muted view text on canvas", t.muted, t.canvas);
  add("strong view text on canvas", t.strong, t.canvas);
  add("view text on axis", t.viewText, t.axisBg);
  add("today on axis", t.today, t.axisBg);
  add("today on canvas", t.today, t.canvas);
  add("view text on lane header", t.viewText, t.laneHeader);
  add("view text on label plate", t.viewText, over(t.labelBg, t.canvas));
  add("muted view text on label plate", t.muted, over(t.labelBg, t.canvas));
  add("strong view text on strong label plate", t.strong, over(t.labelBgStrong, t.canvas));
  add("view text on legend", t.viewText, over(t.legendBg, t.canvas));
  add("muted view text on legend", t.muted, over(t.legendBg, t.canvas));
  // The legend's colouring choice (a widget's text) and, coloured by theme, its theme rows, which are
  // selectable: the filtered theme's row marked, the one under the pointer tinted.
  const Rgba legend = over(t.legendBg, t.canvas);
  add("text on legend", t.text, legend);
  add("view text on selected row over legend", t.viewText, over(t.header, legend));
  add("view text on hovered row over legend", t.viewText, over(t.headerHovered, legend));
  add("view text on pressed row over legend", t.viewText, over(t.headerActive, legend));
  // Labels on timeline bars: black or white, whichever reads on the fill.
  for (int k = 0; k < kKindCount; ++k) {
    const Rgba fill = kindFill(static_cast<Kind>(k));
    add("label on " + std::string(kindName(static_cast<Kind>(k))) + " bar", inkOn(fill), fill);
  }
  add("label on event marker", inkOn(eventFill()), eventFill());
  return out;
}

}  // namespace nhsx
