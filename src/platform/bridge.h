// The browser bridge: C functions the page's JavaScript calls (window.explorer) and the hooks by
// which the app tells the page about frames. Natively these are no-ops.
#pragma once
#include <cstdint>

namespace nhsx {
class App;
class Fonts;

void bridgeAttach(App* app, Fonts* fonts);
// Called after each rendered frame; the page resolves explorer.ready on the first one with a corpus.
void bridgeFrameRendered(uint64_t frames, bool corpusLoaded);
// True once after the page changed something through the API (so an idle app draws again).
bool bridgeTakeWake();
// Pauses the browser's main loop while idle; the next wake (input, API call) resumes it.
void bridgePauseLoop();

// The start-up profile (bench/first_draw_profile.mjs reads it): phases of the corpus load and of the
// first frames as performance.measure entries "ex:NAME" in the page, on the page's clock
// (performance.now(), which bridgeNow() reads). Only while the app starts, until a few frames after the
// first with a corpus; natively nothing is recorded.
bool bridgeProfiling();
double bridgeNow();
void bridgeMeasure(const char* name, double start, double end);
}  // namespace nhsx
