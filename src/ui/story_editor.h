// The story editor: a compact panel in the details' place beside the view (a bottom sheet on a narrow
// screen), so it never covers the view's subject, for making a story of
// one's own from what is on screen (core/story_edit.h decides; this draws it and turns input into
// edits, actions and the page's requests). Steps listed, recorded and re-recorded, moved, deleted;
// titles and narration typed in place; citations picked from the focused items'; undo and redo (the
// buttons, Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z when no text field has the keys); play; share as a link or a
// file. The draft is kept in the corpus's stories as it changes, so the story list, Play and the
// corpus's export see it.
#pragma once
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/app_state.h"
#include "core/story_edit.h"

namespace nhsx {

class StoryEditor {
 public:
  bool isOpen() const { return open_; }
  int storyIndex() const { return open_ ? index_ : -1; }
  const StoryDraft& draft() const { return draft_; }
  // A new story (added to the corpus at once), or story `index` of the corpus, which becomes one's own.
  void openNew(Corpus& c);
  void openStory(Corpus& c, int index);
  void close() { open_ = false; }
  // How many times a story was opened for editing (the one a link brought may have changed since).
  unsigned opened() const { return opened_; }

  // Draws the editor into the current window (the side panel, in the details' place: it covers nothing
  // of the view). File and link requests for the page go to `requests`.
  void draw(Corpus& c, const AppState& s, ActionQueue& out, std::vector<std::string>& requests);

 private:
  void sync(Corpus& c);
  void drawCitations(const Corpus& c);
  StoryDraft draft_;
  int index_ = -1;
  bool open_ = false;
  unsigned opened_ = 0;
  uint64_t synced_ = 0, checked_ = ~0ull;
  std::vector<Diagnostic> problems_;
  std::string message_;  // what the last share did
  int followedStep_ = -1;  // the story step shown last frame (the arrow keys move it; the list follows)
  std::string title_, stepTitle_, narration_;  // the text fields' buffers
};

}  // namespace nhsx
