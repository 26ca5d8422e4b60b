// One path for every change of state: the selection is written by applyAction alone (core/actions.cpp),
// so selecting has the same side effects wherever it comes from. This reads every source file under src/
// for writes of a `selected` field; each one found must be in the short list below, with its reason.
// Also the actions' own rules, which every caller now shares.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "bundled_corpus.h"
#include "core/actions.h"

using namespace nhsx;

namespace {
std::string trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}
}  // namespace

TEST_CASE("the selection is assigned only in the one apply function", "[one-path]") {
  // file (under src/), line as written: why it may write a `selected`.
  const std::set<std::pair<std::string, std::string>> allowed = {
      {"core/actions.cpp", "s.selected = entity;"},  // setSelection, inside applyAction: THE assignment
      // A bare story link's view as a value: the step's selection, applied by openLink just after.
      {"core/actions.cpp", "next.selected = t.selected;"},
      // A link's view as a value (the selection's view field), applied through the OpenLink action; and
      // the field's sample values, views as values for the field tests (test_view_link.cpp).
      {"core/view_fields.cpp", "s.selected = entityOf(c, u.get(\"sel\"), \"sel\", w);"},
      {"core/view_fields.cpp", "[](ViewState& s, const Corpus& c) { s.selected = sampleEntity(c, 1); }},"},
      {"core/view_fields.cpp",
       "[](ViewState& s, const Corpus& c) { s.selected = sampleEntity(c, 1); s.pathTo = sampleEntity(c, 2); }},"},
  };
  // An assignment (not a comparison), a compound assignment, an increment or a decrement of a field or
  // variable named `selected`; declarations with their default (`int selected = -1;`) are not writes.
  const std::regex write(R"((^|[^\w])selected\s*(=[^=]|\+=|-=|\+\+|--)|(\+\+|--)\s*[\w.>-]*\bselected\b)");
  const std::regex declaration(R"(^\s*(int|int32_t|auto|const int)\s+selected\s*=)");
  const std::filesystem::path src = std::filesystem::path(SOURCE_DIR) / "src";
  size_t files = 0;
  std::set<std::pair<std::string, std::string>> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    const std::string rel = std::filesystem::relative(entry.path(), src).generic_string();
    while (std::getline(in, line)) {
      ++number;
      const std::string code = line.substr(0, line.find("//"));
      if (!std::regex_search(code, write) || std::regex_search(code, declaration)) continue;
      const std::pair<std::string, std::string> hit{rel, trim(code)};
      found.insert(hit);
      if (!allowed.count(hit)) FAIL_CHECK(rel << ":" << number << " writes a selection outside applyAction: " << trim(line));
    }
  }
  CHECK(files > 50);
  CHECK(found.count({"core/actions.cpp", "s.selected = entity;"}) == 1);  // the one place is still there
}

TEST_CASE("selecting has the same side effects from everywhere", "[one-path]") {
  const Corpus& c = bundledCorpus();
  const int a = c.findEntity("org-macmillan"), b = c.findEntity("org-nhs-england");
  AppState s;
  CHECK(applyAction(c, s, act::Select{a}) == kChangeSelection);
  CHECK(applyAction(c, s, act::SetPathTarget{b}) == kChangePath);
  CHECK(applyAction(c, s, act::Select{a}) == 0);  // the same selection: nothing changes, nothing to report
  CHECK(s.pathTo == b);
  // A new selection clears the path target, whether a view, the search, a link or a story selects.
  CHECK(applyAction(c, s, act::Select{b}) == (kChangeSelection | kChangePath));
  CHECK(s.pathTo == -1);
  applyAction(c, s, act::Select{a});
  applyAction(c, s, act::SetPathTarget{b});
  REQUIRE(!c.stories.empty());
  const Changes story = applyAction(c, s, act::GoToStoryStep{0, 0});
  CHECK((story & kChangeStory));
  CHECK(s.pathTo == -1);
  // Out-of-range entities clear rather than point nowhere.
  applyAction(c, s, act::Select{static_cast<int>(c.entities.size()) + 5});
  CHECK(s.selected == -1);
}

