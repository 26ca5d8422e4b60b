// The overview: corpus title and description, counts per kind, and browsable lists of entities.
#pragma once
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/app_state.h"
#include "core/corpus_loader.h"

namespace nhsx {

// Returns the story whose Edit was pressed, kNewStory for "New story", -1 for neither.
constexpr int kNewStory = -2;
int drawOverviewPanel(const Corpus& c, const AppState& s, ActionQueue& out);
// Lists load errors (already formatted with their locations); the previous corpus stays usable behind it.
void drawErrorsPanel(const std::string& source, const std::vector<std::string>& errors, bool& open);

}  // namespace nhsx
