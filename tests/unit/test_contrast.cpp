// WCAG 2 contrast: the formula on known values, and every text colour of every theme (light, dark,
// presentation in either) at least 4.5:1 on every background it is drawn on (core/theme_colours.h).
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <set>

#include "core/contrast.h"
#include "core/theme_colours.h"

using namespace nhsx;

TEST_CASE("contrast ratio follows WCAG 2", "[contrast]") {
  const Rgba black = rgb(0, 0, 0), white = rgb(255, 255, 255);
  CHECK(relativeLuminance(black) == 0.0);
  CHECK(relativeLuminance(white) == Catch::Approx(1.0));
  CHECK(contrastRatio(black, white) == Catch::Approx(21.0));
  CHECK(contrastRatio(white, black) == Catch::Approx(21.0));
  CHECK(contrastRatio(white, white) == Catch::Approx(1.0));
  // Known values (WebAIM's contrast checker): #767676 on white is the lightest grey that passes AA.
  CHECK(contrastRatio(rgb(0x76, 0x76, 0x76), white) == Catch::Approx(4.54).margin(0.01));
  CHECK(contrastRatio(rgb(0x77, 0x77, 0x77), white) < 4.5);
  // The figures: Okabe-Ito orange as text on white, NHS blue on white.
  CHECK(contrastRatio(rgb(230, 159, 0), white) == Catch::Approx(2.25).margin(0.01));
  CHECK(contrastRatio(rgb(0, 94, 184), white) == Catch::Approx(6.38).margin(0.01));
}

TEST_CASE("blending and ink", "[contrast]") {
  CHECK(over(rgb(0, 0, 0, 0), rgb(10, 20, 30)) == rgb(10, 20, 30));
  CHECK(over(rgb(0, 0, 0, 255), rgb(10, 20, 30)) == rgb(0, 0, 0));
  CHECK(over(rgb(255, 255, 255, 128), rgb(0, 0, 0)) == rgb(128, 128, 128));
  CHECK(inkOn(rgb(230, 159, 0)) == rgb(0, 0, 0));      // orange: black text
  CHECK(inkOn(rgb(0, 94, 184)) == rgb(255, 255, 255)); // NHS blue: white text
  // Whatever the fill, black or white reaches 4.5:1.
  for (int v = 0; v < 256; v += 5)
    for (const Rgba fill : {rgb(static_cast<uint8_t>(v), 0, 0), rgb(0, static_cast<uint8_t>(v), 0),
                            rgb(0, 0, static_cast<uint8_t>(v)), rgb(static_cast<uint8_t>(v), static_cast<uint8_t>(v),
                                                                     static_cast<uint8_t>(v))}) {
      INFO(int(fill.r) << "," << int(fill.g) << "," << int(fill.b));
      CHECK(contrastRatio(inkOn(fill), fill) >= 4.5);
    }
}

TEST_CASE("every text colour reaches 4.5:1 on its backgrounds in every theme", "[contrast]") {
  struct Theme {
    const char* name;
    bool dark, presentation;
  };
  for (const Theme th : {Theme{"light", false, false}, Theme{"dark", true, false}, Theme{"presentation", false, true},
                         Theme{"presentation dark", true, true}}) {
    const std::vector<TextPair> pairs = textPairs(themeColours(th.dark, th.presentation));
    CHECK(pairs.size() > 100);
    std::set<std::string> names;
    for (const TextPair& p : pairs) {
      const double ratio = contrastRatio(p.text, p.background);
      INFO(th.name << ": " << p.what << " = " << ratio << ":1");
      CHECK(ratio >= 4.5);
      CHECK(names.insert(p.what).second);  // each pair once, named
    }
  }
}

TEST_CASE("node fills stay distinct from each other", "[contrast]") {
  // The kind colours are the Okabe-Ito set (plus a lighter blue and a gold): the text variants darken
  // or lighten them for reading but the fills themselves stay as they were.
  std::set<uint32_t> seen;
  for (int k = 0; k < kKindCount; ++k) {
    const Rgba f = kindFill(static_cast<Kind>(k));
    CHECK(seen.insert(static_cast<uint32_t>(f.r) << 16 | f.g << 8 | f.b).second);
  }
  CHECK(kindFill(Kind::Person) == rgb(230, 159, 0));
  CHECK(kindFill(Kind::Organisation) == rgb(0, 114, 178));
}
