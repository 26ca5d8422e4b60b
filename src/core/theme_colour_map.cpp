#include "core/theme_colour_map.h"

#include <algorithm>

namespace nhsx {

Rgba themeFill(int i) {
  // Chosen as the header says (tests/unit/test_theme_colour_map.cpp checks 3:1 on both canvases).
  static constexpr Rgba kFills[ThemeColourMap::kColours] = {
      rgb(0, 114, 178),    // blue (Okabe-Ito)
      rgb(213, 94, 0),     // vermillion (Okabe-Ito)
      rgb(0, 158, 115),    // bluish green (Okabe-Ito)
      rgb(204, 121, 167),  // reddish purple (Okabe-Ito)
      rgb(153, 153, 51),   // olive (Tol)
      rgb(170, 68, 153),   // purple (Tol)
      rgb(68, 119, 170),   // steel blue (Tol)
      rgb(153, 102, 51),   // brown
      rgb(128, 128, 128),  // other themes: mid grey
      rgb(150, 150, 150, 140),  // no theme: translucent grey (about 194 on white, 95 on the dark canvas)
  };
  return kFills[std::clamp(i, 0, ThemeColourMap::kColours - 1)];
}

ThemeColourMap mapThemeColours(const Corpus& c) {
  const size_t n = c.entities.size();
  ThemeColourMap m;
  m.theme.assign(n, -1);
  m.colour.assign(n, ThemeColourMap::kNone);
  m.themesOf.assign(n, 0);
  m.nodes.assign(ThemeColourMap::kColours, 0);
  auto isTheme = [&](uint32_t e) { return c.entities[e].kind == Kind::Theme; };
  // Each theme's relations with what is not a theme: its use across the corpus (the first tie-break).
  std::vector<uint32_t> use(n, 0);
  for (const Relation& r : c.relations) {
    if (isTheme(r.to) && !isTheme(r.from)) ++use[r.to];
    if (isTheme(r.from) && !isTheme(r.to)) ++use[r.from];
  }
  auto before = [&](uint32_t a, uint32_t b, uint32_t countA, uint32_t countB) {
    if (countA != countB) return countA > countB;
    if (use[a] != use[b]) return use[a] > use[b];
    return a < b;
  };
  // Each node's theme: the one it has most relations with.
  std::vector<uint32_t> count(n, 0), touched;
  for (uint32_t i = 0; i < n; ++i) {
    if (isTheme(i)) {
      m.theme[i] = static_cast<int>(i);
      continue;
    }
    touched.clear();
    auto see = [&](uint32_t t) {
      if (t == i || !isTheme(t)) return;
      if (count[t]++ == 0) touched.push_back(t);
    };
    for (uint32_t k = c.outStart[i]; k < c.outStart[i + 1]; ++k) see(c.relations[c.outRel[k]].to);
    for (uint32_t k = c.inStart[i]; k < c.inStart[i + 1]; ++k) see(c.relations[c.inRel[k]].from);
    int best = -1;
    for (uint32_t t : touched)
      if (best < 0 || before(t, static_cast<uint32_t>(best), count[t], count[static_cast<size_t>(best)])) best = static_cast<int>(t);
    m.theme[i] = best;
    m.themesOf[i] = static_cast<uint32_t>(touched.size());
    for (uint32_t t : touched) count[t] = 0;
  }
  // The named themes: those that are the theme of the most nodes (other than themselves).
  std::vector<uint32_t> nodesOf(n, 0);
  std::vector<uint32_t> themes;
  for (uint32_t i = 0; i < n; ++i) {
    if (isTheme(i)) themes.push_back(i);
    else if (m.theme[i] >= 0) ++nodesOf[static_cast<size_t>(m.theme[i])];
  }
  std::sort(themes.begin(), themes.end(), [&](uint32_t a, uint32_t b) { return before(a, b, nodesOf[a], nodesOf[b]); });
  for (uint32_t t : themes) {
    if (m.named.size() >= static_cast<size_t>(ThemeColourMap::kNamed) || nodesOf[t] == 0) break;
    m.named.push_back(static_cast<int>(t));
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (m.theme[i] >= 0) {
      const auto at = std::find(m.named.begin(), m.named.end(), m.theme[i]);
      m.colour[i] = static_cast<uint8_t>(at != m.named.end() ? at - m.named.begin() : ThemeColourMap::kOther);
    }
    ++m.nodes[m.colour[i]];
  }
  return m;
}

}  // namespace nhsx
