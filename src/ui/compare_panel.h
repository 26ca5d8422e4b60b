// Compare two dates (the drawer's Compare tab): pick the dates (each mandate's start, typed, or the "as of"
// cursor dragged on the timeline's axis), then the
// differences in words (core/compare.h), each a link that selects what changed, with its sources. The
// relationship view marks the same differences (GraphScene::compareMark).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/compare.h"
#include "core/screen_info.h"
#include "core/visibility.h"
#include "ui/details_panel.h"

namespace nhsx {

class ComparePanel {
 public:
  // Choices become one SetComparison action (and the relationship view, from the overview); each change
  // drawn is recorded in `spots` (role Change) like the details panel's links.
  // Its date fields and buttons are named controls (ui/control_spots.h): "compare:first", "compare:second",
  // their "as of" buttons "compare:first-asof", "compare:second-asof", and "compare:go".
  void draw(const Corpus& c, const AppState& s, ActionQueue& out, const Visibility& vis, std::vector<LinkSpot>& spots);

 private:
  void dateRow(const char* label, const std::vector<ComparePreset>& presets, char* buf, size_t size,
               const std::string& control);
  char first_[16] = "", second_[16] = "";
  int32_t syncedFirst_ = INT32_MIN + 1, syncedSecond_ = INT32_MIN + 1;  // the state the fields last showed
  std::string error_;
  int32_t asOf_ = kNoDay;  // the "as of" cursor this frame (a date the timeline's axis picks)
  std::vector<ComparePreset> presets_;
  uint64_t presetsOf_ = UINT64_MAX;  // the corpus version they were read from
};

}  // namespace nhsx
