// The main loop: SDL2 window and GL context, Dear ImGui backends, one frame per iteration.
// Web: the page feeds the corpus and font through the bridge. Desktop: read from files.
#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>  // the input queue's length
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <string>

#include "core/frame_policy.h"
#include "core/gesture.h"
#include "core/text_file.h"
#include "platform/bridge.h"
#include "platform/fonts.h"
#include "render/imgui_renderer.h"
#include "ui/app.h"
#include "ui/theme.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>
#include <SDL_opengles2.h>
#else
#include <SDL_opengl.h>
#endif

namespace {

// What the canvas shows: a frame that shows another corpus or view than the last is built until settled.
struct ShownKey {
  uint64_t corpus = UINT64_MAX;
  nhsx::View view = nhsx::View::Overview;
  bool operator!=(const ShownKey& o) const { return corpus != o.corpus || view != o.view; }
};
ShownKey shownKey(const nhsx::AppState& s) { return ShownKey{s.corpusLoaded ? s.corpusVersion : UINT64_MAX, s.view}; }
constexpr int kSettlePasses = 3;

struct Platform {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  nhsx::App app;
  nhsx::Fonts fonts;
  nhsx::ImGuiRenderer imgui;
  nhsx::FramePolicy policy;
  nhsx::GestureTracker gestures;
  nhsx::Look look;         // the theme applied now
  bool animating = false;  // the last frame asked for another
  bool contextLost = false;  // WebGL context lost: draw nothing until it is restored
  int idleIterations = 0;    // main-loop iterations in a row that drew nothing
  bool quit = false;
  ShownKey shown;  // the corpus and view of the last frame built
};

constexpr float kBaseFontPixels = 17.0f;
constexpr int kIdleIterationsBeforePause = 30;  // about half a second of nothing to draw
constexpr float kPresentationScale = 1.6f;  // 27 px type: legible from the back of a classroom

nhsx::Look lookOf(const nhsx::AppState& s) { return nhsx::Look{1.0f, s.dark, s.presentation, s.accent}; }

#ifdef __EMSCRIPTEN__
// The canvas follows its CSS box; SDL's window size is kept equal to it. True when it changed.
bool syncCanvasSize(Platform& p) {
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  int cw = 0, ch = 0;
  SDL_GetWindowSize(p.window, &cw, &ch);
  if (w >= 1 && h >= 1 && (static_cast<int>(w) != cw || static_cast<int>(h) != ch)) {
    SDL_SetWindowSize(p.window, static_cast<int>(w), static_cast<int>(h));
    return true;
  }
  return false;
}
float pixelRatio() { return static_cast<float>(emscripten_get_device_pixel_ratio()); }

// A lost WebGL context (GPU reset, too many contexts, a tab in the background) is survived without a
// reload: stop drawing, and when the browser restores it rebuild every GL resource from what the app
// still holds (the corpus, the layout, the font bytes).
EM_BOOL onContextLost(int, const void*, void* user) {
  static_cast<Platform*>(user)->contextLost = true;
  return EM_TRUE;  // preventDefault: ask the browser to restore it
}

EM_BOOL onContextRestored(int, const void*, void* user) {
  Platform& p = *static_cast<Platform*>(user);
  std::string error;
  if (!p.imgui.init(error)) std::fprintf(stderr, "ImGui renderer after context restore: %s\n", error.c_str());
  p.fonts.invalidate();
  p.app.initGraphics();
  p.contextLost = false;
  p.app.noteContextRestored();
  p.animating = true;
  return EM_TRUE;
}
#else
float pixelRatio() { return 1.0f; }
#endif

struct FrameTiming {
  bool drawn = false;
  double uiMs = 0;      // our code and ImGui building the frame (CPU)
  double submitMs = 0;  // handing it to GL and swapping
};

// Touch fingers come in window-relative units (0..1); the gesture tracker works in window pixels.
void trackFinger(Platform& p, const SDL_Event& e) {
  if (e.type != SDL_FINGERDOWN && e.type != SDL_FINGERMOTION && e.type != SDL_FINGERUP) return;
  int w = 0, h = 0;
  SDL_GetWindowSize(p.window, &w, &h);
  const float x = e.tfinger.x * static_cast<float>(w), y = e.tfinger.y * static_cast<float>(h);
  const int64_t id = static_cast<int64_t>(e.tfinger.fingerId);
  if (e.type == SDL_FINGERDOWN) p.gestures.down(id, x, y);
  else if (e.type == SDL_FINGERMOTION) p.gestures.move(id, x, y);
  else p.gestures.up(id);
}

FrameTiming frame(Platform& p, bool force = false) {
  using Clock = std::chrono::steady_clock;
  FrameTiming t;
  SDL_Event e;
  bool events = false;
  bool touchLifted = false;
  while (SDL_PollEvent(&e)) {
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_QUIT) p.quit = true;
    trackFinger(p, e);
    touchLifted = touchLifted || (e.type == SDL_MOUSEBUTTONUP && e.button.which == SDL_TOUCH_MOUSEID) ||
                  (e.type == SDL_FINGERUP && p.gestures.fingers() == 0);
    events = true;
  }
  // A lifted finger hovers nothing: the pointer leaves (after the release is handled where it was), so
  // a tooltip a tap brought up goes away instead of staying until the next touch.
  if (touchLifted) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  p.app.pinch(p.gestures.take(), p.gestures.fingers());
#ifdef __EMSCRIPTEN__
  events = syncCanvasSize(p) || events;
#endif
  if (p.contextLost) return t;
#ifdef __EMSCRIPTEN__
  // Nothing to draw before the corpus: the page says it is loading. (A frame then cost a font atlas for
  // the fallback font and the raster of an empty canvas on the way to the first picture.)
  if (!p.app.state().corpusLoaded) return t;
#endif
  // Idle means idle: no drawing at all until something changes.
  if (!p.policy.shouldDraw({events, p.animating, nhsx::bridgeTakeWake()}) && !force) return t;
  const bool profiling = nhsx::bridgeProfiling();  // the start-up profile: this frame's phases
  const double start = profiling ? nhsx::bridgeNow() : 0;
  const nhsx::Look wanted = lookOf(p.app.state());
  if (wanted != p.look) { nhsx::applyTheme(wanted); p.look = wanted; }
  // Presentation mode rebuilds the font atlas at the larger size: crisp, never a scaled-up bitmap.
  if (p.fonts.update(kBaseFontPixels * (wanted.highContrast ? kPresentationScale : 1.0f), pixelRatio())) {
    p.imgui.uploadFonts();
    if (profiling) nhsx::bridgeMeasure("ex:font atlas", start, nhsx::bridgeNow());
  }
  const auto t0 = Clock::now();
  int fw = 0, fh = 0;
  SDL_GL_GetDrawableSize(p.window, &fw, &fh);
  // The first frame of a new corpus or a new view is not the picture the next one shows: Dear ImGui
  // hides a window that sizes itself to its content (a view's floating controls) in its first frame.
  // Such a frame is built again at once until it stops changing (at most kSettlePasses times), so the
  // first picture drawn is the settled one and costs one raster, not two.
  bool settling = false;
  for (int passes = 1;; ++passes) {
    const ShownKey before = shownKey(p.app.state());
    settling = settling || before != p.shown;
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    p.animating = p.app.drawFrame(size.x, size.y, ImGui::GetIO().DeltaTime);
    if (lookOf(p.app.state()) != p.look) p.animating = true;  // restyle on the next frame
    // Dear ImGui hands over at most one press or release of a key or button per frame (so fast taps are
    // not lost); what it has not handed over yet needs more frames even though no new event comes.
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) p.animating = true;
    ImGui::Render();
    p.shown = shownKey(p.app.state());
    settling = settling || p.shown != before;
    // (A view that draws itself in a callback, the graph, cannot be compared: it is not built again.)
    if (!settling || passes == kSettlePasses || !nhsx::ImGuiRenderer::comparable(ImGui::GetDrawData())) break;
    if (p.imgui.sameAsLast(ImGui::GetDrawData(), ImGui::GetColorU32(ImGuiCol_WindowBg)) && passes > 1) break;
  }
  if (settling) p.imgui.forgetLast();  // what the canvas shows is none of these passes
  const auto t1 = Clock::now();
  const ImU32 background = ImGui::GetColorU32(ImGuiCol_WindowBg);
