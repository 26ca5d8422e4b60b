#include "render/imgui_renderer.h"

#include <imgui.h>

#include <cstdint>
#include <cstring>

#include "render/shader_program.h"
#include "shaders_gen.h"

namespace nhsx {

bool ImGuiRenderer::init(std::string& error) {
  destroy();
  program_ = buildProgram(shaders::imgui_vert, shaders::imgui_frag, error);
  if (!program_) return false;
  projection_ = glGetUniformLocation(program_, "uProjection");
  texture_ = glGetUniformLocation(program_, "uTexture");
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ibo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);  // recorded in the vertex array
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  pointAttributes(0);
  glBindVertexArray(0);
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "nhsx_imgui_renderer";
  // Draw lists of more than 65,536 vertices (a timeline of 20k items) with 16-bit indices: ImGui starts a
  // new command with a vertex offset, which render() honours by pointing the attributes there (WebGL 2
  // has no base-vertex draw). Without this flag the indices wrapped and drew long stray triangles.
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  // No font texture yet: the first frame builds the atlas for the font it has by then (Fonts::update,
  // before every frame) and uploads it; made here, it was the fallback font's, built and thrown away.
  return true;
}

void ImGuiRenderer::destroy() {
  forgetLast();
  if (fontTexture_) glDeleteTextures(1, &fontTexture_);
  if (vbo_) glDeleteBuffers(1, &vbo_);
  if (ibo_) glDeleteBuffers(1, &ibo_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (program_) glDeleteProgram(program_);
  fontTexture_ = vbo_ = ibo_ = vao_ = program_ = 0;
}

void ImGuiRenderer::uploadFonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  // One byte a texel (coverage): a quarter of the RGBA upload at start-up, and cheaper to sample. The
  // shader takes it as white with that alpha, which is what the RGBA atlas holds.
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  if (fontTexture_) glDeleteTextures(1, &fontTexture_);
  glGenTextures(1, &fontTexture_);
  glBindTexture(GL_TEXTURE_2D, fontTexture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(fontTexture_)));
  forgetLast();  // the same texture name may now hold other glyphs
}

// The vertex attributes of the bound vertex array, reading from vertex `first` of the vertex buffer.
void ImGuiRenderer::pointAttributes(unsigned int first) {
  const GLsizei stride = sizeof(ImDrawVert);
  const size_t base = static_cast<size_t>(first) * sizeof(ImDrawVert);
  const auto at = [base](size_t field) { return reinterpret_cast<void*>(base + field); };
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(ImDrawVert, col)));
  pointedAt_ = first;
}

void ImGuiRenderer::setupState(ImDrawData* data, int fbWidth, int fbHeight) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glViewport(0, 0, fbWidth, fbHeight);
  const float l = data->DisplayPos.x, r = data->DisplayPos.x + data->DisplaySize.x;
  const float t = data->DisplayPos.y, b = data->DisplayPos.y + data->DisplaySize.y;
  const float ortho[16] = {2.f / (r - l), 0, 0, 0, 0, 2.f / (t - b), 0, 0, 0, 0, -1.f, 0,
                           (r + l) / (l - r), (t + b) / (b - t), 0, 1.f};
  glUseProgram(program_);
  glUniform1i(texture_, 0);
  glUniformMatrix4fv(projection_, 1, GL_FALSE, ortho);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  if (pointedAt_ != 0) pointAttributes(0);
}

namespace {
// Scissors to an ImGui clip rectangle (display coordinates, y down) in the framebuffer (y up); false when
// the rectangle is empty and nothing should be drawn.
bool scissorToClip(const ImDrawData* data, const ImVec4& clip, int fbHeight) {
  const ImVec2 off = data->DisplayPos, scale = data->FramebufferScale;
  const float x0 = (clip.x - off.x) * scale.x, y0 = (clip.y - off.y) * scale.y;
  const float x1 = (clip.z - off.x) * scale.x, y1 = (clip.w - off.y) * scale.y;
  if (x1 <= x0 || y1 <= y0) return false;
  glScissor(static_cast<int>(x0), static_cast<int>(fbHeight - y1), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0));
  return true;
}
}  // namespace

