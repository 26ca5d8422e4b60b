// The explorer's UI ring: owns the corpus and the view state, draws the panels with Dear ImGui.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/app_state.h"
#include "core/corpus_loader.h"

namespace nhsx {

class App {
 public:
  // Loads a corpus text. On success it replaces the current corpus; on failure the current corpus
  // stays and the errors are kept for the errors panel. Returns the errors (empty on success).
  const std::vector<Diagnostic>& loadCorpus(std::string_view text, std::string_view name);

  bool select(std::string_view id) { return state_.select(corpus_, id); }
  void setView(View v) { state_.view = v; }

  // Draws one frame of ImGui windows (between ImGui::NewFrame and ImGui::Render).
  void drawFrame(float width, float height);
  void frameRendered() { ++state_.frames; }

  const AppState& state() const { return state_; }
  const Corpus& corpus() const { return corpus_; }
  const std::vector<Diagnostic>& lastErrors() const { return lastErrors_; }

 private:
  Corpus corpus_;
  AppState state_;
  std::vector<Diagnostic> lastErrors_;
  std::string lastErrorSource_;
};

}  // namespace nhsx
