// The view state's fields, each described once (see the top of core/app_state.h): its members and
// change bit, its keys in the deep link with their grammars, how it is written to and read from the link
// in a corpus, its part of explorer.state(), and a sample value for tests. A new field is one entry here
// (and its member in ViewState).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <nlohmann/json.hpp>

#include "core/app_state.h"
#include "core/compare.h"
#include "core/url_state.h"
#include "core/view_link.h"

namespace nhsx {

namespace {

using Bad = std::vector<std::pair<std::string, std::string>>;
constexpr size_t kMaxIdBytes = 200;
constexpr int kMaxStoryStep = 1000000;

// ---- value grammars (corpus-free): percent-decoded value -> canonical text --------------------------

const char* const kIdExpected = "an id (a lower-case letter, then a-z, 0-9, -; at most 200 bytes)";

bool canonId(std::string_view v, std::string& out, Bad& bad) {
  if (v.empty() || (v.size() <= kMaxIdBytes && isValidId(v))) { out = std::string(v); return true; }
  bad.emplace_back(std::string(v), kIdExpected);
  return false;
}

bool canonBool(std::string_view v, std::string& out, Bad& bad) {
  if (v.empty() || v == "1" || v == "true" || v == "yes" || v == "on") { out = "1"; return true; }
  if (v == "0" || v == "false" || v == "no" || v == "off") { out.clear(); return true; }
  bad.emplace_back(std::string(v), "1 or 0");
  return false;
}

// The non-empty items of a comma-separated list.
template <class Fn>
void forEachItem(std::string_view v, Fn&& fn) {
  for (size_t start = 0; start <= v.size();) {
    size_t end = v.find(',', start);
    if (end == std::string_view::npos) end = v.size();
    if (end > start) fn(v.substr(start, end - start));
    start = end + 1;
  }
}

// Items written in the order of the set, each percent-encoded, ',' between them.
template <class Items, class Name>
std::string joinList(const Items& items, Name&& name) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ',';
    link::appendEncoded(out, name(item));
  }
  return out;
}

// Comma-separated items, each canonical through `item` (false: dropped with a complaint); written in the
// order of T (a set). The good ones replace what an earlier copy of the field gave, unless there are none
// (an empty value clears the list).
template <class T, class Parse, class Name>
bool canonList(std::string_view v, std::string& out, Bad& bad, const std::string& expected, Parse&& parse,
               Name&& name) {
  std::set<T> items;
  bool anyBad = false;
  forEachItem(v, [&](std::string_view item) {
    T value{};
    if (parse(item, value)) items.insert(std::move(value));
    else { bad.emplace_back(std::string(item), expected); anyBad = true; }
  });
  if (items.empty() && anyBad) return false;
  out = joinList(items, name);
  return true;
}

// The items of a canonical list, parsed back (they were checked when the link was read).
template <class T, class Parse>
std::set<T> listItems(std::string_view v, Parse&& parse) {
  std::set<T> items;
  forEachItem(v, [&](std::string_view item) {
    T value{};
    if (parse(item, value)) items.insert(std::move(value));
  });
  return items;
}

bool parseKindItem(std::string_view item, Kind& k) { return parseKind(item, k); }
std::string_view kindItemName(Kind k) { return kindName(k); }
bool parseTypeItem(std::string_view item, std::string& t) {
  t = std::string(item);
  return organisationTypeIndex(item) >= 0;
}
bool parseThemeItem(std::string_view item, std::string& t) {
  t = std::string(item);
  return item.size() <= kMaxIdBytes && isValidId(item);
}
bool parseRelItem(std::string_view item, int& t) { return (t = relationTypeIndex(item)) >= 0; }
std::string_view relItemName(int t) {
  return t >= 0 && static_cast<size_t>(t) < relationTypes().size() ? relationTypes()[static_cast<size_t>(t)].id
                                                                    : std::string_view("?");
}
std::string_view textItem(const std::string& t) { return t; }
bool parseOriginItem(std::string_view item, int& o) {
  o = item == "own" ? kOriginOwn : kOriginMap;
  return item == "own" || item == "map";
}
std::string_view originItemName(int o) { return o == kOriginOwn ? "own" : "map"; }

// ---- between indices and ids ----------------------------------------------------------------------

