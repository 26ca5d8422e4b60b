// Deep links against a corpus (view_link) and what each view shows (visibility).
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <type_traits>
#include <utility>


#include "bundled_corpus.h"
#include "core/view_link.h"
#include "core/visibility.h"

using namespace nhsx;


TEST_CASE("every field of the view survives the link", "[link]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  s.view = View::Graph;
  REQUIRE(s.select(c, "org-macmillan"));
  s.pathTo = c.findEntity("org-nhs-england");
  s.asOf = daysFromCivil(2014, 7, 28);
  s.windowFrom = daysFromCivil(2010, 1, 1);
  s.windowTo = daysFromCivil(2016, 1, 1);
  s.filter.kinds = {Kind::Organisation, Kind::Document};
  s.filter.orgTypes = {"charity"};
  s.filter.relationTypes = {relationTypeIndex("partner-in")};
  s.filter.fromDay = daysFromCivil(2012, 1, 1);
  REQUIRE(!c.stories.empty());
  s.story = static_cast<int>(c.stories.size()) - 1;
  s.storyStep = 1;
  s.embed = true;
  s.dark = true;
  s.accent = parseAccent("#d55e00");
  s.presentation = true;

  const std::string hash = encodeUrlState(toUrlState(s, c));
  AppState back;
  std::vector<std::string> warnings;
  applyUrlState(decodeUrlState(hash, &warnings), c, back, &warnings);
  CHECK(warnings.empty());
  CHECK(back.view == s.view);
  CHECK(back.selected == s.selected);
  CHECK(back.pathTo == s.pathTo);
  CHECK(back.asOf == s.asOf);
  CHECK(back.requestFrom == s.windowFrom);
  CHECK(back.requestTo == s.windowTo);
  CHECK(back.filter == s.filter);
  CHECK(back.story == s.story);
  CHECK(back.storyStep == s.storyStep);
  CHECK(back.embed);
  CHECK(back.dark);
  CHECK(back.accent == s.accent);
  CHECK(back.presentation);
}

TEST_CASE("ids a link names that this corpus lacks are dropped with a warning", "[link]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  s.selected = 3;
  std::vector<std::string> warnings;
  applyUrlState(decodeUrlState("#view=timeline&sel=org-gone&path=org-nhs-england&story=story-gone", &warnings), c, s,
                &warnings);
  CHECK(s.view == View::Timeline);
  CHECK(s.selected == -1);
  CHECK(s.pathTo == -1);  // a path needs a selection
  CHECK(s.story == -1);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0] == "sel: no entity \"org-gone\" in this corpus; ignored");
  CHECK(warnings[1] == "story: no story \"story-gone\" in this corpus; ignored");
}

TEST_CASE("a story step past the end is clamped to the last step", "[link]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  applyUrlState(decodeUrlState("#story=" + c.stories[0].id + "&step=99", nullptr), c, s, nullptr);
  CHECK(s.story == 0);
  CHECK(s.storyStep == static_cast<int>(c.stories[0].steps.size()) - 1);
}

TEST_CASE("a bare link to a story step shows the step as the story tells it", "[link]") {
  const Corpus& c = bundledCorpus();
  int story = -1, step = -1;  // a step that switches the view and focuses something
  for (size_t i = 0; i < c.stories.size() && story < 0; ++i)
    for (size_t k = 1; k < c.stories[i].steps.size(); ++k)
      if (c.stories[i].steps[k].view == "graph" && !c.stories[i].steps[k].focus.empty()) {
        story = static_cast<int>(i);
        step = static_cast<int>(k);
        break;
      }
  REQUIRE(story >= 0);
  const StoryStep& p = c.stories[static_cast<size_t>(story)].steps[static_cast<size_t>(step)];
  const std::string bare = "#story=" + c.stories[static_cast<size_t>(story)].id + "&step=" + std::to_string(step + 1);
  AppState s;
  applyUrlState(decodeUrlState(bare, nullptr), c, s, nullptr);
  CHECK(s.story == story);
  CHECK(s.storyStep == step);
  CHECK(s.view == View::Graph);
  CHECK(s.selected == static_cast<int>(p.focus[0]));
  // The app's own link of that state reads back the same; a link naming the view is the whole view.
  AppState back;
  applyUrlState(decodeUrlState(encodeUrlState(toUrlState(s, c)), nullptr), c, back, nullptr);
  CHECK(back.view == s.view);
  CHECK(back.selected == s.selected);
  AppState named;
  applyUrlState(decodeUrlState(bare + "&view=timeline", nullptr), c, named, nullptr);
  CHECK(named.view == View::Timeline);
  CHECK(named.selected == -1);
}

TEST_CASE("accent colours parse only as #rrggbb", "[link]") {
  CHECK(parseAccent("#005A9c") == (0x005a9cu | 0x1000000u));
  CHECK(parseAccent("005a9c") == 0);
  CHECK(parseAccent("#05a9c") == 0);
  CHECK(parseAccent("#00zz9c") == 0);
}

