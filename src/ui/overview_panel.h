// The overview window: corpus title, counts per kind, an entity list and the selection's details.
#pragma once
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/corpus_loader.h"

namespace nhsx {

void drawOverviewPanel(const Corpus& c, AppState& s, float width, float height);
// Lists load errors with their locations; the previous corpus stays usable behind it.
void drawErrorsPanel(const std::string& source, const std::vector<Diagnostic>& errors, float width, float height);

}  // namespace nhsx
