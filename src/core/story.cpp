#include "core/story.h"

#include <nlohmann/json.hpp>

#include "core/actions.h"
#include "core/story_edit.h"

namespace nhsx {

namespace {
// Whether an id names anything in the corpus (one id space: sources, entities, relations, events, stories).
bool idTaken(const Corpus& c, const std::string& id, int exceptStory) {
  if (c.findEntity(id) >= 0) return true;
  for (const Source& s : c.sources) if (s.id == id) return true;
  for (const Relation& r : c.relations) if (r.id == id) return true;
  for (const Event& e : c.events) if (e.id == id) return true;
  for (size_t i = 0; i < c.stories.size(); ++i)
    if (static_cast<int>(i) != exceptStory && c.stories[i].id == id) return true;
  return false;
}

}  // namespace

std::string freeStoryId(const Corpus& c, const std::string& wanted, int except) {
  if (!idTaken(c, wanted, except)) return wanted;
  for (int n = 2;; ++n) {
    std::string id = wanted + "-" + std::to_string(n);
    if (!idTaken(c, id, except)) return id;
  }
}

// A story read from a link at start is added in the first frame: the JSON comparison (story_edit.cpp,
// in the deferred wasm module) runs only when a story of the same id is there.
int addStory(Corpus& c, Story s) {
  std::string text;
  for (size_t i = 0; i < c.stories.size(); ++i) {
    if (c.stories[i].id != s.id) continue;
    if (text.empty()) text = storyToJson(c, s).dump();
    if (storyToJson(c, c.stories[i]).dump() == text) return static_cast<int>(i);
  }
  s.id = freeStoryId(c, s.id);
  c.stories.push_back(std::move(s));
  return static_cast<int>(c.stories.size()) - 1;
}

// Each is the story action (core/actions.h), with whether it could be taken.
bool goToStoryStep(const Corpus& c, AppState& s, int story, int step) {
  if (story < 0 || static_cast<size_t>(story) >= c.stories.size() || c.stories[static_cast<size_t>(story)].steps.empty()) {
    return false;
  }
  applyAction(c, s, act::GoToStoryStep{story, step});
  return true;
}

bool nextStoryStep(const Corpus& c, AppState& s) {
  if (s.story < 0 || static_cast<size_t>(s.story) >= c.stories.size()) return false;
  if (s.storyStep + 1 >= static_cast<int>(c.stories[static_cast<size_t>(s.story)].steps.size())) return false;
  return goToStoryStep(c, s, s.story, s.storyStep + 1);
}

bool previousStoryStep(const Corpus& c, AppState& s) {
  if (s.story < 0 || s.storyStep <= 0) return false;
  return goToStoryStep(c, s, s.story, s.storyStep - 1);
}

void endStory(AppState& s) {
  static const Corpus kNone;  // leaving a story reads nothing of the corpus
  applyAction(kNone, s, act::EndStory{});
}

}  // namespace nhsx
