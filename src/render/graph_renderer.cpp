#include "render/graph_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "render/shader_program.h"
#include "shaders_gen.h"

namespace nhsx {

bool GraphRenderer::init(std::string& error) {
  destroy();
  nodeProgram_ = buildProgram(shaders::graph_node_vert, shaders::graph_node_frag, error);
  edgeProgram_ = buildProgram(shaders::graph_edge_vert, shaders::graph_edge_frag, error);
  if (!nodeProgram_ || !edgeProgram_) {
    destroy();
    return false;
  }
  glGenBuffers(1, &indices_);
  glGenBuffers(1, &nodeBuffer_);
  glGenBuffers(1, &edgeBuffer_);
  glGenVertexArrays(1, &nodeVao_);
  glGenVertexArrays(1, &edgeVao_);
  setupVao(nodeVao_, nodeBuffer_, true);
  setupVao(edgeVao_, edgeBuffer_, false);
  glBindVertexArray(0);
  nodeCount_ = edgeCount_ = 0;
  nodeCapacity_ = edgeCapacity_ = indexQuads_ = 0;
  return true;
}

void GraphRenderer::destroy() {
  if (nodeProgram_) glDeleteProgram(nodeProgram_);
  if (edgeProgram_) glDeleteProgram(edgeProgram_);
  GLuint buffers[] = {indices_, nodeBuffer_, edgeBuffer_};
  for (GLuint b : buffers) if (b) glDeleteBuffers(1, &b);
  GLuint vaos[] = {nodeVao_, edgeVao_};
  for (GLuint v : vaos) if (v) glDeleteVertexArrays(1, &v);
  if (cacheTexture_) glDeleteTextures(1, &cacheTexture_);
  if (cacheFramebuffer_) glDeleteFramebuffers(1, &cacheFramebuffer_);
  nodeProgram_ = edgeProgram_ = indices_ = nodeBuffer_ = edgeBuffer_ = nodeVao_ = edgeVao_ = 0;
  cacheTexture_ = cacheFramebuffer_ = 0;
  cacheWidth_ = cacheHeight_ = 0;
  ++cacheGeneration_;
}

bool GraphRenderer::ensureCache(int width, int height) {
  if (!ready() || width <= 0 || height <= 0) return false;
  if (cacheTexture_ && width == cacheWidth_ && height == cacheHeight_) return true;
  if (!cacheTexture_) glGenTextures(1, &cacheTexture_);
  if (!cacheFramebuffer_) glGenFramebuffers(1, &cacheFramebuffer_);
  glBindTexture(GL_TEXTURE_2D, cacheTexture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  ++cacheGeneration_;
  glBindFramebuffer(GL_FRAMEBUFFER, cacheFramebuffer_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, cacheTexture_, 0);
  const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  cacheWidth_ = width;
  cacheHeight_ = height;
  if (!complete) {  // no cache: the view draws directly
    glDeleteTextures(1, &cacheTexture_);
    cacheTexture_ = 0;
    cacheWidth_ = cacheHeight_ = 0;
  }
  return complete;
}

void GraphRenderer::renderCache(const Camera2D& cam, float pixelRatio, const GraphDrawStyle& style,
                                uint32_t background) {
  if (!cacheTexture_) return;
  glBindFramebuffer(GL_FRAMEBUFFER, cacheFramebuffer_);
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, cacheWidth_, cacheHeight_);
  setClearColour(background | 0xFF000000u);  // opaque: the picture replaces what is under it
  glClear(GL_COLOR_BUFFER_BIT);
  draw(0, 0, cacheWidth_, cacheHeight_, cam, pixelRatio, style);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void GraphRenderer::showCache(float x0, float y0, float x1, float y1, int vx, int vy, int vw, int vh) {
  if (!cacheTexture_ || vw <= 0 || vh <= 0) return;
  glEnable(GL_SCISSOR_TEST);  // blits obey the scissor: the picture stays inside the view
  glScissor(vx, vy, vw, vh);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, cacheFramebuffer_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  const int dx0 = static_cast<int>(std::lround(x0)), dy0 = static_cast<int>(std::lround(y0));
  const int dx1 = static_cast<int>(std::lround(x1)), dy1 = static_cast<int>(std::lround(y1));
  const bool sameSize = dx1 - dx0 == cacheWidth_ && dy1 - dy0 == cacheHeight_;
  glBlitFramebuffer(0, 0, cacheWidth_, cacheHeight_, dx0, dy0, dx1, dy1, GL_COLOR_BUFFER_BIT,
                    sameSize ? GL_NEAREST : GL_LINEAR);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
}

void GraphRenderer::setupVao(GLuint vao, GLuint vertices, bool nodes) {
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, vertices);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);  // part of the VAO's state
  auto attr = [](GLuint loc, GLint n, GLenum type, GLboolean norm, GLsizei stride, size_t offset) {
    glEnableVertexAttribArray(loc);
    glVertexAttribPointer(loc, n, type, norm, stride, reinterpret_cast<const void*>(offset));
  };
  if (nodes) {
    using V = Corner<NodeInstance>;
    attr(0, 2, GL_BYTE, GL_FALSE, sizeof(V), offsetof(V, cx));
    attr(1, 3, GL_FLOAT, GL_FALSE, sizeof(V), offsetof(V, item) + offsetof(NodeInstance, x));
    attr(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(V), offsetof(V, item) + offsetof(NodeInstance, rgba));
    attr(3, 2, GL_FLOAT, GL_FALSE, sizeof(V), offsetof(V, item) + offsetof(NodeInstance, shape));
  } else {
    using V = Corner<EdgeInstance>;
    attr(0, 2, GL_BYTE, GL_FALSE, sizeof(V), offsetof(V, cx));
    attr(1, 4, GL_FLOAT, GL_FALSE, sizeof(V), offsetof(V, item) + offsetof(EdgeInstance, x0));
    attr(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(V), offsetof(V, item) + offsetof(EdgeInstance, rgba));
    attr(3, 2, GL_FLOAT, GL_FALSE, sizeof(V), offsetof(V, item) + offsetof(EdgeInstance, width));
  }
}

