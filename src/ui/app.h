// The explorer's UI ring: owns the corpus, the view state and the views, and lays out the screen.
#pragma once
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "core/actions.h"
#include "core/app_state.h"
#include "core/corpus_loader.h"
#include "core/gesture.h"
#include "core/paths.h"
#include "core/screen_info.h"
#include "core/story_place.h"
#include "core/visibility.h"
#include "ui/compare_panel.h"
#include "ui/details_panel.h"
#include "ui/filter_panel.h"
#include "ui/search_box.h"
#include "ui/story_editor.h"
#include "ui/graph_view.h"
#include "ui/import_flow.h"
#include "ui/timeline_view.h"

namespace nhsx {

class App {
 public:
  // GL resources of the views; call once the GL context exists (and after a lost context). The views
  // make them when first drawn and show their own failures.
  void initGraphics();

  // Loads a corpus text. On success it replaces the current corpus; on failure the current corpus
  // stays and the errors are kept for the errors panel. Returns the errors (empty on success).
  // firstPart: the text is the first part of a corpus split in two (loadCorpusView; the site's bundled
  // corpus): its citations and sources follow, by attachCitations.
  const std::vector<Diagnostic>& loadCorpus(std::string_view text, std::string_view name, bool firstPart = false);
  // The second part of the corpus shown (its citations and sources), checked and added; refused, the
  // corpus stays without them (CitationsState::Missing) and the errors are listed as a bad file's are.
  const std::vector<Diagnostic>& attachCitations(std::string_view text, std::string_view name);
  // The second part could not be had (a failed fetch): the corpus stays without it, and says why.
  void citationsMissing(std::string_view name, std::string why);
  // What needs the citations now (exports, the outline, comparing, merging, story files and links)
  // calls this first: while they are awaited it takes the second part at once from `citationsNow`
  // (the page's: what it fetched, else a blocking request); "" when it cannot be had.
  void ensureCitations();
  void setCitationsSource(std::string (*citationsNow)()) { citationsNow_ = citationsNow; }
  // How the last loadCorpus spent its time, step by step (parse, then each view taking the corpus): the
  // start-up profile shows these (platform/bridge.h, bench/first_draw_profile.mjs).
  struct LoadStep { const char* name; double ms; };
  const std::vector<LoadStep>& loadSteps() const { return loadSteps_; }

  // Imports two spreadsheets saved as CSV (docs/csv-import.md); like loadCorpus, a bad import keeps
  // the current corpus and lists the errors (file:line:column, column, what was expected).
  const std::vector<Diagnostic>& importCsv(std::string_view entities, std::string_view entitiesName,
                                           std::string_view relations, std::string_view relationsName);
  // Stories of a story file added to the corpus shown (a refused file changes nothing; its errors are
  // listed like a corpus's). A shared story's link ("tour=" in a hash or query): added, its index
  // returned (-1 when the text has none or it is refused, with located warnings).
  const std::vector<Diagnostic>& addStories(std::string_view text, std::string_view name);
  int openStoryLink(std::string_view hashOrQuery, std::vector<std::string>& warnings);
  // The story being edited (else the one followed) as a story file; "" when neither.
  std::string storyDraftText() const;
  // The deep link of what is on screen; following one's own story, the story goes with it ("tour=").
  std::string link() const;
  // The user's own sheet, read by the forgiving importer (docs/csv-import.md) with the map to find names
  // on, then as `mode` says: shown for review (the user's choice adopts it), added to the map, or shown
  // on its own. Returns the page's answer: importReplyJson (core/import_reply.h) with "adopted" and
  // "reviewing". A refused import changes nothing and lists its errors (file:line:column).
  std::string importTable(std::string_view text, std::string_view name, ImportMode mode);
  std::string importSheets(std::string_view entities, std::string_view entitiesName, std::string_view relations,
                           std::string_view relationsName, ImportMode mode);
  // A corpus text added to the map (mergeCorpus: its items marked as the user's own); {ok, errors, merge}.
  std::string mergeCorpusText(std::string_view text, std::string_view name);
  // The import flow's part of explorer.state() (ImportFlow::stateJsonFields).
  std::string importStateFields() const { return import_.stateJsonFields(); }
  // File actions the user asked for in the UI ("open", "export-png", "export-json", "fullscreen", ...),
  // in order, for the page to carry out after this frame is drawn.
  std::vector<std::string> takeRequests() { return std::exchange(requests_, {}); }
  bool hasRequests() const { return !requests_.empty(); }
  void request(std::string what) { requests_.push_back(std::move(what)); }
  // Takes an action at once (the page's API, between frames) and returns what changed.
  Changes act(Action a);
  // Selects by id ("" clears); false when the corpus has no such entity.
  bool select(std::string_view id);
  // What changed since the last call: the bridge sends exactly these to the page as events.
  Changes takeChanges() { return std::exchange(changes_, 0); }
  SearchBox& search() { return search_; }
  // Derived data brought up to date with the state now (API calls between frames read these).
  const Visibility& visibility() { refresh(); return vis_; }
  const std::vector<Path>& paths() { refresh(); return paths_; }
  void refresh();
  const std::vector<LinkSpot>& linkSpots() const { return linkSpots_; }
  // What a screen reader should hear (search results, path found), once; empty when nothing new.
  std::string takeAnnouncement();
  // A two-finger gesture (window pixels): the current view zooms about its midpoint and pans.
  void pinch(const Pinch& p, int fingers);

