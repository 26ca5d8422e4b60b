// The deep-link codec: every field survives encode then decode; damaged links keep their valid part and
// say what was dropped; no input, however broken, throws or fails to settle.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <functional>

#include "core/rng.h"
#include "core/url_state.h"

using namespace nhsx;

namespace {

UrlState full() {
  UrlState s;
  s.set("view", "graph");
  s.set("sel", "org-nhs-england");
  s.set("path", "org-acevo");
  s.set("win", link::formatDay(daysFromCivil(2012, 1, 1)) + "~" + link::formatDay(daysFromCivil(2016, 1, 1) + 0.75));  // 18:00
  s.set("asof", link::formatDay(daysFromCivil(2014, 7, 28)));
  s.set("kinds", "organisation,person");
  s.set("types", "charity,nhs-trust");
  s.set("rels", "partner-in,addresses-theme");
  s.set("themes", "theme-mental-health,theme-voluntary-sector");
  s.set("range", link::formatDay(daysFromCivil(2010, 4, 1)) + "~" + link::formatDay(daysFromCivil(2015, 3, 31)));
  s.set("story", "story-mandates");
  s.set("step", std::to_string(2 + 1));
  s.set("embed", "1");
  s.set("theme", "dark");
  s.set("accent", "e0218a");
  s.set("pres", "1");
  return s;
}

UrlState decodeQuietly(std::string_view text) {
  std::vector<std::string> w;
  UrlState s = decodeUrlState(text, &w);
  for (const std::string& m : w) UNSCOPED_INFO(m);
  CHECK(w.empty());
  return s;
}

// Decodes and returns the warnings, which must each name the field.
std::vector<std::string> warningsOf(std::string_view text, UrlState* out = nullptr) {
  std::vector<std::string> w;
  UrlState s = decodeUrlState(text, &w);
  if (out) *out = s;
  return w;
}

bool anyContains(const std::vector<std::string>& w, std::string_view a, std::string_view b = "") {
  return std::any_of(w.begin(), w.end(), [&](const std::string& m) {
    return m.find(a) != std::string::npos && m.find(b) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("the encoding is short, readable and in a fixed order", "[url]") {
  CHECK(encodeUrlState(UrlState{}) == "#v=1");
  CHECK(encodeUrlState(full()) ==
        "#v=1&view=graph&sel=org-nhs-england&path=org-acevo&asof=2014-07-28&win=2012-01-01~2016-01-01T18:00"
        "&kinds=organisation,person&types=charity,nhs-trust&rels=partner-in,addresses-theme"
        "&themes=theme-mental-health,theme-voluntary-sector&range=2010-04-01~2015-03-31&story=story-mandates"
        "&step=3&embed=1&theme=dark&accent=e0218a&pres=1");
}

TEST_CASE("every field survives a round trip", "[url]") {
  const UrlState all = full();
  CHECK(decodeQuietly(encodeUrlState(all)) == all);

  // Each field alone: it is written (the text differs from the default) and read back.
  const std::vector<std::pair<const char*, std::function<void(UrlState&)>>> fields = {
      {"view", [](UrlState& s) { s.set("view", "timeline"); }},
      {"sel", [](UrlState& s) { s.set("sel", "org-a"); }},
      {"path", [](UrlState& s) { s.set("sel", "org-a"); s.set("path", "person-b-2"); }},
      {"win", [](UrlState& s) {
         const double from = daysFromCivil(1999, 12, 31) + 0.5;
         s.set("win", link::formatDay(from) + "~" + link::formatDay(from + 1.25));
       }},
      {"asof", [](UrlState& s) { s.set("asof", link::formatDay(daysFromCivil(1948, 7, 5))); }},
      {"kinds", [](UrlState& s) { s.set("kinds", "theme"); }},
      {"types", [](UrlState& s) { s.set("types", "regulator"); }},
      {"rels", [](UrlState& s) {
         s.set("rels", std::string(relationTypes().front().id) + "," + std::string(relationTypes().back().id));
       }},
      {"themes", [](UrlState& s) { s.set("themes", "theme-a"); }},
      {"range from", [](UrlState& s) { s.set("range", link::formatDay(daysFromCivil(2001, 2, 3)) + "~"); }},
      {"range to", [](UrlState& s) { s.set("range", "~" + link::formatDay(daysFromCivil(2001, 2, 3))); }},
      {"story", [](UrlState& s) { s.set("story", "story-x"); }},
      {"step", [](UrlState& s) { s.set("story", "story-x"); s.set("step", std::to_string(41 + 1)); }},
      {"embed", [](UrlState& s) { s.set("embed", "1"); }},
      {"theme", [](UrlState& s) { s.set("theme", "light"); }},
      {"accent", [](UrlState& s) { s.set("accent", "00ff7f"); }},
      {"pres", [](UrlState& s) { s.set("pres", "1"); }},
  };
  for (const auto& [name, set] : fields) {
    INFO(name);
    UrlState s;
    set(s);
    const std::string text = encodeUrlState(s);
    CHECK(text != "#v=1");
    CHECK(decodeQuietly(text) == s);
  }
}

TEST_CASE("hash, query and bare forms are read alike", "[url]") {
  const UrlState want = decodeQuietly("#view=graph&sel=org-a");
  CHECK(want.get("view") == "graph");
  CHECK(want.get("sel") == "org-a");
  CHECK(decodeQuietly("?view=graph&sel=org-a") == want);
  CHECK(decodeQuietly("view=graph&sel=org-a") == want);
  CHECK(decodeQuietly("?view=graph#sel=org-a") == want);   // a whole search + hash
  CHECK(decodeQuietly("?select=org-a&view=graph") == want);  // the page's older parameter name
  CHECK(decodeQuietly("#v=1&&view=graph&&sel=org-a&") == want);
  CHECK(decodeQuietly("#accent=%23E0218A").get("accent") == "e0218a");
  CHECK(decodeQuietly("#embed&pres=true").get("embed") == "1");
  CHECK(decodeQuietly("#embed&pres=true").get("pres") == "1");
  CHECK(decodeQuietly("#win=2012~2014").get("win") ==
        link::formatDay(daysFromCivil(2012, 1, 1)) + "~" + link::formatDay(daysFromCivil(2014, 12, 31)));  // a year ends on its last day
  CHECK(decodeQuietly("#range=2012-03/2013").get("range") ==
        link::formatDay(daysFromCivil(2012, 3, 1)) + "~" + link::formatDay(daysFromCivil(2013, 12, 31)));
  CHECK(decodeQuietly("#range=~2013").get("range") == "~" + link::formatDay(daysFromCivil(2013, 12, 31)));  // open start
}

TEST_CASE("unknown fields and versions", "[url]") {
  CHECK(decodeQuietly("#data=x.json&zoom=3&view=timeline&future=%ZZ").get("view") == "timeline");
  CHECK(decodeQuietly("#v=0&sel=org-a").get("sel") == "org-a");  // older
  UrlState s;
  const auto w = warningsOf("#v=2&sel=org-a", &s);  // newer: read what is known, say so
  CHECK(s.get("sel") == "org-a");
  CHECK(anyContains(w, "v:", "\"2\""));
  CHECK(anyContains(warningsOf("#v=one"), "v:", "\"one\""));
}

TEST_CASE("damaged links keep their valid part and say what was dropped", "[url]") {
  UrlState s;
  SECTION("empty") {
    CHECK(warningsOf("", &s).empty());
    CHECK(s == UrlState{});
    CHECK(warningsOf("#", &s).empty());
    CHECK(warningsOf("?&&=&", &s).empty());
    CHECK(s == UrlState{});
  }
  SECTION("truncated") {
    const auto w = warningsOf("#v=1&sel=org-a&view=gra", &s);
    CHECK(s.get("sel") == "org-a");
    CHECK_FALSE(s.has("view"));
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "view: expected overview, timeline or graph, found \"gra\"");
    CHECK(anyContains(warningsOf("#win=2012-01-01~2016-0", &s), "win:", "2016-0"));
    CHECK_FALSE(s.has("win"));
  }
  SECTION("bad dates") {
    const auto w = warningsOf("#asof=2014-02-30&range=2015~2014&win=2016~2012&sel=org-a", &s);
    CHECK(s.get("sel") == "org-a");
    CHECK_FALSE(s.has("asof"));
    CHECK_FALSE(s.has("range"));
    CHECK_FALSE(s.has("win"));
    CHECK(anyContains(w, "asof:", "\"2014-02-30\""));
    CHECK(anyContains(w, "range:", "\"2015~2014\""));
    CHECK(anyContains(w, "win:", "\"2016~2012\""));
    CHECK(anyContains(warningsOf("#asof=0000-01-01"), "asof:"));
    CHECK(anyContains(warningsOf("#asof=2014-07-28T10:00"), "asof:"));  // a time only in the window
    CHECK(anyContains(warningsOf("#win=2014-07-28T24:00~2015"), "win:"));
  }
  SECTION("unknown kinds, types and relation types drop one item each") {
    const auto w = warningsOf("#kinds=organisation,banana,person,&types=charity,spaceport&rels=funds,hugs", &s);
    CHECK(s.get("kinds") == "organisation,person");
    CHECK(s.get("types") == "charity");
    CHECK(s.get("rels") == "funds");
    CHECK(w.size() == 3);
    CHECK(anyContains(w, "kinds:", "\"banana\""));
    CHECK(anyContains(w, "kinds:", "organisation, person"));  // the choices
    CHECK(anyContains(w, "types:", "\"spaceport\""));
    CHECK(anyContains(w, "rels:", "\"hugs\""));
  }
  SECTION("percent garbage") {
    auto w = warningsOf("#sel=org%2&view=graph", &s);
    CHECK(s.get("view") == "graph");
    CHECK_FALSE(s.has("sel"));
    CHECK(anyContains(w, "sel:", "percent"));
    w = warningsOf("#sel=%ZZorg&themes=theme-%00", &s);
    CHECK(anyContains(w, "sel:", "%ZZorg"));
    CHECK(anyContains(w, "themes:", "\\x00"));  // a control byte is shown escaped
    CHECK_FALSE(s.has("themes"));
    w = warningsOf("#sel=Org-A", &s);  // ids are lower case
    CHECK(anyContains(w, "sel:", "\"Org-A\""));
  }
  SECTION("duplicate fields: the later valid value wins") {
    auto w = warningsOf("#view=graph&view=timeline", &s);
    CHECK(s.get("view") == "timeline");
    CHECK(anyContains(w, "view:", "more than once"));
    warningsOf("#view=graph&view=nope", &s);
    CHECK(s.get("view") == "graph");
    warningsOf("#kinds=person&kinds=theme", &s);
    CHECK(s.get("kinds") == "theme");
    warningsOf("#kinds=person&kinds=nope", &s);
    CHECK(s.get("kinds") == "person");
  }
  SECTION("huge values") {
    auto w = warningsOf("#step=99999999999999999999&story=story-a", &s);
    CHECK(s.get("story") == "story-a");
    CHECK_FALSE(s.has("step"));  // the first step
    CHECK(anyContains(w, "step:", "99999999999999999999"));
    const std::string longId = "org-" + std::string(100000, 'a');
    w = warningsOf("#sel=" + longId + "&view=graph", &s);
    CHECK(s.get("view") == "graph");
    CHECK_FALSE(s.has("sel"));
    CHECK(anyContains(w, "sel:", "bytes"));
    CHECK(w.at(0).size() < 200);  // the value is cut in the message
    w = warningsOf("#path=org-" + std::string(300, 'b') + "&sel=org-a", &s);
    CHECK(anyContains(w, "path:", "200"));
    CHECK(anyContains(warningsOf("#win=99999-01-01~99999-02-01"), "win:"));
  }
  SECTION("fields that need another") {
    auto w = warningsOf("#path=org-b&step=2", &s);
    CHECK_FALSE(s.has("path"));
    CHECK_FALSE(s.has("step"));
    CHECK(anyContains(w, "path:", "sel"));
    CHECK(anyContains(w, "step:", "story"));
  }
  SECTION("embed parameters") {
    auto w = warningsOf("#embed=maybe&theme=purple&accent=%2312345&pres=2", &s);
    CHECK_FALSE(s.has("embed"));
    CHECK_FALSE(s.has("theme"));
    CHECK_FALSE(s.has("accent"));
    CHECK_FALSE(s.has("pres"));
    CHECK(w.size() == 4);
    CHECK(anyContains(w, "theme:", "light or dark"));
    CHECK(anyContains(w, "accent:", "\"#12345\""));
  }
}

TEST_CASE("decoding any bytes settles: decode, encode, decode gives the same state", "[url]") {
  Rng rng{12345};
  const std::string valid = encodeUrlState(full());
  const char kAlphabet[] = "=&#?%~/,-:T0123456789abcdefzAZ";
  auto settles = [](const std::string& text) {
    std::vector<std::string> first;
    const UrlState once = decodeUrlState(text, &first);
    const std::string again = encodeUrlState(once);
    std::vector<std::string> second;
    const UrlState twice = decodeUrlState(again, &second);
    INFO(again);
    for (const std::string& m : second) UNSCOPED_INFO(m);
    return twice == once && second.empty();
  };
  size_t failures = 0;
  for (size_t cut = 0; cut <= valid.size(); ++cut) failures += !settles(valid.substr(0, cut));
  for (int i = 0; i < 20000; ++i) {
    std::string text = valid;
    const int edits = 1 + static_cast<int>(rng.below(6));
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng.below(static_cast<uint32_t>(text.size() + 1));
      switch (rng.below(3)) {
        case 0: text.insert(at, 1, kAlphabet[rng.below(sizeof kAlphabet - 1)]); break;
        case 1: if (at < text.size()) text.erase(at, 1); break;
        default: if (at < text.size()) text[at] = static_cast<char>(rng.below(256)); break;
      }
    }
    failures += !settles(text);
  }
  for (int i = 0; i < 5000; ++i) {  // raw bytes
    std::string text(rng.below(64), '\0');
    for (char& ch : text) ch = static_cast<char>(rng.below(256));
    failures += !settles(text);
  }
  CHECK(failures == 0);
}

TEST_CASE("the origin facet travels in a link", "[url]") {
  UrlState s;
  s.set("origin", "own");
  const std::string link = encodeUrlState(s);
  CHECK(link == "#v=1&origin=own");
  std::vector<std::string> warnings;
  CHECK(decodeUrlState(link, &warnings) == s);
  CHECK(warnings.empty());
  CHECK(decodeUrlState("#origin=map,own").get("origin") == "map,own");
  const UrlState bad = decodeUrlState("#origin=yours", &warnings);
  CHECK_FALSE(bad.has("origin"));
  CHECK(warnings.size() == 1);
}
