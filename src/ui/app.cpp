#include "ui/app.h"

#include <imgui.h>

#include "ui/overview_panel.h"

namespace nhsx {

const std::vector<Diagnostic>& App::loadCorpus(std::string_view text, std::string_view name) {
  LoadResult r = nhsx::loadCorpus(text);
  lastErrors_ = std::move(r.errors);
  lastErrorSource_ = std::string(name);
  if (lastErrors_.empty()) {
    // Keep the selection when the same entity exists in the new corpus.
    std::string selectedId = state_.selected >= 0 ? corpus_.entities[static_cast<size_t>(state_.selected)].id : "";
    corpus_ = std::move(r.corpus);
    state_.corpusLoaded = true;
    state_.selected = selectedId.empty() ? -1 : corpus_.findEntity(selectedId);
  }
  return lastErrors_;
}

void App::drawFrame(float width, float height) {
  drawOverviewPanel(corpus_, state_, width, height);
  if (!lastErrors_.empty()) drawErrorsPanel(lastErrorSource_, lastErrors_, width, height);
}

}  // namespace nhsx