void ImGuiRenderer::render(ImDrawData* data) {
  const int fbWidth = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
  const int fbHeight = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
  if (fbWidth <= 0 || fbHeight <= 0 || !program_) return;
  setupState(data, fbWidth, fbHeight);
  const GLenum indexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  // Every list's vertices and indices in one upload each, not one per list: a new upload into a buffer
  // the last list's draws still read made the GPU side finish those draws first (in software WebGL, 30
  // of a pan frame's 33 ms waited there, one wait per window on screen).
  vertices_.clear();
  indices_.clear();
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    vertices_.insert(vertices_.end(), list->VtxBuffer.Data, list->VtxBuffer.Data + list->VtxBuffer.Size);
    indices_.insert(indices_.end(), list->IdxBuffer.Data, list->IdxBuffer.Data + list->IdxBuffer.Size);
  }
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(ImDrawVert)), vertices_.data(), GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices_.size() * sizeof(ImDrawIdx)), indices_.data(), GL_STREAM_DRAW);
  unsigned int firstVertex = 0, firstIndex = 0;  // this list's place in the uploads
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) setupState(data, fbWidth, fbHeight);
        else cmd.UserCallback(list, &cmd);  // e.g. the graph renderer: it leaves state to the reset after it
        continue;
      }
      if (!scissorToClip(data, cmd.ClipRect, fbHeight)) continue;
      if (firstVertex + cmd.VtxOffset != pointedAt_) pointAttributes(firstVertex + cmd.VtxOffset);
      glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), indexType,
                     reinterpret_cast<void*>(static_cast<intptr_t>((firstIndex + cmd.IdxOffset) * sizeof(ImDrawIdx))));
    }
    firstVertex += static_cast<unsigned int>(list->VtxBuffer.Size);
    firstIndex += static_cast<unsigned int>(list->IdxBuffer.Size);
  }
  glDisable(GL_SCISSOR_TEST);
}

namespace {
// Runs inside render(): scissor to the command's clip rectangle (the rectangle pushed around it) and clear.
void clearRectCallback(const ImDrawList*, const ImDrawCmd* cmd) {
  const ImDrawData* dd = ImGui::GetDrawData();
  if (!scissorToClip(dd, cmd->ClipRect, static_cast<int>(dd->DisplaySize.y * dd->FramebufferScale.y))) return;
  setClearColour(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(cmd->UserCallbackData)));
  glClear(GL_COLOR_BUFFER_BIT);
}
}  // namespace

namespace {
template <class T>
void append(std::vector<unsigned char>& out, const T* data, size_t count) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(data);
  out.insert(out.end(), bytes, bytes + count * sizeof(T));
}
template <class T>
void append(std::vector<unsigned char>& out, const T& value) { append(out, &value, 1); }
}  // namespace

bool ImGuiRenderer::comparable(const ImDrawData* data) {
  for (int n = 0; n < data->CmdListsCount; ++n)
    for (const ImDrawCmd& cmd : data->CmdLists[n]->CmdBuffer)
      if (cmd.UserCallback && cmd.UserCallback != ImDrawCallback_ResetRenderState && cmd.UserCallback != clearRectCallback)
        return false;
  return true;
}

bool ImGuiRenderer::sameAsLast(const ImDrawData* data, unsigned int clearColour) {
  if (!comparable(data)) {
    forgetLast();
    return false;
  }
  now_.clear();
  append(now_, data->DisplayPos);
  append(now_, data->DisplaySize);
  append(now_, data->FramebufferScale);
  append(now_, clearColour);
  append(now_, data->CmdListsCount);
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    append(now_, list->VtxBuffer.Size);
    append(now_, list->IdxBuffer.Size);
    append(now_, list->CmdBuffer.Size);
    append(now_, list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size));
    append(now_, list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      append(now_, cmd.ClipRect);
      append(now_, cmd.TextureId);
      append(now_, cmd.VtxOffset);
      append(now_, cmd.IdxOffset);
      append(now_, cmd.ElemCount);
      append(now_, cmd.UserCallback);
      append(now_, cmd.UserCallbackData);
    }
  }
  const bool same = now_.size() == last_.size() && std::memcmp(now_.data(), last_.data(), now_.size()) == 0;
  last_.swap(now_);
  return same;
}

void addClearRect(ImDrawList* list, const ImVec2& min, const ImVec2& max, unsigned int colour) {
  list->PushClipRect(min, max, false);  // the rectangle as given, even where the window clips its content
  list->AddCallback(clearRectCallback, reinterpret_cast<void*>(static_cast<uintptr_t>(colour)));
  list->PopClipRect();
}

void clearFramebuffer(int width, int height, unsigned int colour) {
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, width, height);
  setClearColour(colour);
  glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace nhsx
