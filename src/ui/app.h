// The explorer's UI ring: owns the corpus, the view state and the views, and lays out the screen.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/app_state.h"
#include "core/corpus_loader.h"
#include "core/gesture.h"
#include "ui/graph_view.h"
#include "ui/timeline_view.h"

namespace nhsx {

class App {
 public:
  // GL resources of the views; call once the GL context exists. False (with error) on failure.
  bool initGraphics(std::string& error);

  // Loads a corpus text. On success it replaces the current corpus; on failure the current corpus
  // stays and the errors are kept for the errors panel. Returns the errors (empty on success).
  const std::vector<Diagnostic>& loadCorpus(std::string_view text, std::string_view name);

  bool select(std::string_view id) { return state_.select(corpus_, id); }
  void setView(View v) { state_.view = v; }
  void setAsOf(int32_t day) { state_.asOf = day; }
  // A two-finger gesture (window pixels): the current view zooms about its midpoint and pans.
  void pinch(const Pinch& p, int fingers);

  // Draws one frame of ImGui windows (between ImGui::NewFrame and ImGui::Render). True while
  // something animates (a running layout, the "as of" sweep, a drag), so the loop keeps drawing.
  bool drawFrame(float width, float height, double dtSeconds);
  void frameRendered() { ++state_.frames; }

  const AppState& state() const { return state_; }
  const Corpus& corpus() const { return corpus_; }
  // Where an entity is drawn in the current view (for tests that click the canvas).
  bool entityScreenPos(uint32_t entity, float& x, float& y) const;

 private:
  void drawHeader(float width);

  Corpus corpus_;
  AppState state_;
  TimelineView timeline_;
  GraphView graph_;
  std::vector<Diagnostic> lastErrors_;
  std::string lastErrorSource_;
  bool showErrors_ = false;
};

// Days since 1970-01-01 today (UTC).
int32_t todayDay();

}  // namespace nhsx