TEST_CASE("actions report what changed and nothing else", "[one-path]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  CHECK(applyAction(c, s, act::SetView{View::Graph}) == kChangeView);
  CHECK(applyAction(c, s, act::SetView{View::Graph}) == 0);
  CHECK(applyAction(c, s, act::SetAsOf{daysFromCivil(2014, 1, 1)}) == kChangeAsOf);
  CHECK(applyAction(c, s, act::TogglePlay{c.firstDay, c.lastDay}) == kChangePlaying);
  CHECK(s.playing);
  CHECK(applyAction(c, s, act::AdvancePlay{0.5}) == kChangeAsOf);
  CHECK(applyAction(c, s, act::SetAsOf{kNoDay, true}) == (kChangeAsOf | kChangePlaying));
  CHECK_FALSE(s.playing);
  FilterSpec f;
  f.kinds = {Kind::Person};
  CHECK(applyAction(c, s, act::SetFilters{f}) == kChangeFilters);
  CHECK(applyAction(c, s, act::SetFilters{f}) == 0);
  CHECK(applyAction(c, s, act::SetWindow{1000, 2000}) == kChangeWindow);
  CHECK(applyAction(c, s, act::TogglePresentation{}) == kChangeLook);
  CHECK(applyAction(c, s, act::SetHover{3}) == kChangeHover);
  CHECK((kStateChanges & (kChangeWindow | kChangeHover)) == 0);  // panning and hovering are no 'change'
  const uint64_t serial = s.requestSerial;
  CHECK(applyAction(c, s, act::RequestWindow{10, 20}) == 0);
  CHECK(s.requestSerial == serial + 1);
  // A queue applies in order, once.
  ActionQueue q;
  q.push(act::Select{1});
  q.push(act::Select{2});
  CHECK(q.applyAll(c, s) == kChangeSelection);
  CHECK(s.selected == 2);
  CHECK(q.empty());
  CHECK(q.applyAll(c, s) == 0);
}

TEST_CASE("ending a story restores the filters, date and view in force before it", "[one-path][story]") {
  const Corpus& c = bundledCorpus();
  REQUIRE(!c.stories.empty());
  AppState s;
  FilterSpec before;
  before.kinds = {Kind::Person};
  applyAction(c, s, act::SetView{View::Timeline});
  applyAction(c, s, act::SetFilters{before});
  applyAction(c, s, act::SetAsOf{daysFromCivil(2016, 3, 1)});
  applyAction(c, s, act::SetWindow{1000, 2000});
  applyAction(c, s, act::GoToStoryStep{0, 0});
  // Steps on and back keep the first saved state, not an earlier step's.
  applyAction(c, s, act::NextStoryStep{});
  applyAction(c, s, act::PreviousStoryStep{});
  applyAction(c, s, act::NextStoryStep{});
  CHECK(s.story == 0);
  const uint64_t serial = s.requestSerial;
  const Changes ch = applyAction(c, s, act::EndStory{});
  CHECK((ch & kChangeStory));
  CHECK(s.story == -1);
  CHECK(s.view == View::Timeline);
  CHECK(s.filter == before);
  CHECK(s.asOf == daysFromCivil(2016, 3, 1));
  CHECK(s.requestSerial == serial + 1);  // the timeline is asked for its old window
  CHECK(s.requestFrom == 1000);
  CHECK(s.requestTo == 2000);
  // Ending again changes nothing; a second story saves afresh.
  CHECK(applyAction(c, s, act::EndStory{}) == 0);
  applyAction(c, s, act::SetFilters{FilterSpec{}});
  applyAction(c, s, act::GoToStoryStep{0, 1});
  applyAction(c, s, act::EndStory{});
  CHECK(s.filter.empty());
}