  // Draws one frame of ImGui windows (between ImGui::NewFrame and ImGui::Render). First the actions
  // queued since the last frame are applied, then derived data (visibility, paths) is computed, then
  // the views draw, queueing the actions their input asks for. True while something animates (a running
  // layout, the "as of" sweep, a drag, actions waiting), so the loop keeps drawing.
  bool drawFrame(float width, float height, double dtSeconds);
  void frameRendered() { ++state_.frames; }
  void noteContextRestored() { ++state_.contextRestores; }

  const AppState& state() const { return state_; }
  const Corpus& corpus() const { return corpus_; }
  // Where an entity is drawn in the current view (for tests that click the canvas).
  bool entityScreenPos(uint32_t entity, float& x, float& y) const;
  // The labels the current view drew in the last frame (explorer.labels()); none in the overview.
  std::vector<DrawnLabel> drawnLabels() const;
  // The rectangles of the last frame (explorer.layoutRects()), recorded here as the frame is laid out:
  // the one place they come from.
  const LayoutRects& layoutRects() const { return rects_; }
  // The region the view draws in (the plot) and the story card's (zero size without a story), last frame.
  const Rect& plotRect() const { return plot_; }
  const Rect& storyCardRect() const { return card_; }

 private:
  void drawHeader(float width);
  void drawMenu(bool narrow);
  void drawSide();
  void openDrawer(int tab);
  void handleShortcuts();
  void updatePaths();
  std::string takeImport(SheetImportResult&& r, ImportMode mode);
  std::string finishImport(SheetImportResult&& r, ImportChoice how);
  void drawImports(float width, float height);

  Corpus corpus_;
  std::string (*citationsNow_)() = nullptr;
  std::vector<LoadStep> loadSteps_;
  AppState state_;
  TimelineView timeline_;
  GraphView graph_;
  Visibility vis_;
  SearchBox search_;
  FilterPanel filterPanel_;
  ComparePanel comparePanel_;
  bool comparingSeen_ = false;  // the comparison the drawer last saw was on (a new one opens its tab)
  int32_t toldFirst_ = kNoDay, toldSecond_ = kNoDay;  // the comparison screen readers were last told of
  StoryEditor editor_;
  // The story a link brought ("tour="), and that link's value: link() gives it back while the story is
  // followed unedited, without writing the story anew (the first frame of such a link writes the address
  // bar: the story writer is code of the deferred wasm module, tools/deferred-code.txt).
  struct LinkedStory {
    int story = -1;
    unsigned editorOpened = 0;
    std::string value;
  } linkedStory_;
  ImportFlow import_;
  std::vector<Path> paths_;  // from the selection to state_.pathTo
  uint64_t pathsVersion_ = 0;
  int pathsFrom_ = -2, pathsTo_ = -2;
  uint64_t pathsFilter_ = 0;
  std::string announcement_;
  std::vector<LinkSpot> linkSpots_;
  LayoutRects rects_;
  void adopt(Corpus&& c, std::string source, std::vector<std::string> errorLines);
  std::vector<Diagnostic> lastErrors_;
  std::string errorSource_;
  std::vector<std::string> errorLines_;
  std::vector<std::string> requests_;
  ActionQueue actions_;
  Changes changes_ = 0;
  int touchFingers_ = 0;  // fingers down now: views leave panning to the pinch when >= 2
  bool showErrors_ = false;
  bool showHelp_ = false;
  bool detailsTabShown_ = false;  // the drawer showed its Details tab last frame
  bool drawerOpen_ = false;      // the details drawer (beside the view, or a bottom sheet)
  int drawerTab_ = 0, drawerTabRequest_ = -1;  // 0 details, 1 filters, 2 sources, 3 compare
  int drawerSelection_ = -1;     // the selection the drawer last saw
  Rect plot_, card_;             // the view's region and the story card's, last frame
  bool fullscreenAsked_ = false;
};

// Days since 1970-01-01 today (UTC).
int32_t todayDay();

}  // namespace nhsx
