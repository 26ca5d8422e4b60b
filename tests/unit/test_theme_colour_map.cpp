// Colour by theme (core/theme_colour_map.h): on the bundled corpus each node's theme follows the rule
// (most relations with it, then the theme most used in the corpus, then corpus order), nodes with no
// theme are grey, the eight named themes are those of the most nodes, and the map is the same every
// time; the fills show on every canvas; the graph scene draws them; the choice goes through the one
// action and survives the deep link and the state JSON.
#include <catch2/catch_test_macros.hpp>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "bundled_corpus.h"
#include "core/actions.h"
#include "core/graph_scene.h"
#include "core/kind_style.h"
#include "core/theme_colours.h"
#include "core/theme_colour_map.h"
#include "core/url_state.h"
#include "core/view_link.h"

using namespace nhsx;

namespace {
// Relations between each node and each theme, counted the plain way (every relation, both directions).
std::map<uint32_t, std::map<uint32_t, uint32_t>> themeLinks(const Corpus& c, std::map<uint32_t, uint32_t>& use) {
  std::map<uint32_t, std::map<uint32_t, uint32_t>> links;
  for (const Relation& r : c.relations) {
    const bool toTheme = c.entities[r.to].kind == Kind::Theme, fromTheme = c.entities[r.from].kind == Kind::Theme;
    if (toTheme && !fromTheme) { ++links[r.from][r.to]; ++use[r.to]; }
    if (fromTheme && !toTheme) { ++links[r.to][r.from]; ++use[r.from]; }
  }
  return links;
}
}  // namespace

TEST_CASE("each node takes the theme it has most relations with, ties by use then order", "[theme-colour]") {
  const Corpus& c = bundledCorpus();
  const ThemeColourMap m = mapThemeColours(c);
  REQUIRE(m.theme.size() == c.entities.size());
  std::map<uint32_t, uint32_t> use;
  const auto links = themeLinks(c, use);
  size_t themed = 0, none = 0, severalThemes = 0, decidedByUse = 0;
  for (uint32_t i = 0; i < c.entities.size(); ++i) {
    INFO(c.entities[i].id);
    if (c.entities[i].kind == Kind::Theme) {
      CHECK(m.theme[i] == static_cast<int>(i));  // a theme is its own
      continue;
    }
    const auto at = links.find(i);
    if (at == links.end()) {
      ++none;
      CHECK(m.theme[i] == -1);
      CHECK(m.colour[i] == ThemeColourMap::kNone);
      const Rgba f = themeFill(m.colour[i]);
      CHECK((f.r == f.g && f.g == f.b));  // neutral grey
      continue;
    }
    ++themed;
    const int t = m.theme[i];
    REQUIRE(t >= 0);
    REQUIRE(at->second.count(static_cast<uint32_t>(t)) == 1);  // one of its themes
    CHECK(m.themesOf[i] == at->second.size());
    severalThemes += at->second.size() > 1;
    const uint32_t mine = at->second.at(static_cast<uint32_t>(t));
    for (const auto& [u, n] : at->second) {
      if (u == static_cast<uint32_t>(t)) continue;
      CHECK(n <= mine);  // no theme it is more linked to
      if (n < mine) continue;
      CHECK(use[u] <= use[static_cast<uint32_t>(t)]);  // a tie goes to the more used theme ...
      if (use[u] == use[static_cast<uint32_t>(t)]) CHECK(static_cast<uint32_t>(t) < u);  // ... then the first
      else decidedByUse += 1;
    }
  }
  // The bundled corpus: 91 nodes have a theme, a third of them several, and ties are the rule there.
  CHECK(themed == 91);
  CHECK(severalThemes >= 30);
  CHECK(decidedByUse > 0);
  CHECK(none + themed + 31 == c.entities.size());
}

TEST_CASE("the named themes are those of the most nodes, the rest 'other themes'", "[theme-colour]") {
  const Corpus& c = bundledCorpus();
  const ThemeColourMap m = mapThemeColours(c);
  REQUIRE(m.named.size() == static_cast<size_t>(ThemeColourMap::kNamed));
  std::map<int, uint32_t> nodesOf;
  for (uint32_t i = 0; i < c.entities.size(); ++i)
    if (c.entities[i].kind != Kind::Theme && m.theme[i] >= 0) ++nodesOf[m.theme[i]];
  // Most first; no theme left out has more nodes than the last named.
  for (size_t k = 1; k < m.named.size(); ++k) CHECK(nodesOf[m.named[k - 1]] >= nodesOf[m.named[k]]);
  const std::set<int> named(m.named.begin(), m.named.end());
  for (const auto& [t, n] : nodesOf)
    if (!named.count(t)) CHECK(n <= nodesOf[m.named.back()]);
  CHECK(c.entities[static_cast<size_t>(m.named[0])].id == "theme-finance");  // 12 nodes, the most
  // Each node's colour: its named theme's index, else "other themes".
  uint32_t inNamed = 0;
  for (uint32_t i = 0; i < c.entities.size(); ++i) {
    if (m.theme[i] < 0) continue;
    const auto at = std::find(m.named.begin(), m.named.end(), m.theme[i]);
    CHECK(m.colour[i] == (at != m.named.end() ? at - m.named.begin() : ThemeColourMap::kOther));
    inNamed += at != m.named.end() && c.entities[i].kind != Kind::Theme;
  }
  CHECK(inNamed == 63);
  uint32_t total = 0;
  for (uint32_t n : m.nodes) total += n;
  CHECK(total == c.entities.size());
  // The same every time.
  const ThemeColourMap again = mapThemeColours(c);
  CHECK(again.theme == m.theme);
  CHECK(again.colour == m.colour);
  CHECK(again.named == m.named);
}

