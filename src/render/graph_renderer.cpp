#include "render/graph_renderer.h"

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
  // A unit quad as a triangle strip; nodes read it as -1..1, edges as (0..1, -1..1).
  const float corners[] = {-1, -1, 1, -1, -1, 1, 1, 1};
  glGenBuffers(1, &quad_);
  glBindBuffer(GL_ARRAY_BUFFER, quad_);
  glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
  glGenBuffers(1, &nodeBuffer_);
  glGenBuffers(1, &edgeBuffer_);
  glGenVertexArrays(1, &nodeVao_);
  glGenVertexArrays(1, &edgeVao_);
  setupVao(nodeVao_, nodeBuffer_, true);
  setupVao(edgeVao_, edgeBuffer_, false);
  glBindVertexArray(0);
  nodeCount_ = edgeCount_ = 0;
  nodeCapacity_ = edgeCapacity_ = 0;
  return true;
}

void GraphRenderer::destroy() {
  if (nodeProgram_) glDeleteProgram(nodeProgram_);
  if (edgeProgram_) glDeleteProgram(edgeProgram_);
  GLuint buffers[] = {quad_, nodeBuffer_, edgeBuffer_};
  for (GLuint b : buffers) if (b) glDeleteBuffers(1, &b);
  GLuint vaos[] = {nodeVao_, edgeVao_};
  for (GLuint v : vaos) if (v) glDeleteVertexArrays(1, &v);
  nodeProgram_ = edgeProgram_ = quad_ = nodeBuffer_ = edgeBuffer_ = nodeVao_ = edgeVao_ = 0;
}

void GraphRenderer::setupVao(GLuint vao, GLuint instances, bool nodes) {
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, quad_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, instances);
  auto attr = [](GLuint loc, GLint n, GLenum type, GLboolean norm, GLsizei stride, size_t offset) {
    glEnableVertexAttribArray(loc);
    glVertexAttribPointer(loc, n, type, norm, stride, reinterpret_cast<const void*>(offset));
    glVertexAttribDivisor(loc, 1);
  };
  if (nodes) {
    const GLsizei s = sizeof(NodeInstance);
    attr(1, 3, GL_FLOAT, GL_FALSE, s, offsetof(NodeInstance, x));
    attr(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, s, offsetof(NodeInstance, rgba));
    attr(3, 2, GL_FLOAT, GL_FALSE, s, offsetof(NodeInstance, shape));
  } else {
    const GLsizei s = sizeof(EdgeInstance);
    attr(1, 4, GL_FLOAT, GL_FALSE, s, offsetof(EdgeInstance, x0));
    attr(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, s, offsetof(EdgeInstance, rgba));
    attr(3, 2, GL_FLOAT, GL_FALSE, s, offsetof(EdgeInstance, width));
  }
}

namespace {
// Grows a buffer only when needed; otherwise updates in place.
template <class T>
void upload(GLuint buffer, const std::vector<T>& items, size_t& capacity) {
  glBindBuffer(GL_ARRAY_BUFFER, buffer);
  const size_t bytes = items.size() * sizeof(T);
  if (items.size() > capacity) {
    capacity = items.size() + items.size() / 2;
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(capacity * sizeof(T)), nullptr, GL_DYNAMIC_DRAW);
  }
  if (bytes) glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), items.data());
}
}  // namespace

namespace {
template <class T>
void uploadSome(GLuint buffer, const std::vector<T>& items, const std::vector<uint32_t>& changed, size_t capacity) {
  glBindBuffer(GL_ARRAY_BUFFER, buffer);
  for (uint32_t i : changed) {
    if (i >= items.size() || i >= capacity) continue;
    glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(i * sizeof(T)), sizeof(T), &items[i]);
  }
}
}  // namespace

void GraphRenderer::updateNodes(const std::vector<NodeInstance>& nodes, const std::vector<uint32_t>& changed) {
  if (ready()) uploadSome(nodeBuffer_, nodes, changed, nodeCapacity_);
}

void GraphRenderer::updateEdges(const std::vector<EdgeInstance>& edges, const std::vector<uint32_t>& changed) {
  if (ready()) uploadSome(edgeBuffer_, edges, changed, edgeCapacity_);
}

void GraphRenderer::setNodes(const std::vector<NodeInstance>& nodes) {
  if (!ready()) return;
  upload(nodeBuffer_, nodes, nodeCapacity_);
  nodeCount_ = static_cast<GLsizei>(nodes.size());
}

void GraphRenderer::setEdges(const std::vector<EdgeInstance>& edges) {
  if (!ready()) return;
  upload(edgeBuffer_, edges, edgeCapacity_);
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
                         float minRadiusPx, float edgeOpacity) {
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
    glUniform1f(glGetUniformLocation(edgeProgram_, "uEdgeOpacity"), edgeOpacity);
    const GLint mode = glGetUniformLocation(edgeProgram_, "uMode");
    glUniform1i(mode, 0);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, edgeCount_);
    glUniform1i(mode, 1);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, edgeCount_);
  }
  if (nodeCount_) {
    setUniforms(nodeProgram_, cam, width, height, pixelRatio, minRadiusPx);
    glBindVertexArray(nodeVao_);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, nodeCount_);
  }
  glBindVertexArray(0);
}

}  // namespace nhsx