std::string idOf(const Corpus& c, int entity) {
  return entity >= 0 && static_cast<size_t>(entity) < c.entities.size() ? c.entities[static_cast<size_t>(entity)].id
                                                                         : std::string();
}

int entityOf(const Corpus& c, const std::string& id, const char* field, std::vector<std::string>* warnings) {
  if (id.empty()) return -1;
  const int e = c.findEntity(id);
  if (e < 0 && warnings) warnings->push_back(std::string(field) + ": no entity \"" + id + "\" in this corpus; ignored");
  return e;
}

nlohmann::json idOr(const Corpus& c, int e) {
  return e >= 0 && static_cast<size_t>(e) < c.entities.size() ? nlohmann::json(c.entities[static_cast<size_t>(e)].id)
                                                              : nlohmann::json(nullptr);
}

// A sample entity for tests: the n-th, or none in an empty corpus.
int sampleEntity(const Corpus& c, size_t n) {
  return c.entities.empty() ? -1 : static_cast<int>(std::min(n, c.entities.size() - 1));
}

double dayOf(const std::string& text) {
  double d = 0;
  link::parseDay(text, false, true, d);
  return d;
}

// A yes/no member the link writes as one of two words: W::on when set, nothing for the default (W::off,
// also accepted to clear it); explorer.state() has W::json as one of the two words. W is a struct of
// constants, so the lambdas capture nothing and stay plain function pointers.
template <class W>
ViewField twoWordField(Change change) {
  return {{W::member}, change,
          {{W::key, nullptr, [](std::string_view v, std::string& out, Bad& bad) {
             if (v == W::on || v == W::off) { out = v == W::on ? W::on : ""; return true; }
             bad.emplace_back(std::string(v), W::expected);
             return false;
           }}},
          [](const ViewState& s, const Corpus&, UrlState& u) { u.set(W::key, s.*W::member ? W::on : ""); },
          [](const UrlState& u, const Corpus&, ViewState& s, std::vector<std::string>*) {
            s.*W::member = u.get(W::key) == W::on;
          },
          [](const ViewState& s, const Corpus&, nlohmann::json& j) { j[W::json] = s.*W::member ? W::on : W::off; },
          [](ViewState& s, const Corpus&) { s.*W::member = true; }};
}

// How the relationship view colours its nodes: "col=theme" by theme, nothing (or "col=kind") by kind.
struct NodeColourWords {
  static constexpr bool ViewState::*member = &ViewState::colourByTheme;
  static constexpr const char *key = "col", *off = "kind", *on = "theme", *json = "nodeColour",
                              *expected = "kind or theme";
};
// The timeline organised by body: "group=body" ("kind", the lanes by kind, is the default).
struct TimelineGroupingWords {
  static constexpr bool ViewState::*member = &ViewState::timelineByBody;
  static constexpr const char *key = "group", *off = "kind", *on = "body", *json = "timelineGrouping",
                              *expected = "body or kind";
};

}  // namespace