TEST_CASE("visibility: filters for both views, the as-of date for the graph only", "[visibility]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  s.corpusVersion = 1;
  Visibility v;
  REQUIRE(updateVisibility(c, s, v));
  CHECK(v.filtered.entities == c.entities.size());
  CHECK(v.entitiesAt == c.entities.size());
  CHECK_FALSE(updateVisibility(c, s, v));  // nothing changed

  s.filter.kinds = {Kind::Organisation};
  const uint64_t before = v.filterVersion;
  REQUIRE(updateVisibility(c, s, v));
  CHECK(v.filterVersion == before + 1);
  CHECK(v.filtered.entities == c.countByKind[static_cast<int>(Kind::Organisation)]);

  // NHS England was established in 2013: on a day in 2012 the graph hides it, the timeline does not.
  const int nhse = c.findEntity("org-nhs-england");
  REQUIRE(nhse >= 0);
  REQUIRE(c.entities[static_cast<size_t>(nhse)].date.present());
  s.asOf = c.entities[static_cast<size_t>(nhse)].date.value.firstDay() - 30;
  REQUIRE(updateVisibility(c, s, v));
  CHECK(v.filterVersion == before + 1);  // the as-of date is not a filter change
  CHECK(v.filtered.entityVisible[static_cast<size_t>(nhse)] == 1);
  CHECK(v.entityAt[static_cast<size_t>(nhse)] == 0);
  CHECK(v.entitiesAt < v.filtered.entities);
  for (size_t r = 0; r < c.relations.size(); ++r) {
    if (!v.relationAt[r]) continue;
    CHECK(v.entityAt[c.relations[r].from]);
    CHECK(v.entityAt[c.relations[r].to]);
  }
  // A new corpus (even of the same size) recomputes.
  s.corpusVersion = 2;
  CHECK(updateVisibility(c, s, v));
}

TEST_CASE("the view state's one codec: encodeViewLink then decodeViewLink gives the same view", "[link]") {
  const Corpus& c = bundledCorpus();
  ViewState v;
  v.view = View::Timeline;
  v.selected = c.findEntity("org-acevo");
  v.pathTo = c.findEntity("org-nhs-england");
  v.asOf = daysFromCivil(2013, 4, 1);
  v.windowFrom = daysFromCivil(2011, 1, 1);
  v.windowTo = daysFromCivil(2015, 1, 1);
  v.filter.themes = {"theme-voluntary-sector"};
  v.story = 0;
  v.storyStep = 1;
  v.presentation = true;
  v.accent = parseAccent("#112233");
  std::vector<std::string> warnings;
  bool hasWindow = false;
  const ViewState back = decodeViewLink(encodeViewLink(v, c), c, &warnings, &hasWindow);
  CHECK(warnings.empty());
  CHECK(hasWindow);
  CHECK(back == v);
  CHECK(ViewState::diff(back, v) == 0);
  ViewState other = v;
  other.storyStep = 0;
  other.dark = true;
  CHECK(ViewState::diff(other, v) == (kChangeStory | kChangeLook));
}

// ---- The view state's fields are described once (core/app_state.h): a new field is its member and one
// entry in viewFields(), and these two tests hold it to that.

namespace {
// Converts to anything: T{AnyMember{} x N} compiles exactly when the aggregate T has at least N members.
struct AnyMember {
  template <class T>
  operator T() const;
};
template <class T, class Seq, class = void>
struct BraceInitializable : std::false_type {};
template <class T, size_t... I>
struct BraceInitializable<T, std::index_sequence<I...>, std::void_t<decltype(T{(void(I), AnyMember{})...})>>
    : std::true_type {};
template <class T, size_t N = 0>
constexpr size_t memberCount() {
  if constexpr (BraceInitializable<T, std::make_index_sequence<N + 1>>::value) return memberCount<T, N + 1>();
  else return N;
}
}  // namespace

TEST_CASE("every member of ViewState is described by exactly one view field", "[link][fields]") {
  std::vector<ViewMember> members;
  for (const ViewField& f : viewFields()) {
    CHECK(f.change != 0);
    CHECK(!f.keys.empty());
    CHECK(f.write != nullptr);
    CHECK(f.read != nullptr);
    CHECK(f.sample != nullptr);
    for (const ViewMember& m : f.members) {
      CHECK(std::find(members.begin(), members.end(), m) == members.end());
      members.push_back(m);
    }
  }
  static_assert(std::is_aggregate_v<ViewState>);
  CHECK(members.size() == memberCount<ViewState>());
}

TEST_CASE("each view field, from its one entry, is in equality, the change bits, the link and the state", "[link][fields]") {
  const Corpus& c = bundledCorpus();
  const ViewState none;
  AppState plain;
  const std::string plainJson = stateJson(plain, c);
  const std::string plainLink = encodeViewLink(none, c);
  ViewState all;
  for (const ViewField& f : viewFields()) {
    INFO(f.keys.front().name);
    ViewState v;
    f.sample(v, c);
    f.sample(all, c);
    CHECK(v != none);
    CHECK((ViewState::diff(v, none) & f.change) == f.change);
    // The link carries it and gives it back, without a warning.
    const std::string text = encodeViewLink(v, c);
    CHECK(text != plainLink);
    std::vector<std::string> warnings;
    bool hasWindow = false;
    CHECK(decodeViewLink(text, c, &warnings, &hasWindow) == v);
    CHECK(warnings.empty());
    // explorer.state() shows it, when the field has a part there.
    AppState a;
    static_cast<ViewState&>(a) = v;
    if (f.json) CHECK(stateJson(a, c) != plainJson);
  }
  // All at once too.
  std::vector<std::string> warnings;
  CHECK(decodeViewLink(encodeViewLink(all, c), c, &warnings, nullptr) == all);
  CHECK(warnings.empty());
}
