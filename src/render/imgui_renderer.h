// Draws Dear ImGui's draw lists with WebGL2 / GL 3.3, in place of imgui_impl_opengl3. The stock backend
// saves and restores GL state every frame with ~20 glGet calls; in a browser each one is a synchronous
// round trip to the GPU process and cost most of a frame (bench/graph_render_peers.mjs --profile 1).
// This app owns all of its GL state, so it sets what it needs and saves nothing.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "render/gl.h"

struct ImDrawData;
struct ImDrawList;
struct ImVec2;

namespace nhsx {

class ImGuiRenderer {
 public:
  bool init(std::string& error);  // program and buffers; call again after a lost context (then uploadFonts)
  void destroy();
  void uploadFonts();             // (re)builds the font texture from ImGui's atlas
  void render(ImDrawData* data);
  // True when `data` over a framebuffer cleared to `clearColour` is exactly the picture the last frame
  // drew (the same vertices, indices, clip rectangles, textures and size), so the canvas already shows it
  // and need not be drawn again: software WebGL pays for every pixel of a frame, and a drag or the frames
  // after an input repeat the last picture more often than not. Never true while a draw list holds a
  // callback other than a clear rectangle or a state reset (the graph draws itself in one, from state the
  // draw data does not show). Remembers `data` for the next call; a new font texture forgets it.
  bool sameAsLast(const ImDrawData* data, unsigned int clearColour);
  // False when the draw data holds such a callback: then sameAsLast can never be true.
  static bool comparable(const ImDrawData* data);
  void forgetLast() { last_.clear(); }

 private:
  void setupState(ImDrawData* data, int fbWidth, int fbHeight);
  void pointAttributes(unsigned int firstVertex);

  GLuint program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, fontTexture_ = 0;
  GLint projection_ = -1, texture_ = -1;
  unsigned int pointedAt_ = 0;  // the vertex the attributes start at (a command's VtxOffset)
  std::vector<unsigned char> last_, now_;  // the last frame's draw data as bytes, and this one's
  std::vector<ImDrawVert> vertices_;       // every list's vertices, uploaded at once
  std::vector<ImDrawIdx> indices_;         // and indices
};

// Fills a rectangle of the draw list with a solid colour by clearing it (glClear under a scissor) instead
// of drawing a blended, textured quad: in software WebGL a large background quad costs a few ms a frame,
// a clear almost nothing. Colours are ImGui's packed 0xAABBGGRR; the rectangle is in ImGui coordinates.
void addClearRect(ImDrawList* list, const ImVec2& min, const ImVec2& max, unsigned int colour);
// The same for the whole framebuffer, before any draw list (the main window draws no background).
void clearFramebuffer(int width, int height, unsigned int colour);

}  // namespace nhsx