const std::vector<ViewField>& viewFields() {
  static const std::vector<ViewField> fields = {
      // The view: always written (the link says which view, whatever the app's default).
      {{&ViewState::view}, kChangeView,
       {{"view", nullptr, [](std::string_view v, std::string& out, Bad& bad) {
          View view;
          if (parseView(v, view)) { out = std::string(v); return true; }
          bad.emplace_back(std::string(v), "overview, timeline or graph");
          return false;
        }}},
       [](const ViewState& s, const Corpus&, UrlState& u) { u.set("view", viewName(s.view)); },
       [](const UrlState& u, const Corpus&, ViewState& s, std::vector<std::string>*) {
         View v = View::Overview;
         s.view = parseView(u.get("view"), v) ? v : View::Overview;
       },
       [](const ViewState& s, const Corpus&, nlohmann::json& j) { j["view"] = viewName(s.view); },
       [](ViewState& s, const Corpus&) { s.view = View::Graph; }},

      // The selection; "select" is the older ?select= parameter of the page.
      {{&ViewState::selected}, kChangeSelection,
       {{"sel", "select", canonId}},
       [](const ViewState& s, const Corpus& c, UrlState& u) { u.set("sel", idOf(c, s.selected)); },
       [](const UrlState& u, const Corpus& c, ViewState& s, std::vector<std::string>* w) {
         s.selected = entityOf(c, u.get("sel"), "sel", w);
       },
       [](const ViewState& s, const Corpus& c, nlohmann::json& j) { j["selected"] = idOr(c, s.selected); },
       [](ViewState& s, const Corpus& c) { s.selected = sampleEntity(c, 1); }},

      // The far end of a path from the selection.
      {{&ViewState::pathTo}, kChangePath,
       {{"path", nullptr, canonId, "sel", "sel as well (a path runs from the selection)"}},
       [](const ViewState& s, const Corpus& c, UrlState& u) {
         if (u.has("sel")) u.set("path", idOf(c, s.pathTo));
       },
       [](const UrlState& u, const Corpus& c, ViewState& s, std::vector<std::string>* w) {
         s.pathTo = s.selected >= 0 ? entityOf(c, u.get("path"), "path", w) : -1;
       },
       [](const ViewState& s, const Corpus& c, nlohmann::json& j) { j["pathTo"] = idOr(c, s.pathTo); },
       [](ViewState& s, const Corpus& c) { s.selected = sampleEntity(c, 1); s.pathTo = sampleEntity(c, 2); }},

      // The "as of" cursor: a day.
      {{&ViewState::asOf}, kChangeAsOf,
       {{"asof", nullptr, [](std::string_view v, std::string& out, Bad& bad) {
          double day;
          if (v.empty()) { out.clear(); return true; }
          if (link::parseDay(v, false, false, day)) { out = link::formatDay(static_cast<int32_t>(day)); return true; }
          bad.emplace_back(std::string(v), "a date YYYY-MM-DD (or YYYY-MM, YYYY)");
          return false;
        }}},
       [](const ViewState& s, const Corpus&, UrlState& u) {
         if (s.asOf != kNoDay) u.set("asof", link::formatDay(s.asOf));
       },
       [](const UrlState& u, const Corpus&, ViewState& s, std::vector<std::string>*) {
         s.asOf = u.has("asof") ? static_cast<int32_t>(dayOf(u.get("asof"))) : kNoDay;
       },
       [](const ViewState& s, const Corpus&, nlohmann::json& j) {
         j["asOf"] = s.asOf == kNoDay ? nlohmann::json(nullptr) : nlohmann::json(isoDay(s.asOf));
       },
       [](ViewState& s, const Corpus&) { s.asOf = daysFromCivil(2014, 7, 28); }},

      // The timeline's window: FROM~TO, kept to the minute.
      {{&ViewState::windowFrom, &ViewState::windowTo}, kChangeWindow,
       {{"win", nullptr, [](std::string_view v, std::string& out, Bad& bad) {
          std::string_view a, b;
          double from, to;
          if (!link::splitRange(v, a, b) || !link::parseDay(a, false, true, from) || !link::parseDay(b, true, true, to)) {
            bad.emplace_back(std::string(v), "two dates FROM~TO, each YYYY-MM-DD or YYYY-MM-DDTHH:MM");
            return false;
          }
          if (!(to > from)) {
            bad.emplace_back(std::string(v), "a window that ends after it starts");
            return false;
          }
          out = link::formatDay(from) + "~" + link::formatDay(to);
          return true;
        }}},
       [](const ViewState& s, const Corpus&, UrlState& u) {
         if (s.windowTo > s.windowFrom && std::isfinite(s.windowFrom) && std::isfinite(s.windowTo)) {
           u.set("win", link::formatDay(s.windowFrom) + "~" + link::formatDay(s.windowTo));
         }
       },
       [](const UrlState& u, const Corpus&, ViewState& s, std::vector<std::string>*) {
         std::string_view a, b;
         if (!link::splitRange(u.get("win"), a, b)) return;
         s.windowFrom = dayOf(std::string(a));
         s.windowTo = dayOf(std::string(b));
       },
       [](const ViewState& s, const Corpus&, nlohmann::json& j) {
         if (s.windowTo > s.windowFrom) {
           j["timeWindow"] = {isoDay(static_cast<int32_t>(s.windowFrom)), isoDay(static_cast<int32_t>(s.windowTo))};
           j["timeWindowDays"] = {s.windowFrom, s.windowTo};
         } else {
           j["timeWindow"] = nullptr;
         }
       },
       [](ViewState& s, const Corpus&) {
         s.windowFrom = daysFromCivil(2011, 1, 1);
         s.windowTo = daysFromCivil(2015, 1, 1) + 0.75;
       }},

      // The filters (filter.h): kinds, organisation types, relation types, themes, whose items, a date range.
      {{&ViewState::filter}, kChangeFilters,
       {{"kinds", nullptr,
         [](std::string_view v, std::string& out, Bad& bad) {
           static const std::string kChoices = [] {
             std::vector<std::string_view> names;
             for (int k = 0; k < kKindCount; ++k) names.push_back(kindName(static_cast<Kind>(k)));
             return "a kind (" + joinChoices(names) + ")";
           }();
           return canonList<Kind>(v, out, bad, kChoices, parseKindItem, kindItemName);
         }},
        {"types", nullptr,
         [](std::string_view v, std::string& out, Bad& bad) {
           static const std::string kChoices =
               "an organisation type (" + joinChoices(typesOfKind(Kind::Organisation)) + ")";
           return canonList<std::string>(v, out, bad, kChoices, parseTypeItem, textItem);
         }},
        {"rels", nullptr,
         [](std::string_view v, std::string& out, Bad& bad) {
           return canonList<int>(v, out, bad, "a relation type (see docs/corpus-format.md)", parseRelItem, relItemName);
         }},
        {"themes", nullptr,
         [](std::string_view v, std::string& out, Bad& bad) {
           return canonList<std::string>(v, out, bad, "a theme id (a-z, 0-9, -)", parseThemeItem, textItem);
         }},
        {"origin", nullptr,
         [](std::string_view v, std::string& out, Bad& bad) {
           return canonList<int>(v, out, bad, "map or own", parseOriginItem, originItemName);
         }},
        {"range", nullptr, [](std::string_view v, std::string& out, Bad& bad) {
           std::string_view a, b;
           double from = Date::kOpenStart, to = Date::kOpenEnd;
           if (!link::splitRange(v, a, b) || (!a.empty() && !link::parseDay(a, false, false, from)) ||
               (!b.empty() && !link::parseDay(b, true, false, to))) {
             bad.emplace_back(std::string(v), "FROM~TO, each a date YYYY-MM-DD (or YYYY-MM, YYYY) or empty for open");
             return false;
           }
           if (to < from) {
             bad.emplace_back(std::string(v), "a range that does not end before it starts");
             return false;
           }
           FilterSpec f;
           f.fromDay = static_cast<int32_t>(from);
           f.toDay = static_cast<int32_t>(to);
           out = !f.hasRange() ? std::string()
                               : (f.fromDay == Date::kOpenStart ? "" : link::formatDay(f.fromDay)) + "~" +
                                     (f.toDay == Date::kOpenEnd ? "" : link::formatDay(f.toDay));
           return true;
         }}},
       [](const ViewState& s, const Corpus&, UrlState& u) {
         const FilterSpec& f = s.filter;
         u.set("kinds", joinList(f.kinds, kindItemName));
         u.set("types", joinList(f.orgTypes, textItem));
         u.set("rels", joinList(f.relationTypes, relItemName));
         u.set("themes", joinList(f.themes, textItem));
         u.set("origin", joinList(f.origins, originItemName));
         if (f.hasRange()) {
           u.set("range", (f.fromDay == Date::kOpenStart ? "" : link::formatDay(f.fromDay)) + "~" +
                              (f.toDay == Date::kOpenEnd ? "" : link::formatDay(f.toDay)));
         }
       },
       [](const UrlState& u, const Corpus&, ViewState& s, std::vector<std::string>*) {
         FilterSpec f;
         f.kinds = listItems<Kind>(u.get("kinds"), parseKindItem);
         f.orgTypes = listItems<std::string>(u.get("types"), parseTypeItem);
         f.relationTypes = listItems<int>(u.get("rels"), parseRelItem);
         f.themes = listItems<std::string>(u.get("themes"), parseThemeItem);
         f.origins = listItems<int>(u.get("origin"), parseOriginItem);
         std::string_view a, b;
         if (link::splitRange(u.get("range"), a, b)) {
           double from = Date::kOpenStart, to = Date::kOpenEnd;
           if (!a.empty()) link::parseDay(a, false, false, from);
           if (!b.empty()) link::parseDay(b, true, false, to);
           f.fromDay = static_cast<int32_t>(from);
           f.toDay = static_cast<int32_t>(to);
         }
         s.filter = std::move(f);
       },
       [](const ViewState& s, const Corpus&, nlohmann::json& j) { j["filters"] = filtersJson(s.filter); },
       [](ViewState& s, const Corpus&) {
         s.filter.kinds = {Kind::Organisation, Kind::Person};
         s.filter.orgTypes = {"charity"};
         s.filter.relationTypes = {relationTypeIndex("partner-in")};
         s.filter.themes = {"theme-mental-health"};
         s.filter.origins = {kOriginOwn};
         s.filter.fromDay = daysFromCivil(2012, 1, 1);
       }},

      // The story followed and its step (1-based in the link; the first step is left out).
      {{&ViewState::story, &ViewState::storyStep}, kChangeStory,
       {{"story", nullptr, canonId},
        {"step", nullptr,
         [](std::string_view v, std::string& out, Bad& bad) {
           int step = 0;
           if (v.empty() || v.size() > 7 || !link::parseUint(v, v.size(), step) || step < 1 || step > kMaxStoryStep) {
             bad.emplace_back(std::string(v), "a step number from 1 to " + std::to_string(kMaxStoryStep));
             return false;
           }
           out = step > 1 ? std::to_string(step) : std::string();
           return true;
         },
         "story", "story as well"}},
       [](const ViewState& s, const Corpus& c, UrlState& u) {
         if (s.story < 0 || static_cast<size_t>(s.story) >= c.stories.size()) return;
         u.set("story", c.stories[static_cast<size_t>(s.story)].id);
         if (s.storyStep > 0) u.set("step", std::to_string(std::min(s.storyStep, kMaxStoryStep - 1) + 1));
       },
       [](const UrlState& u, const Corpus& c, ViewState& s, std::vector<std::string>* w) {
         if (!u.has("story")) return;
         const std::string& id = u.get("story");
         int step = 0;
         if (u.has("step")) {
           link::parseUint(u.get("step"), u.get("step").size(), step);
           --step;
         }
         for (size_t i = 0; i < c.stories.size(); ++i) {
           if (c.stories[i].id != id) continue;
           s.story = static_cast<int>(i);
           const int steps = static_cast<int>(c.stories[i].steps.size());
           s.storyStep = step < 0 ? 0 : step >= steps ? steps - 1 : step;
         }
         if (s.story < 0 && w) w->push_back("story: no story \"" + id + "\" in this corpus; ignored");
       },
       [](const ViewState& s, const Corpus& c, nlohmann::json& j) { j.update(storyJson(s, c)); },
       [](ViewState& s, const Corpus& c) {
         for (size_t i = 0; i < c.stories.size(); ++i) {
           if (c.stories[i].steps.size() < 2) continue;
           s.story = static_cast<int>(i);
           s.storyStep = 1;
           return;
         }
       }},

      // Two dates compared: FIRST~SECOND, each a day (a month or year is read as at its end, as
      // explorer.compare does: "2013" is 31 Dec 2013), written in order.
      {{&ViewState::compareFirst, &ViewState::compareSecond}, kChangeCompare,
       {{"cmp", nullptr, [](std::string_view v, std::string& out, Bad& bad) {
          std::string_view a, b;
          double first, second;
          if (v.empty()) { out.clear(); return true; }
          if (!link::splitRange(v, a, b) || !link::parseDay(a, true, false, first) || !link::parseDay(b, true, false, second)) {
            bad.emplace_back(std::string(v), "two dates FIRST~SECOND, each YYYY-MM-DD (or YYYY-MM, YYYY)");
            return false;
          }
          if (first > second) std::swap(first, second);
          out = link::formatDay(first) + "~" + link::formatDay(second);
          return true;
        }}},
       [](const ViewState& s, const Corpus&, UrlState& u) {
         if (s.comparing()) u.set("cmp", link::formatDay(s.compareFirst) + "~" + link::formatDay(s.compareSecond));
       },
       [](const UrlState& u, const Corpus&, ViewState& s, std::vector<std::string>*) {
         std::string_view a, b;
         if (!link::splitRange(u.get("cmp"), a, b)) return;
         s.compareFirst = static_cast<int32_t>(dayOf(std::string(a)));
         s.compareSecond = static_cast<int32_t>(dayOf(std::string(b)));
       },
       // {first, second, changes: [...]} as explorer.compare gives it (the compare panel's lines), or null.
       [](const ViewState& s, const Corpus& c, nlohmann::json& j) {
         j["compare"] = s.comparing() ? comparisonJson(c, compareDates(c, s.compareFirst, s.compareSecond))
                                      : nlohmann::json(nullptr);
       },
       [](ViewState& s, const Corpus&) {
         s.compareFirst = daysFromCivil(2013, 4, 1);
         s.compareSecond = daysFromCivil(2023, 4, 1);
       }},

      twoWordField<NodeColourWords>(kChangeLook),
      twoWordField<TimelineGroupingWords>(kChangeLook),

      // Embedding and presentation (docs/embedding.md).
      {{&ViewState::embed}, kChangeLook,
       {{"embed", nullptr, canonBool}},
       [](const ViewState& s, const Corpus&, UrlState& u) { u.set("embed", s.embed ? "1" : ""); },
       [](const UrlState& u, const Corpus&, ViewState& s, std::vector<std::string>*) { s.embed = u.has("embed"); },
       [](const ViewState& s, const Corpus&, nlohmann::json& j) { j["embed"] = s.embed; },
       [](ViewState& s, const Corpus&) { s.embed = true; }},

      {{&ViewState::dark}, kChangeLook,
       {{"theme", nullptr, [](std::string_view v, std::string& out, Bad& bad) {
          if (v == "light" || v == "dark") { out = std::string(v); return true; }
          bad.emplace_back(std::string(v), "light or dark");
          return false;
        }}},
       [](const ViewState& s, const Corpus&, UrlState& u) { u.set("theme", s.dark ? "dark" : ""); },
       [](const UrlState& u, const Corpus&, ViewState& s, std::vector<std::string>*) { s.dark = u.get("theme") == "dark"; },
       [](const ViewState& s, const Corpus&, nlohmann::json& j) { j["theme"] = s.dark ? "dark" : "light"; },
       [](ViewState& s, const Corpus&) { s.dark = true; }},

      // The accent colour: "rrggbb" in the link (a '#' is read too), 0xRRGGBB + 0x1000000 in the state.
      {{&ViewState::accent}, kChangeLook,
       {{"accent", nullptr, [](std::string_view v, std::string& out, Bad& bad) {
          const std::string_view hex = !v.empty() && v[0] == '#' ? v.substr(1) : v;
          if (hex.size() != 6 || !std::all_of(hex.begin(), hex.end(), [](char ch) { return link::hexDigit(ch) >= 0; })) {
            bad.emplace_back(std::string(v), "a colour rrggbb (six hex digits, '#' optional)");
            return false;
          }
          out.clear();
          for (char ch : hex) out += static_cast<char>(ch >= 'A' && ch <= 'F' ? ch - 'A' + 'a' : ch);
          return true;
        }}},
       [](const ViewState& s, const Corpus&, UrlState& u) {
         if (!s.accent) return;
         char buf[8];
         std::snprintf(buf, sizeof buf, "%06x", s.accent & 0xffffffu);
         u.set("accent", buf);
       },
       [](const UrlState& u, const Corpus&, ViewState& s, std::vector<std::string>*) {
         s.accent = parseAccent("#" + u.get("accent"));
       },
       nullptr,  // not in explorer.state()
       [](ViewState& s, const Corpus&) { s.accent = parseAccent("#d55e00"); }},

      {{&ViewState::presentation}, kChangeLook,
       {{"pres", nullptr, canonBool}},
       [](const ViewState& s, const Corpus&, UrlState& u) { u.set("pres", s.presentation ? "1" : ""); },
       [](const UrlState& u, const Corpus&, ViewState& s, std::vector<std::string>*) { s.presentation = u.has("pres"); },
       [](const ViewState& s, const Corpus&, nlohmann::json& j) { j["presentation"] = s.presentation; },
       [](ViewState& s, const Corpus&) { s.presentation = true; }},
  };
  return fields;
}

}  // namespace nhsx
