// Colour by theme (the relationship view's other colouring; by kind is the default): each node takes the
// colour of one theme, decided here so the graph, its legend and the tests agree.
//
// A node's themes are the theme entities it has a relation with (either direction, any type: in the
// bundled corpus they are all `addresses-theme`; the theme filter counts the same neighbours). Its theme
// is the one it has most relations with; ties go to the theme with more theme relations across the
// corpus, then to the theme first in the corpus. A theme entity is its own theme. What has no theme is
// drawn neutral grey.
//
// The bundled corpus has 31 themes with no grouping among them (no theme is part of another), far more
// than anyone can tell apart by hue. So the kNamed themes that are the theme of the most nodes (ties as
// above) get a colour each, and every other theme shares one mid grey ("other themes"); the legend names
// all of them. On the bundled corpus those eight cover 63 of the 91 nodes that have a theme.
//
// The colours: eight chosen from the Okabe-Ito and Paul Tol colour-blind-safe sets as the eight, among
// those that reach 3:1 against both the light canvas (white) and the dark one (WCAG 1.4.11, non-text
// contrast: each node shows on either background without an outline), whose smallest difference
// (CIELAB) stays largest under normal, deuteranope and protanope vision (Machado 2009 simulation), with
// the "other themes" grey counted among them. tests/unit/test_theme_colour_map.cpp checks the contrast.
#pragma once
#include <cstdint>
#include <vector>

#include "core/contrast.h"
#include "core/corpus.h"

namespace nhsx {

// How the relationship view colours its nodes.
enum class NodeColouring : uint8_t { Kind, Theme };

struct ThemeColourMap {
  static constexpr int kNamed = 8;           // themes with a colour of their own
  static constexpr int kOther = kNamed;      // colour index of a theme without one
  static constexpr int kNone = kNamed + 1;   // colour index of a node with no theme
  static constexpr int kColours = kNamed + 2;

  std::vector<int> theme;        // per entity: its theme (an entity index), -1 for none
  std::vector<uint8_t> colour;   // per entity: 0..kNamed-1 a named theme's colour, kOther, kNone
  std::vector<int> named;        // the theme entity of each named colour, most nodes first (<= kNamed)
  std::vector<uint32_t> nodes;   // per colour index: how many entities (theme entities included) have it
  std::vector<uint32_t> themesOf;  // per entity: how many themes it has (the legend's "several themes")
};

// The map for a corpus (its CSR indices must be built).
ThemeColourMap mapThemeColours(const Corpus& c);

// The fill of a colour index (0..kColours-1), the same in every theme; "no theme" is a translucent grey
// that recedes on a light or a dark canvas alike.
Rgba themeFill(int colourIndex);

}  // namespace nhsx
