#include "platform/bridge.h"

#include <cstdlib>
#include <string>

#include "platform/fonts.h"
#include "ui/app.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <nlohmann/json.hpp>
#endif

namespace nhsx {

namespace {
App* gApp = nullptr;
Fonts* gFonts = nullptr;
std::string gReply;  // returned strings live until the next call
bool gWake = false;
}  // namespace

bool bridgeTakeWake() {
  const bool w = gWake;
  gWake = false;
  return w;
}

void bridgeAttach(App* app, Fonts* fonts) {
  gApp = app;
  gFonts = fonts;
}

#ifdef __EMSCRIPTEN__
EM_JS(void, js_frame_rendered, (double frames, int loaded), {
  if (Module.onExplorerFrame) Module.onExplorerFrame(frames, !!loaded);
});

void bridgeFrameRendered(uint64_t frames, bool corpusLoaded) {
  js_frame_rendered(static_cast<double>(frames), corpusLoaded ? 1 : 0);
}

extern "C" {

// Takes a corpus text; returns {"ok":bool,"errors":[{"where","message"}]} as JSON.
EMSCRIPTEN_KEEPALIVE const char* ex_load(const char* text, int length, const char* name) {
  gWake = true;
  const auto& errors = gApp->loadCorpus(std::string_view(text, static_cast<size_t>(length)), name);
  nlohmann::json r;
  r["ok"] = errors.empty();
  r["errors"] = nlohmann::json::array();
  for (const Diagnostic& d : errors) {
    r["errors"].push_back({{"where", d.where}, {"message", d.message}, {"text", formatDiagnostic(name, d)}});
  }
  gReply = r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return gReply.c_str();
}

EMSCRIPTEN_KEEPALIVE int ex_select(const char* id) {
  gWake = true;
  return gApp->select(id) ? 1 : 0;
}

// Draws a frame soon even if nothing else changed (e.g. after the page resized the canvas).
EMSCRIPTEN_KEEPALIVE void ex_wake() { gWake = true; }

EMSCRIPTEN_KEEPALIVE int ex_set_view(const char* name) {
  gWake = true;
  View v;
  if (!parseView(name, v)) return 0;
  gApp->setView(v);
  return 1;
}

// Sets the "as of" cursor from an EDTF day/month/year ("" turns it off); 0 when the date is invalid.
EMSCRIPTEN_KEEPALIVE int ex_set_as_of(const char* text) {
  gWake = true;
  if (!*text) { gApp->setAsOf(kNoDay); return 1; }
  DateParse d = parseEdtf(text);
  if (!d.ok || d.date.interval) return 0;
  gApp->setAsOf(d.date.start.firstDay());
  return 1;
}

// Where an entity is drawn in the current view, as {"x","y"} in CSS pixels, or null.
EMSCRIPTEN_KEEPALIVE const char* ex_entity_screen(const char* id) {
  const int e = gApp->corpus().findEntity(id);
  float x = 0, y = 0;
  if (e < 0 || !gApp->entityScreenPos(static_cast<uint32_t>(e), x, y)) {
    gReply = "null";
  } else {
    gReply = nlohmann::json{{"x", x}, {"y", y}}.dump();
  }
  return gReply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* ex_state() {
  gReply = stateJson(gApp->state(), gApp->corpus());
  return gReply.c_str();
}

// Hands over a TTF font the page fetched (the buffer is copied).
EMSCRIPTEN_KEEPALIVE void ex_set_font(const uint8_t* data, int length) {
  gWake = true;
  gFonts->setTtf(std::vector<uint8_t>(data, data + length));
}

}  // extern "C"
#else
void bridgeFrameRendered(uint64_t, bool) {}
#endif

}  // namespace nhsx
