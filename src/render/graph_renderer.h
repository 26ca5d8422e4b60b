// The relationship view's own WebGL2 renderer: nodes and edges as quads with the shaders in shaders/.
// Dear ImGui draws panels and labels on top; this draws inside an ImGui draw callback.
// Each node or edge is expanded to four vertices in one buffer and drawn with one indexed draw, not with
// instancing: software WebGL (SwiftShader, what a GPU-less PC or a blocklisted driver gets) runs an
// instanced draw as one draw per instance, and thousands of those made a 1k-node frame ~4x slower.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/camera2d.h"
#include "render/gl.h"

namespace nhsx {

class GraphRenderer {
 public:
  // Creates GL objects; false (with `error`) when shaders fail. Safe to call again after context loss.
  bool init(std::string& error);
  void destroy();
  bool ready() const { return nodeProgram_ != 0; }

  void setNodes(const std::vector<NodeInstance>& nodes);
  void setEdges(const std::vector<EdgeInstance>& edges);

  // Draws into the framebuffer rectangle (x, y from the bottom-left, in framebuffer pixels).
  void draw(int x, int y, int width, int height, const Camera2D& cam, float pixelRatio, const GraphDrawStyle& style);

  // An off-screen picture of the graph, shown moved and scaled while only the camera moves, so a pan or
  // zoom frame costs one copy instead of every node and edge. Sizes are framebuffer pixels. ensureCache
  // makes (or resizes) it, false when it cannot; renderCache draws the graph into it with `cam` at its
  // centre over an opaque background (0xAABBGGRR), then rebinds the screen.
  bool ensureCache(int width, int height);
  void renderCache(const Camera2D& cam, float pixelRatio, const GraphDrawStyle& style, uint32_t background);
  // Copies the cached picture to the screen rectangle (x0, y0)-(x1, y1) (framebuffer pixels from the
  // bottom-left, scaled if it differs in size), clipped to the view (vx, vy, vw, vh). A blit, not a
  // textured quad: software WebGL copies pixels much faster than it shades and blends them.
  void showCache(float x0, float y0, float x1, float y1, int vx, int vy, int vw, int vh);
  // Changes whenever the picture is made anew or dropped (resized, or init() after a lost context): what
  // it held is gone.
  uint64_t cacheGeneration() const { return cacheGeneration_; }

 private:
  // One corner of an item's quad: the item itself and which corner (-1 or 1 on each axis).
  template <class Item>
  struct Corner {
    Item item;
    int8_t cx, cy, pad[2];
  };
  void setupVao(GLuint vao, GLuint vertices, bool nodes);
  void setUniforms(GLuint prog, const Camera2D& cam, int width, int height, float pixelRatio, float minRadiusPx);
  void ensureIndices(size_t quads);
  template <class Item>
  void upload(GLuint buffer, const std::vector<Item>& items, size_t& capacity, std::vector<Corner<Item>>& scratch);

  GLuint nodeProgram_ = 0, edgeProgram_ = 0;
  GLuint indices_ = 0, nodeBuffer_ = 0, edgeBuffer_ = 0, nodeVao_ = 0, edgeVao_ = 0;
  GLsizei nodeCount_ = 0, edgeCount_ = 0;
  size_t nodeCapacity_ = 0, edgeCapacity_ = 0, indexQuads_ = 0;  // in items (quads)
  GLuint cacheTexture_ = 0, cacheFramebuffer_ = 0;
  int cacheWidth_ = 0, cacheHeight_ = 0;
  uint64_t cacheGeneration_ = 0;
  std::vector<Corner<NodeInstance>> nodeScratch_;
  std::vector<Corner<EdgeInstance>> edgeScratch_;
};

}  // namespace nhsx