#ifdef __EMSCRIPTEN__
  // A frame that repeats the picture on the canvas is not drawn again: a canvas not drawn to in a frame
  // keeps showing its last picture. Unless the page is about to read the canvas (an export asked for in
  // this frame: it reads the drawing buffer right after the frame).
  const bool repeat = p.imgui.sameAsLast(ImGui::GetDrawData(), background) && !p.app.hasRequests();
#else
  const bool repeat = false;  // a desktop window may need its picture again (exposed): always drawn
#endif
  if (!repeat) {
    // The main window draws no background: the clear is its background (a full-screen quad costs more).
    nhsx::clearFramebuffer(fw, fh, background);
    p.imgui.render(ImGui::GetDrawData());
    SDL_GL_SwapWindow(p.window);
  }
  const auto t2 = Clock::now();
  if (profiling) {
    const std::string n = "ex:frame " + std::to_string(p.app.state().frames) + (p.app.state().corpusLoaded ? "" : " (no corpus)");
    const double end = nhsx::bridgeNow(), ui = std::chrono::duration<double, std::milli>(t1 - t0).count();
    const double gl = std::chrono::duration<double, std::milli>(t2 - t1).count();
    nhsx::bridgeMeasure((n + " ui").c_str(), end - gl - ui, end - gl);
    nhsx::bridgeMeasure((n + (repeat ? " gl (the same picture: not drawn again)" : " gl")).c_str(), end - gl, end);
    nhsx::bridgeMeasure(n.c_str(), start, end);
  }
  p.app.frameRendered();
  nhsx::bridgeFrameRendered(p.app.state().frames, p.app.state().corpusLoaded);
  t.drawn = true;
  t.uiMs = std::chrono::duration<double, std::milli>(t1 - t0).count();
  t.submitMs = std::chrono::duration<double, std::milli>(t2 - t1).count();
  return t;
}