// Two triangles per quad over its corners 0..3 ((-1,-1), (1,-1), (-1,1), (1,1)); grown, never shrunk.
void GraphRenderer::ensureIndices(size_t quads) {
  if (quads <= indexQuads_) return;
  indexQuads_ = quads + quads / 2;
  std::vector<uint32_t> idx(indexQuads_ * 6);
  for (size_t q = 0; q < indexQuads_; ++q) {
    const uint32_t v = static_cast<uint32_t>(q * 4);
    const uint32_t tri[6] = {v, v + 1, v + 2, v + 2, v + 1, v + 3};
    std::copy(tri, tri + 6, idx.begin() + static_cast<std::ptrdiff_t>(q * 6));
  }
  glBindVertexArray(0);  // so the upload below does not depend on which VAO is bound
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(idx.size() * sizeof(uint32_t)), idx.data(),
               GL_STATIC_DRAW);
}

namespace {
template <class V, class Item>
void expand(const Item& item, V* out) {
  static const int8_t kCorners[4][2] = {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}};
  for (int k = 0; k < 4; ++k) out[k] = V{item, kCorners[k][0], kCorners[k][1], {0, 0}};
}
}  // namespace

// Grows a buffer only when needed; otherwise updates in place.
template <class Item>
void GraphRenderer::upload(GLuint buffer, const std::vector<Item>& items, size_t& capacity,
                           std::vector<Corner<Item>>& scratch) {
  scratch.resize(items.size() * 4);
  for (size_t i = 0; i < items.size(); ++i) expand(items[i], &scratch[i * 4]);
  glBindBuffer(GL_ARRAY_BUFFER, buffer);
  if (items.size() > capacity) {
    capacity = items.size() + items.size() / 2;
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(capacity * 4 * sizeof(Corner<Item>)), nullptr,
                 GL_DYNAMIC_DRAW);
    ensureIndices(capacity);
  }
  if (!scratch.empty())
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(scratch.size() * sizeof(Corner<Item>)), scratch.data());
}

void GraphRenderer::setNodes(const std::vector<NodeInstance>& nodes) {
  if (!ready()) return;
  upload(nodeBuffer_, nodes, nodeCapacity_, nodeScratch_);
  nodeCount_ = static_cast<GLsizei>(nodes.size());
}

void GraphRenderer::setEdges(const std::vector<EdgeInstance>& edges) {
  if (!ready()) return;
  upload(edgeBuffer_, edges, edgeCapacity_, edgeScratch_);
  edgeCount_ = static_cast<GLsizei>(edges.size());
}

void GraphRenderer::setUniforms(GLuint prog, const Camera2D& cam, int width, int height, float pixelRatio,
                                float minRadiusPx) {
  glUseProgram(prog);
  glUniform2f(glGetUniformLocation(prog, "uCentre"), cam.centreX, cam.centreY);
  glUniform1f(glGetUniformLocation(prog, "uScale"), cam.scale * pixelRatio);
  glUniform2f(glGetUniformLocation(prog, "uViewport"), static_cast<float>(width), static_cast<float>(height));
  glUniform1f(glGetUniformLocation(prog, "uMinRadiusPx"), minRadiusPx * pixelRatio);
}

void GraphRenderer::draw(int x, int y, int width, int height, const Camera2D& cam, float pixelRatio,
                         const GraphDrawStyle& style) {
  const float minRadiusPx = style.minRadiusPx;
  if (!ready() || width <= 0 || height <= 0) return;
  glViewport(x, y, width, height);
  glEnable(GL_SCISSOR_TEST);
  glScissor(x, y, width, height);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // the shaders output premultiplied colour
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  if (edgeCount_) {
    setUniforms(edgeProgram_, cam, width, height, pixelRatio, minRadiusPx);
    glBindVertexArray(edgeVao_);
    glUniform1f(glGetUniformLocation(edgeProgram_, "uEdgeOpacity"), style.edgeOpacity);
    const GLint mode = glGetUniformLocation(edgeProgram_, "uMode");
    glUniform1i(mode, 0);
    glDrawElements(GL_TRIANGLES, edgeCount_ * 6, GL_UNSIGNED_INT, nullptr);
    if (style.arrowheads) {
      glUniform1i(mode, 1);
      glDrawElements(GL_TRIANGLES, edgeCount_ * 6, GL_UNSIGNED_INT, nullptr);
    }
  }
  if (nodeCount_) {
    setUniforms(nodeProgram_, cam, width, height, pixelRatio, minRadiusPx);
    glBindVertexArray(nodeVao_);
    glDrawElements(GL_TRIANGLES, nodeCount_ * 6, GL_UNSIGNED_INT, nullptr);
  }
  glBindVertexArray(0);
}

}  // namespace nhsx