TEST_CASE("theme fills show on the light, dark and presentation canvases and differ", "[theme-colour][contrast]") {
  std::set<uint32_t> seen;
  for (int k = 0; k <= ThemeColourMap::kOther; ++k) {
    const Rgba f = themeFill(k);
    CHECK(f.a == 255);
    CHECK(seen.insert(static_cast<uint32_t>(f.r) << 16 | f.g << 8 | f.b).second);
    for (bool dark : {false, true})
      for (bool hc : {false, true}) {
        const Rgba canvas = themeColours(dark, hc).canvas;
        INFO("colour " << k << (dark ? " dark" : " light") << (hc ? " presentation" : "") << ": "
                       << contrastRatio(f, canvas) << ":1");
        CHECK(contrastRatio(f, canvas) >= 3.0);  // WCAG 1.4.11, non-text contrast
      }
  }
  // "No theme" recedes: translucent, lighter than "other themes" on white and darker on the dark canvas.
  const Rgba none = themeFill(ThemeColourMap::kNone), other = themeFill(ThemeColourMap::kOther);
  CHECK(none.a < 255);
  CHECK(relativeLuminance(over(none, themeColours(false, false).canvas)) > relativeLuminance(other));
  CHECK(relativeLuminance(over(none, themeColours(true, false).canvas)) < relativeLuminance(other));
}

TEST_CASE("the graph scene draws each node in its theme's colour when asked", "[theme-colour][graph]") {
  const Corpus& c = bundledCorpus();
  GraphScene scene;
  scene.setCorpus(c);
  scene.build();
  const uint32_t finance = static_cast<uint32_t>(c.findEntity("theme-finance"));
  CHECK(scene.nodes()[finance].rgba == kindStyle(Kind::Theme).colour);
  scene.setColouring(NodeColouring::Theme);
  REQUIRE(scene.build());  // the colouring alone rebuilds the instances
  const ThemeColourMap& m = scene.themeMap();
  for (uint32_t i = 0; i < c.entities.size(); ++i) {
    const Rgba f = themeFill(m.colour[i]);
    CHECK(scene.themeColourIndex(i) == m.colour[i]);
    CHECK(scene.nodes()[i].rgba == rgba(f.r, f.g, f.b, f.a));
  }
  CHECK(scene.nodes()[finance].rgba == rgba(0, 114, 178));  // the most used theme: the first colour
  scene.setColouring(NodeColouring::Kind);
  REQUIRE(scene.build());
  CHECK(scene.nodes()[finance].rgba == kindStyle(Kind::Theme).colour);
}

TEST_CASE("colour by theme is one action, in the link as col=theme and in the state", "[theme-colour][link]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  CHECK(applyAction(c, s, act::SetColourByTheme{true}) == kChangeLook);
  CHECK(s.colourByTheme);
  CHECK(applyAction(c, s, act::SetColourByTheme{true}) == 0);  // nothing changed, nothing reported
  CHECK(nlohmann::json::parse(stateJson(s, c))["nodeColour"] == "theme");

  s.view = View::Graph;
  const std::string hash = encodeViewLink(s, c);
  CHECK(hash.find("&col=theme") != std::string::npos);
  std::vector<std::string> warnings;
  bool hasWindow = false;
  const ViewState back = decodeViewLink(hash, c, &warnings, &hasWindow);
  CHECK(warnings.empty());
  CHECK(back.colourByTheme);
  CHECK(back == static_cast<const ViewState&>(s));
  // Opening a link without it colours by kind again, through the same action path.
  CHECK((applyAction(c, s, act::OpenLink{decodeViewLink("#view=graph", c, nullptr, &hasWindow)}) & kChangeLook) != 0);
  CHECK_FALSE(s.colourByTheme);
  CHECK(nlohmann::json::parse(stateJson(s, c))["nodeColour"] == "kind");
  CHECK(encodeViewLink(s, c).find("col=") == std::string::npos);  // the default is left out

  // Read: "kind" is the default, anything else is dropped with a located warning.
  CHECK(decodeUrlState("#col=kind").get("col").empty());
  CHECK(decodeUrlState("#col=theme").get("col") == "theme");
  warnings.clear();
  const UrlState bad = decodeUrlState("#view=graph&col=rainbow", &warnings);
  CHECK_FALSE(bad.has("col"));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("col: expected kind or theme") != std::string::npos);
  CHECK(warnings[0].find("rainbow") != std::string::npos);
}