#ifndef __EMSCRIPTEN__
double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[static_cast<size_t>(q * static_cast<double>(v.size() - 1))];
}

// EXPLORER_BENCH=graph|timeline: CPU time per frame of the real app while the pointer sweeps and the
// wheel zooms in and out over the view (after the graph layout has settled). Prints figures, exits.
int runFrameBench(Platform& p, const char* view) {
  nhsx::View v;
  if (!nhsx::parseView(view, v)) return 2;
  p.app.act(nhsx::act::SetView{v});
  int warm = 0;
  do frame(p, true);
  while (++warm < 3000 && (!p.app.state().layoutSettled || warm < 5));
  std::vector<double> ui, submit;
  const int frames = 300;
  int hoveredFrames = 0;
  for (int i = 0; i < frames; ++i) {
    // Real SDL events, through the same path as a person's mouse.
    const float a = static_cast<float>(i) * 0.05f;
    SDL_WarpMouseInWindow(p.window, static_cast<int>(400.f + 250.f * std::cos(a)), static_cast<int>(420.f + 200.f * std::sin(a)));
    if (i % 20 == 5) {
      SDL_Event wheel{};
      wheel.type = SDL_MOUSEWHEEL;
      wheel.wheel.windowID = SDL_GetWindowID(p.window);
      wheel.wheel.y = (i / 20) % 2 ? -1 : 1;
      wheel.wheel.preciseY = static_cast<float>(wheel.wheel.y);
      SDL_PushEvent(&wheel);
    }
    const FrameTiming t = frame(p, true);
    ui.push_back(t.uiMs);
    submit.push_back(t.submitMs);
    hoveredFrames += p.app.state().hovered >= 0;
  }
  // Worst case: every frame restyles everything (a new selection each frame: all instances rebuilt).
  const nhsx::Corpus& c = p.app.corpus();
  std::vector<double> restyle;
  for (int i = 0; i < 60 && !c.entities.empty(); ++i) {
    p.app.select(c.entities[static_cast<size_t>(i * 7919) % c.entities.size()].id);
    restyle.push_back(frame(p, true).uiMs);
  }
  std::printf("frame [native, %s] entities=%zu relations=%zu settle_frames=%d\n  pan/zoom/hover frames=%d "
              "(%d over an item) ui_cpu_median_ms=%.2f p95_ms=%.2f | restyle-all frames=%zu ui_cpu_median_ms=%.2f p95_ms=%.2f | "
              "gl_submit_median_ms=%.1f (software GL under Xvfb: not comparable)\n",
              view, c.entities.size(), c.relations.size(), warm, frames, hoveredFrames, percentile(ui, 0.5), percentile(ui, 0.95),
              restyle.size(), percentile(restyle, 0.5), percentile(restyle, 0.95), percentile(submit, 0.5));
  return 0;
}
#endif

}  // namespace

