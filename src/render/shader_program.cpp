#include "render/shader_program.h"

#include <vector>

namespace nhsx {

namespace {
// Shaders are written in GLSL ES 3.00 (WebGL2). Desktop GL 3.3 core takes the same code under
// "#version 330 core" (precision qualifiers are accepted and ignored there).
std::string adapt(const char* source) {
  std::string s = source;
#ifndef __EMSCRIPTEN__
  const std::string es = "#version 300 es";
  const size_t at = s.find(es);
  if (at != std::string::npos) s.replace(at, es.size(), "#version 330 core");
#endif
  return s;
}

// The info log of a shader or a program (the same calls with different GL functions).
template <class GetIv, class GetLog>
std::string infoLog(GLuint object, GetIv getIv, GetLog getLog) {
  GLint n = 0;
  getIv(object, GL_INFO_LOG_LENGTH, &n);
  std::vector<char> buf(static_cast<size_t>(n > 1 ? n : 1));
  getLog(object, static_cast<GLsizei>(buf.size()), nullptr, buf.data());
  return buf.data();
}

GLuint compile(GLenum type, const char* source) {
  const std::string text = adapt(source);
  const char* p = text.c_str();
  GLuint sh = glCreateShader(type);
  glShaderSource(sh, 1, &p, nullptr);
  glCompileShader(sh);
  return sh;
}

// Why a program did not link: each shader's compile log, then the link log.
std::string failureLog(GLuint prog, GLuint v, GLuint f) {
  std::string log;
  for (GLuint sh : {v, f}) {
    GLint ok = 0;
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (!ok) log += std::string(sh == v ? "vertex shader: " : "fragment shader: ") + infoLog(sh, glGetShaderiv, glGetShaderInfoLog);
  }
  return log + "link: " + infoLog(prog, glGetProgramiv, glGetProgramInfoLog);
}
}  // namespace

// Compile status is read only when linking fails: each status query waits for the compiler, and in a
// browser that is a synchronous round trip to the GPU process per query at start-up.
GLuint buildProgram(const char* vs, const char* fs, std::string& log) {
  const GLuint v = compile(GL_VERTEX_SHADER, vs);
  const GLuint f = compile(GL_FRAGMENT_SHADER, fs);
  GLuint prog = glCreateProgram();
  glAttachShader(prog, v);
  glAttachShader(prog, f);
  glLinkProgram(prog);
  GLint ok = 0;
  glGetProgramiv(prog, GL_LINK_STATUS, &ok);
  if (!ok) log += failureLog(prog, v, f);
  glDeleteShader(v);
  glDeleteShader(f);
  if (!ok) {
    glDeleteProgram(prog);
    return 0;
  }
  return prog;
}

}  // namespace nhsx
