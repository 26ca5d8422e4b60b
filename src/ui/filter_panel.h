// Filters: whose items (your data / the map, once you added your own), kinds, organisation types,
// relation types, themes and a time range, each option with the count it would show, and one reset.
// Both views obey them (core/visibility.h).
#pragma once
#include "core/actions.h"
#include "core/app_state.h"
#include "core/filter.h"
#include "core/visibility.h"

namespace nhsx {

class FilterPanel {
 public:
  // Changes to the filters become one SetFilters action.
  void draw(const Corpus& c, const AppState& s, ActionQueue& out, const Visibility& vis);

 private:
  void drawOptions(const Corpus& c, const AppState& s, const Visibility& vis, FilterSpec& f);
  FilterCounts counts_;
  FilterSpec countedFor_;
  uint64_t countedCorpus_ = UINT64_MAX;
};

}  // namespace nhsx
