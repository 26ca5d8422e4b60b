#include "platform/bridge.h"

#include <imgui.h>

#include <cstdlib>
#include <string>

#include "core/compare.h"
#include "core/csv_import.h"
#include "core/embed_snippet.h"
#include "core/events.h"
#include "core/export.h"
#include "core/outline.h"
#include "core/url_state.h"
#include "core/view_link.h"
#include "platform/fonts.h"
#include "ui/app.h"
#include "ui/control_spots.h"

#ifdef __EMSCRIPTEN__
#include <SDL.h>
#include <emscripten.h>
#include <malloc.h>
#include <nlohmann/json.hpp>
#endif

namespace nhsx {

namespace {
App* gApp = nullptr;
Fonts* gFonts = nullptr;
std::string gReply;  // returned strings live until the next call
bool gWake = false;
bool gPaused = false;  // the main loop paused itself while idle
}  // namespace

#ifdef __EMSCRIPTEN__
// Something for the app to do: draw soon, and restart the main loop if idling paused it.
void wake() {
  gWake = true;
  if (gPaused) {  // resuming a running loop would start a second scheduler
    gPaused = false;
    emscripten_resume_main_loop();
  }
}

void bridgePauseLoop() {
  if (gPaused) return;
  gPaused = true;
  emscripten_pause_main_loop();
}
#endif

namespace {
int gFramesWithCorpus = 0;  // frames drawn with a corpus, counted while profiling the start
constexpr int kProfiledFramesWithCorpus = 4;
}  // namespace

bool bridgeProfiling() { return gFramesWithCorpus < kProfiledFramesWithCorpus; }

#ifdef __EMSCRIPTEN__
double bridgeNow() { return emscripten_get_now(); }

EM_JS(void, js_measure, (const char* name, double start, double end), {
  if (typeof performance.measure === 'function') performance.measure(UTF8ToString(name), {start, end});
});

void bridgeMeasure(const char* name, double start, double end) {
  if (bridgeProfiling()) js_measure(name, start, end);
}
#else
double bridgeNow() { return 0; }
void bridgeMeasure(const char*, double, double) {}
#endif

bool bridgeTakeWake() {
  const bool w = gWake;
  gWake = false;
  return w;
}

#ifdef __EMSCRIPTEN__
// The second part of the bundled corpus, at once, when something needs it before it has come
// (App::ensureCitations): the page's (web/explorer-citations.js: what it fetched, else a blocking
// request); "" when it could not be had.
EM_JS(char*, js_citations_now, (), {
  const bytes = Module.onExplorerCitationsNow ? Module.onExplorerCitationsNow() : null;
  if (!bytes) return 0;
  const p = _malloc(bytes.length + 1);
  HEAPU8.set(bytes, p);
  HEAPU8[p + bytes.length] = 0;
  return p;
});

namespace {
std::string citationsNow() {
  char* p = js_citations_now();
  if (!p) return {};
  std::string text(p);
  free(p);
  return text;
}
}  // namespace
#endif

void bridgeAttach(App* app, Fonts* fonts) {
  gApp = app;
  gFonts = fonts;
#ifdef __EMSCRIPTEN__
  app->setCitationsSource(&citationsNow);
#endif
}

#ifdef __EMSCRIPTEN__
namespace {
// The events for what changed since they were last taken (core/events.h); "" when nothing did.
std::string takeEvents() {
  const Changes ch = gApp->takeChanges();
  if (!ch) return {};
  gApp->refresh();  // the state's counts as of now
  return eventsJson(ch, gApp->state(), gApp->corpus());
}
}  // namespace

EM_JS(void, js_frame_rendered, (double frames, int loaded, const char* events), {
  if (Module.onExplorerFrame) Module.onExplorerFrame(frames, !!loaded, UTF8ToString(events));
});

EM_JS(void, js_announce, (const char* text), {
  if (Module.onExplorerAnnounce) Module.onExplorerAnnounce(UTF8ToString(text));
});

EM_JS(void, js_request, (const char* what), {
  if (Module.onExplorerRequest) Module.onExplorerRequest(UTF8ToString(what));
});

void bridgeFrameRendered(uint64_t frames, bool corpusLoaded) {
  if (corpusLoaded && bridgeProfiling()) ++gFramesWithCorpus;
  const std::string said = gApp->takeAnnouncement();
  if (!said.empty()) js_announce(said.c_str());
  // Right after drawing, so a picture of the canvas taken now shows this frame.
  for (const std::string& request : gApp->takeRequests()) js_request(request.c_str());
  // What changed in this frame (clicks and keys in the app), as events.
  const std::string events = takeEvents();
  js_frame_rendered(static_cast<double>(frames), corpusLoaded ? 1 : 0, events.c_str());
}

namespace {
// A reply to the page: kept until the next call, which the page has read it by.
const char* reply(std::string text) {
  gReply = std::move(text);
  return gReply.c_str();
}
const char* replyJson(const nlohmann::json& j) {
  return reply(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// {"ok", "errors": [{"where", "message", "text"}]} of a load or an import; text as `format` gives it.
template <class Format>
const char* loadReply(const std::vector<Diagnostic>& errors, Format&& format) {
  nlohmann::json r;
  r["ok"] = errors.empty();
  r["errors"] = nlohmann::json::array();
  for (const Diagnostic& d : errors) r["errors"].push_back({{"where", d.where}, {"message", d.message}, {"text", format(d)}});
  return replyJson(r);
}
}  // namespace

extern "C" {

namespace {
const char* load(const char* text, int length, const char* name, bool firstPart) {
  wake();
  double t = bridgeNow();
  const auto& errors = gApp->loadCorpus(std::string_view(text, static_cast<size_t>(length)), name, firstPart);
  for (const App::LoadStep& step : gApp->loadSteps()) {  // parse, then each view's index of the corpus
    bridgeMeasure((std::string("ex:load ") + step.name).c_str(), t, t + step.ms);
    t += step.ms;
  }
  return loadReply(errors, [&](const Diagnostic& d) { return formatDiagnostic(name, d); });
}
}  // namespace

// Takes a corpus text; returns {"ok":bool,"errors":[{"where","message"}]} as JSON.
EMSCRIPTEN_KEEPALIVE const char* ex_load(const char* text, int length, const char* name) {
  return load(text, length, name, false);
}

// The first part of a corpus split in two (the site's bundled corpus: core/corpus_loader.h,
// loadCorpusView), whose citations and sources follow by ex_attach_citations; replies as ex_load.
EMSCRIPTEN_KEEPALIVE const char* ex_load_view(const char* text, int length, const char* name) {
  return load(text, length, name, true);
}

// The second part, checked and added to the corpus shown; replies as ex_load. Refused, the corpus stays
// without citations and the app lists why.
EMSCRIPTEN_KEEPALIVE const char* ex_attach_citations(const char* text, int length, const char* name) {
  wake();
  const auto& errors = gApp->attachCitations(std::string_view(text, static_cast<size_t>(length)), name);
  return loadReply(errors, [&](const Diagnostic& d) { return formatDiagnostic(name, d); });
}

// The second part could not be fetched (why: "HTTP 404", ...): the corpus stays without it, and says so.
EMSCRIPTEN_KEEPALIVE void ex_citations_missing(const char* name, const char* why) {
  wake();
  gApp->citationsMissing(name, why);
}

// 0: the corpus shown has its citations; 1: they are awaited (a first part); 2: they could not be had.
EMSCRIPTEN_KEEPALIVE int ex_citations_state() { return static_cast<int>(gApp->corpus().citationsState); }

EMSCRIPTEN_KEEPALIVE int ex_select(const char* id) {
  wake();
  return gApp->select(id) ? 1 : 0;
}

// Draws a frame soon even if nothing else changed (e.g. after the page resized the canvas).
EMSCRIPTEN_KEEPALIVE void ex_wake() { wake(); }

EMSCRIPTEN_KEEPALIVE int ex_set_view(const char* name) {
  wake();
  View v;
  if (!parseView(name, v)) return 0;
  gApp->act(act::SetView{v});
  return 1;
}

// Sets the "as of" cursor from an EDTF day/month/year ("" turns it off); 0 when the date is invalid.
EMSCRIPTEN_KEEPALIVE int ex_set_as_of(const char* text) {
  wake();
  if (!*text) { gApp->act(act::SetAsOf{kNoDay}); return 1; }
  DateParse d = parseEdtf(text);
  if (!d.ok || d.date.interval) return 0;
  gApp->act(act::SetAsOf{d.date.start.firstDay()});
  return 1;
}

// The timeline's lanes: "body" (organised by body) or "kind"; 0 for anything else.
EMSCRIPTEN_KEEPALIVE int ex_set_timeline_grouping(const char* name) {
  wake();
  const std::string_view g(name);
  if (g != "body" && g != "kind") return 0;
  gApp->act(act::SetTimelineGrouping{g == "body"});
  return 1;
}

// What changed between two dates (a day, month or year each): the JSON of core/compare.h's compareJson.
EMSCRIPTEN_KEEPALIVE const char* ex_compare(const char* a, const char* b) {
  gApp->ensureCitations();  // each change with its sources
  return reply(compareJson(gApp->corpus(), a, b));
}

// Where an entity is drawn in the current view, as {"x","y"} in CSS pixels, or null.
EMSCRIPTEN_KEEPALIVE const char* ex_entity_screen(const char* id) {
  const int e = gApp->corpus().findEntity(id);
  float x = 0, y = 0;
  if (e < 0 || !gApp->entityScreenPos(static_cast<uint32_t>(e), x, y)) return reply("null");
  return replyJson(nlohmann::json{{"x", x}, {"y", y}});
}

// The labels the current view drew in the last frame: [{"id","text","x","y","w","h","elided"}], CSS px.
EMSCRIPTEN_KEEPALIVE const char* ex_labels() {
  nlohmann::json out = nlohmann::json::array();
  for (const DrawnLabel& l : gApp->drawnLabels())
    out.push_back({{"id", l.id}, {"text", l.text}, {"x", l.x}, {"y", l.y}, {"w", l.w}, {"h", l.h}, {"elided", l.elided}});
  return replyJson(out);
}

// The rectangles of the last frame: {"canvas","plot","toolbar","details","legend","storyCard","storyEditor"}, each
// {"x","y","w","h"} in CSS px or null when not shown.
EMSCRIPTEN_KEEPALIVE const char* ex_layout_rects() {
  const LayoutRects& r = gApp->layoutRects();
  auto rect = [](const std::optional<ScreenRect>& s) {
    return s ? nlohmann::json{{"x", s->x}, {"y", s->y}, {"w", s->w}, {"h", s->h}} : nlohmann::json(nullptr);
  };
  return replyJson(nlohmann::json{{"canvas", rect(r.canvas)}, {"plot", rect(r.plot)}, {"toolbar", rect(r.toolbar)},
                                  {"details", rect(r.details)}, {"legend", rect(r.legend)}, {"storyCard", rect(r.storyCard)},
                                  {"viewTools", rect(r.viewTools)}, {"storyEditor", rect(r.storyEditor)}});
}

// The app's own controls drawn in the last frame, by name: [{"name","x","y","w","h"}] in CSS pixels
// (ui/control_spots.h): the one list of them (docs/embedding.md names them all).
EMSCRIPTEN_KEEPALIVE const char* ex_controls() {
  nlohmann::json out = nlohmann::json::array();
  for (const ControlSpot& c : controlSpots())
    out.push_back({{"name", c.name}, {"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}});
  return replyJson(out);
}

// Where the view draws (the plot) and the story card, last frame, in CSS pixels:
// {"plot": {x, y, w, h}, "card": {x, y, w, h} or null, "canvas": {w, h}}. Read only; for tests that
// measure the view's share of the page and what the story card covers.
EMSCRIPTEN_KEEPALIVE const char* ex_plot_rect() {
  const auto rect = [](const Rect& r) { return nlohmann::json{{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}}; };
  const Rect& card = gApp->storyCardRect();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  return replyJson(nlohmann::json{{"plot", rect(gApp->plotRect())},
                                  {"card", card.w > 0 ? rect(card) : nlohmann::json(nullptr)},
                                  {"canvas", {{"w", size.x}, {"h", size.y}}}});
}

// What changed since the last frame or call, as events (core/events.h): the page calls this after each
// of its commands; "" when nothing changed.
EMSCRIPTEN_KEEPALIVE const char* ex_take_events() {
  const double t = bridgeNow();
  const char* r = reply(takeEvents());
  bridgeMeasure("ex:events", t, bridgeNow());
  return r;
}

EMSCRIPTEN_KEEPALIVE const char* ex_state() {
  const double t0 = bridgeNow();
  gApp->refresh();  // the filters' counts even before the next frame
  const double t1 = bridgeNow();
  std::string s = stateJson(gApp->state(), gApp->corpus());
  bridgeMeasure("ex:state: filters", t0, t1);
  bridgeMeasure("ex:state: json", t1, bridgeNow());
  s.pop_back();  // the closing brace: the import flow's fields go in (importReview, pasteTable)
  return reply(s + "," + gApp->importStateFields() + "}");
}

// The deep link of what is on screen: "#v=1&view=graph&sel=..." (docs/deep-links.md).
EMSCRIPTEN_KEEPALIVE const char* ex_hash() {
  return reply(gApp->link());
}

// Opens a deep link (hash or query text). Returns the warnings as a JSON array of strings.
EMSCRIPTEN_KEEPALIVE const char* ex_apply_hash(const char* text) {
  wake();
  std::vector<std::string> warnings;
  bool hasWindow = false;
  const int shared = gApp->openStoryLink(text, warnings);  // a shared story ("tour=") joins the corpus first
  unsigned named = act::kLinkNamesAll;
  ViewState v = decodeViewLink(text, gApp->corpus(), &warnings, &hasWindow, &named);
  const bool atStep = v.story >= 0;
  gApp->act(act::OpenLink{std::move(v), hasWindow, named});
  if (shared >= 0 && !atStep) gApp->act(act::GoToStoryStep{shared, 0});  // a story alone opens at its first step
  return replyJson(nlohmann::json(warnings));
}

// Sets only the filters, from the link's filter fields ("kinds=person&range=2012-01-01~"); an empty
// text clears them. Returns the warnings as a JSON array.
EMSCRIPTEN_KEEPALIVE const char* ex_set_filters(const char* text) {
  wake();
  std::vector<std::string> warnings;
  gApp->act(act::SetFilters{fromUrlState(decodeUrlState(text, &warnings), gApp->corpus(), nullptr).filter});
  return replyJson(nlohmann::json(warnings));
}

// Shortest connections from the selection to an entity ("" clears). 0 when the id is unknown.
EMSCRIPTEN_KEEPALIVE int ex_set_path(const char* id) {
  wake();
  const int e = *id ? gApp->corpus().findEntity(id) : -1;
  if (e < 0 && *id) return 0;
  gApp->act(act::SetPathTarget{e});
  return 1;
}

// The paths found, as [{"ids": [...], "text": "A — partner in → B"}].
EMSCRIPTEN_KEEPALIVE const char* ex_paths() {
  nlohmann::json out = nlohmann::json::array();
  const Corpus& c = gApp->corpus();
  for (const Path& p : gApp->paths()) {
    nlohmann::json ids = nlohmann::json::array({c.entities[p.from].id});
    for (const PathStep& st : p.steps) ids.push_back(c.entities[st.entity].id);
    out.push_back({{"ids", ids}, {"text", describePath(c, p)}});
  }
  return replyJson(out);
}

// The links the details panel shows: relations [{"id","x","y","role":"relation","label"}] in CSS pixels,
// then source addresses (role "address", with the "address" they open); the compare panel's changes are
// role "change".
EMSCRIPTEN_KEEPALIVE const char* ex_detail_links() {
  nlohmann::json out = nlohmann::json::array();
  for (const LinkSpot& l : gApp->linkSpots()) {
    nlohmann::json j = {{"id", gApp->corpus().entities[l.entity].id}, {"x", l.x}, {"y", l.y}, {"label", l.label}};
    j["role"] = l.role == LinkSpot::Role::Address ? "address" : l.role == LinkSpot::Role::Change ? "change" : "relation";
    if (l.role == LinkSpot::Role::Address) j["address"] = l.address;
    out.push_back(std::move(j));
  }
  return replyJson(out);
}

// Follows a guided story: step is 0-based and clamped. 0 when there is no such story.
EMSCRIPTEN_KEEPALIVE int ex_story(const char* id, int step) {
  wake();
  const Corpus& c = gApp->corpus();
  if (!*id) { gApp->act(act::EndStory{}); return 1; }
  for (size_t i = 0; i < c.stories.size(); ++i) {
    if (c.stories[i].id != id) continue;
    if (c.stories[i].steps.empty()) return 0;
    gApp->act(act::GoToStoryStep{static_cast<int>(i), step});
    return 1;
  }
  return 0;
}

// Search results as [{"id","name","kind","tier"}], best first.
EMSCRIPTEN_KEEPALIVE const char* ex_search(const char* query, int limit) {
  gApp->ensureCitations();  // quotes are searched too
  nlohmann::json out = nlohmann::json::array();
  const Corpus& c = gApp->corpus();
  for (const SearchHit& h : gApp->search().query(query, static_cast<size_t>(limit > 0 ? limit : 20))) {
    const Entity& e = c.entities[h.entity];
    out.push_back({{"id", e.id}, {"name", e.name}, {"kind", std::string(kindName(e.kind))}, {"tier", static_cast<int>(h.tier)}});
  }
  return replyJson(out);
}

// Opens the search box as "/" does, with a text when one is given.
EMSCRIPTEN_KEEPALIVE void ex_search_open(const char* text) {
  wake();
  gApp->search().open();
  if (*text) gApp->search().setText(text, false);
}

// The page's own text field over the search box (touch screens): its text, and its keys ("Enter",
// "ArrowUp", "ArrowDown", "Escape").
EMSCRIPTEN_KEEPALIVE void ex_search_text(const char* text) {
  wake();
  gApp->search().setText(text, true);
}

EMSCRIPTEN_KEEPALIVE void ex_search_key(const char* key) {
  wake();
  const std::string k = key;
  gApp->search().pressKey(k == "Enter"       ? SearchBox::Key::Enter
                          : k == "ArrowUp"   ? SearchBox::Key::Up
                          : k == "ArrowDown" ? SearchBox::Key::Down
                          : k == "Escape"    ? SearchBox::Key::Escape
                                             : SearchBox::Key::None);
}

// Imports two CSV texts (entities, relations); returns {"ok","errors":[{"text"}]} like ex_load.
EMSCRIPTEN_KEEPALIVE const char* ex_import_csv(const char* entities, const char* entitiesName, const char* relations,
                                               const char* relationsName) {
  wake();
  const auto& errors = gApp->importCsv(entities, entitiesName, relations, relationsName);
  return loadReply(errors, [](const Diagnostic& d) { return formatCsvDiagnostic(d); });
}

// Adds the stories of a story file (one story object, or {"stories": [...]}) to the corpus shown;
// returns {"ok","errors":[{"where","message","text"}]} like ex_load. A refused file changes nothing.
EMSCRIPTEN_KEEPALIVE const char* ex_add_stories(const char* text, int length, const char* name) {
  wake();
  const auto& errors = gApp->addStories(std::string_view(text, static_cast<size_t>(length)), name);
  return loadReply(errors, [&](const Diagnostic& d) { return formatDiagnostic(name, d); });
}

// The user's own sheet (the forgiving importer): mode "review", "merge" or "own"; returns importReplyJson
// (core/import_reply.h) with "adopted" and "reviewing".
EMSCRIPTEN_KEEPALIVE const char* ex_import_table(const char* text, int length, const char* name, const char* mode) {
  wake();
  ImportMode m = ImportMode::Review;
  parseImportMode(mode, m);
  return reply(gApp->importTable(std::string_view(text, static_cast<size_t>(length)), name, m));
}

EMSCRIPTEN_KEEPALIVE const char* ex_import_sheets(const char* entities, const char* entitiesName, const char* relations,
                                                  const char* relationsName, const char* mode) {
  wake();
  ImportMode m = ImportMode::Review;
  parseImportMode(mode, m);
  return reply(gApp->importSheets(entities, entitiesName, relations, relationsName, m));
}

// A corpus text added to the map shown (its items the user's own); {"ok","errors","merge","adopted"}.
EMSCRIPTEN_KEEPALIVE const char* ex_merge_corpus(const char* text, int length, const char* name) {
  wake();
  return reply(gApp->mergeCorpusText(std::string_view(text, static_cast<size_t>(length)), name));
}

// Text the reader pasted (Ctrl+V / Cmd+V: the page's paste event, web/data-io.js). SDL has no clipboard of
// the browser's here, so the text becomes SDL's clipboard and Dear ImGui is handed the Ctrl+V it paste
// from: it goes in at the cursor of the field being edited (the paste box, the search box), as on the
// desktop.
EMSCRIPTEN_KEEPALIVE void ex_paste_text(const char* text) {
  wake();
  SDL_SetClipboardText(text);
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, true);
  io.AddKeyEvent(ImGuiKey_V, true);
  io.AddKeyEvent(ImGuiKey_V, false);
  io.AddKeyEvent(ImGuiMod_Ctrl, false);
}

// Bumped by every corpus adopted (a load, an import): the page's corpus() knows when to read it afresh.
EMSCRIPTEN_KEEPALIVE double ex_corpus_version() { return static_cast<double>(gApp->state().corpusVersion); }

// Asks for a file action as the app's own buttons do ("open", "export-png", "export-json", ...): it is
// handed to the page right after the next frame is drawn.
EMSCRIPTEN_KEEPALIVE void ex_request(const char* what) {
  wake();
  gApp->request(what);
}

// What the filters show now, as "json", "entities-csv" or "relations-csv" text (with citations); "story":
// the story being edited (or followed), as a story file.
EMSCRIPTEN_KEEPALIVE const char* ex_export(const char* what) {
  gApp->ensureCitations();  // every export carries them
  const Corpus& c = gApp->corpus();
  const Visibility& v = gApp->visibility();
  const std::string kind = what;
  if (kind == "json") return reply(exportJson(c, v.filtered.entityVisible, v.filtered.relationVisible));
  if (kind == "entities-csv") return reply(exportEntitiesCsv(c, v.filtered.entityVisible));
  if (kind == "story") return reply(gApp->storyDraftText());
  if (kind == "relations-csv") return reply(exportRelationsCsv(c, v.filtered.entityVisible, v.filtered.relationVisible));
  // Everything loaded, whatever the filters, stories and every source included: explorer.corpus() after
  // an import, and the corpus the one-file explorer carries.
  if (kind == "corpus") return reply(exportWholeCorpus(c));
  return reply(std::string());
}

// The "Embed on your site" dialog's iframe code for its choices ("size=...&view=...", core/embed_snippet.h):
// {snippet, url, warnings}.
EMSCRIPTEN_KEEPALIVE const char* ex_embed_snippet(const char* query) {
  std::vector<std::string> warnings;
  const EmbedOptions o = parseEmbedOptions(query, &warnings);
  nlohmann::json j = {{"snippet", embedSnippet(o)}, {"url", embedUrl(o)}, {"warnings", warnings}};
  return replyJson(j);
}

// What the screen-reader mirror reads (core/outline.h): an entity described for an announcement ("" for
// an unknown id), the outline's sections, and a chunk of a kind's entities.
EMSCRIPTEN_KEEPALIVE const char* ex_describe(const char* id) {
  const int e = gApp->corpus().findEntity(id);
  return reply(e < 0 ? std::string() : describeEntity(gApp->corpus(), static_cast<uint32_t>(e)));
}

EMSCRIPTEN_KEEPALIVE const char* ex_outline_kinds() {
  gApp->ensureCitations();  // the outline quotes them (web/a11y-mirror.js waits for them first)
  return reply(outlineKindsJson(gApp->corpus()));
}

EMSCRIPTEN_KEEPALIVE const char* ex_outline_items(const char* kind, int first, int count) {
  Kind k;
  if (!parseKind(kind, k) || first < 0 || count < 0) return reply("[]");
  gApp->ensureCitations();
  return reply(outlineItemsJson(gApp->corpus(), k, static_cast<size_t>(first), static_cast<size_t>(count)));
}

// The reader's prefers-reduced-motion setting (the page follows the media query).
EMSCRIPTEN_KEEPALIVE void ex_set_reduced_motion(int on) {
  wake();
  gApp->act(act::SetReducedMotion{on != 0});
}

// Bytes of the wasm heap in use by malloc (the heap itself never shrinks): the soak test watches it.
EMSCRIPTEN_KEEPALIVE double ex_heap_used() { return static_cast<double>(mallinfo().uordblks); }

// Hands over a TTF font the page fetched (the buffer is copied).
EMSCRIPTEN_KEEPALIVE void ex_set_font(const uint8_t* data, int length) {
  wake();
  gFonts->setTtf(std::vector<uint8_t>(data, data + length));
}

}  // extern "C"
#else
void bridgeFrameRendered(uint64_t, bool) {}
void bridgePauseLoop() {}
#endif

}  // namespace nhsx
