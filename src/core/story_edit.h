// Making a story of one's own (the story editor, ui/story_editor): a step recorded from what is on
// screen, the draft and its edits with undo and redo, the citations a step may give, and the story as
// a file (the shape of a corpus's stories, read back through the same checks: core/corpus_loader.h).
// The shared link of a story is core/story_link.h.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/app_state.h"
#include "core/corpus_loader.h"

namespace nhsx {

// A step that shows the view as it is: the view, the selection (the step's focus) and the path from it,
// the "as of" date, the timeline's window (whole days: the days it shows, even in part), every filter
// and the two dates compared (if any). Its title is the selection's name (or the view's), its narration empty, no citations.
// Following it (core/story.h) gives that view state back.
StoryStep captureStep(const Corpus& c, const ViewState& s);
// The view part of `captured` into `step`, keeping its title, narration and citations (re-record).
void recordInto(StoryStep& step, const StoryStep& captured);

// A citation the step may give: one of its focused entities' (the focus and the path's end) or of
// their relations. `ref` names it ("org-nhs-england#0", "rel-...#1"); `label` says whose it is.
struct OfferedCitation {
  std::string ref, label;
  Citation citation;
};
std::vector<OfferedCitation> offeredCitations(const Corpus& c, const StoryStep& step);
// The offered citation `ref` names, or null ("id#k": the k-th citation of entity or relation id).
const Citation* citationByRef(const Corpus& c, std::string_view ref);
// The ref of a citation that is one of an entity's or relation's (the first such), or "".
std::string refOfCitation(const Corpus& c, const Citation& cit, const StoryStep& step);
bool sameCitation(const Citation& a, const Citation& b);
// A step whose narration cites nothing (the editor marks it; an own story says "no source given").
inline bool stepUncited(const StoryStep& s) { return s.citations.empty(); }

// The story as JSON, in the shape of a corpus's stories (docs/corpus-format.md).
nlohmann::ordered_json storyToJson(const Corpus& c, const Story& s);
std::string writeStory(const Corpus& c, const Story& s);  // indented, for a file
// What the checks of a loaded story say about it (located: "/steps/1/narration: ...").
std::vector<Diagnostic> checkStory(const Corpus& c, const Story& s);
// Adds a story to a loaded corpus: an identical one already there is reused; an id already taken by
// anything in the corpus gets "-2", "-3"... Returns its index. (These two are in core/story.cpp: a story
// link opens its story in the first frame, which runs no code of this file's, the deferred wasm's.)
int addStory(Corpus& c, Story s);
// An id no item of the corpus has, from `wanted` ("my-story", "my-story-2", ...).
std::string freeStoryId(const Corpus& c, const std::string& wanted, int except = -1);

// The story being written, and its edits, each undoable. Typing into one text field is one edit until
// another field or edit comes (endTyping()).
class StoryDraft {
 public:
  const Story& story() const { return story_; }
  int current() const { return current_; }  // the step being edited, -1 for none
  void setCurrent(int i);
  void reset(Story s);  // a new draft: nothing to undo

  void record(StoryStep captured);                  // a new step after the current one
  void rerecord(const StoryStep& captured);         // the current step shows what is on screen now
  void move(int delta);                             // the current step up (-1) or down (+1)
  void remove();                                    // the current step
  void setTitle(const std::string& t);              // the story's
  void setDescription(const std::string& t);
  void setStepTitle(const std::string& t);          // the current step's
  void setNarration(const std::string& t);
  void setCitations(std::vector<Citation> cits);
  void endTyping() { typing_.clear(); }

  bool canUndo() const { return !undo_.empty(); }
  bool canRedo() const { return !redo_.empty(); }
  bool undo();
  bool redo();
  uint64_t version() const { return version_; }  // bumped by every change

 private:
  struct Snapshot {
    Story story;
    int current = -1;
  };
  StoryStep* step();
  void begin(const std::string& typingKey = {});
  Story story_;
  int current_ = -1;
  std::vector<Snapshot> undo_, redo_;
  std::string typing_;  // the field being typed into, whose first keystroke was the undo point
  uint64_t version_ = 0;
};

}  // namespace nhsx