int main(int argc, char** argv) {
  const double mainStart = nhsx::bridgeNow();
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
    return 1;
  }
#ifdef __EMSCRIPTEN__
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  // Everything is drawn in order with blending: no depth or stencil buffer to allocate and clear.
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  static Platform p;
  p.window = SDL_CreateWindow("NHS governance explorer", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!p.window) {
    std::fprintf(stderr, "SDL_CreateWindow failed: %s\n", SDL_GetError());
    return 1;
  }
  p.gl = SDL_GL_CreateContext(p.window);
  if (!p.gl) {
    std::fprintf(stderr, "SDL_GL_CreateContext failed: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(p.window, p.gl);
  SDL_GL_SetSwapInterval(1);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no storage needed (and none may be allowed in an embed)
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  nhsx::applyTheme(p.look);
  ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
  std::string imguiError;
  if (!p.imgui.init(imguiError)) std::fprintf(stderr, "ImGui renderer: %s\n", imguiError.c_str());
  nhsx::bridgeAttach(&p.app, &p.fonts);
  p.app.initGraphics();
  nhsx::bridgeMeasure("ex:main", mainStart, nhsx::bridgeNow());  // SDL, the GL context, ImGui

#ifdef __EMSCRIPTEN__
  (void)argc;
  (void)argv;
  emscripten_set_webglcontextlost_callback("#canvas", &p, EM_FALSE, onContextLost);
  emscripten_set_webglcontextrestored_callback("#canvas", &p, EM_FALSE, onContextRestored);
  // Idle means idle: after a few iterations with nothing to draw the loop pauses itself (no wake-ups on
  // every animation frame); input, resizes and API calls resume it (ex_wake, web/explorer-api.js).
  emscripten_set_main_loop_arg(
      [](void* arg) {
        Platform& p = *static_cast<Platform*>(arg);
        if (frame(p).drawn || p.animating) p.idleIterations = 0;
        else if (++p.idleIterations >= kIdleIterationsBeforePause) {
          p.idleIterations = 0;
          nhsx::bridgePauseLoop();
        }
      },
      &p, 0, false);
#else
  std::string corpusPath = argc > 1 ? argv[1] : DESKTOP_CORPUS;
  std::string text, font;
  if (nhsx::readTextFile(DESKTOP_FONT, font)) p.fonts.setTtf(std::vector<uint8_t>(font.begin(), font.end()));
  if (!nhsx::readTextFile(corpusPath.c_str(), text)) {
    std::fprintf(stderr, "%s: cannot read the corpus\n", corpusPath.c_str());
  } else {
    for (const auto& d : p.app.loadCorpus(text, corpusPath)) {
      std::fprintf(stderr, "%s\n", nhsx::formatDiagnostic(corpusPath, d).c_str());
    }
  }
  if (const char* bench = SDL_getenv("EXPLORER_BENCH")) return runFrameBench(p, bench);
  const char* frames = SDL_getenv("EXPLORER_FRAMES");  // run N frames and exit (smoke runs under Xvfb)
  const long maxFrames = frames ? std::strtol(frames, nullptr, 10) : -1;
  while (!p.quit && (maxFrames < 0 || static_cast<long>(p.app.state().frames) < maxFrames)) {
    if (!frame(p, maxFrames >= 0).drawn) SDL_WaitEventTimeout(nullptr, 100);  // idle: sleep until input
  }
  p.imgui.destroy();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(p.gl);
  SDL_DestroyWindow(p.window);
  SDL_Quit();
#endif
  return 0;
}
