// The OpenGL headers for each platform: WebGL2 (GLES 3.0) in the browser, GL 3.3 core on the desktop.
#pragma once
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif

#include <cstdint>

namespace nhsx {
// glClearColor from a colour packed as Dear ImGui packs it, 0xAABBGGRR.
inline void setClearColour(uint32_t c) {
  glClearColor(static_cast<float>(c & 0xFF) / 255.f, static_cast<float>((c >> 8) & 0xFF) / 255.f,
               static_cast<float>((c >> 16) & 0xFF) / 255.f, static_cast<float>((c >> 24) & 0xFF) / 255.f);
}
}  // namespace nhsx
