// The main loop: SDL2 window and GL context, Dear ImGui backends, one frame per iteration.
// Web: the page feeds the corpus and font through the bridge. Desktop: read from files.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/frame_policy.h"
#include "platform/bridge.h"
#include "platform/fonts.h"
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

struct Platform {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  nhsx::App app;
  nhsx::Fonts fonts;
  nhsx::FramePolicy policy;
  bool animating = false;  // the last frame asked for another
  bool quit = false;
};

constexpr float kBaseFontPixels = 17.0f;

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
#else
float pixelRatio() { return 1.0f; }
#endif

void frame(Platform& p) {
  SDL_Event e;
  bool events = false;
  while (SDL_PollEvent(&e)) {
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_QUIT) p.quit = true;
    events = true;
  }
#ifdef __EMSCRIPTEN__
  events = syncCanvasSize(p) || events;
#endif
  // Idle means idle: no drawing at all until something changes.
  if (!p.policy.shouldDraw({events, p.animating, nhsx::bridgeTakeWake()})) return;
  p.fonts.update(kBaseFontPixels, pixelRatio());
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  p.animating = p.app.drawFrame(size.x, size.y, ImGui::GetIO().DeltaTime);
  ImGui::Render();
  int fw = 0, fh = 0;
  SDL_GL_GetDrawableSize(p.window, &fw, &fh);
  glViewport(0, 0, fw, fh);
  glClearColor(0.98f, 0.98f, 0.97f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(p.window);
  p.app.frameRendered();
  nhsx::bridgeFrameRendered(p.app.state().frames, p.app.state().corpusLoaded);
}

#ifndef __EMSCRIPTEN__
bool readFile(const char* path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}
#endif

}  // namespace

int main(int argc, char** argv) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
    return 1;
  }
#ifdef __EMSCRIPTEN__
  const char* glsl = "#version 300 es";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
  const char* glsl = "#version 330 core";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
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
  nhsx::applyTheme(1.0f);
  ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
  ImGui_ImplOpenGL3_Init(glsl);
  nhsx::bridgeAttach(&p.app, &p.fonts);
  std::string glError;
  if (!p.app.initGraphics(glError)) std::fprintf(stderr, "renderer: %s\n", glError.c_str());

#ifdef __EMSCRIPTEN__
  (void)argc;
  (void)argv;
  emscripten_set_main_loop_arg([](void* arg) { frame(*static_cast<Platform*>(arg)); }, &p, 0, false);
#else
  std::string corpusPath = argc > 1 ? argv[1] : DESKTOP_CORPUS;
  std::string text, font;
  if (readFile(DESKTOP_FONT, font)) p.fonts.setTtf(std::vector<uint8_t>(font.begin(), font.end()));
  if (!readFile(corpusPath.c_str(), text)) {
    std::fprintf(stderr, "%s: cannot read the corpus\n", corpusPath.c_str());
  } else {
    for (const auto& d : p.app.loadCorpus(text, corpusPath)) {
      std::fprintf(stderr, "%s\n", nhsx::formatDiagnostic(corpusPath, d).c_str());
    }
  }
  const char* frames = SDL_getenv("EXPLORER_FRAMES");  // run N frames and exit (smoke runs under Xvfb)
  const long maxFrames = frames ? std::strtol(frames, nullptr, 10) : -1;
  while (!p.quit && (maxFrames < 0 || static_cast<long>(p.app.state().frames) < maxFrames)) frame(p);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(p.gl);
  SDL_DestroyWindow(p.window);
  SDL_Quit();
#endif
  return 0;
}
