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

GLuint compile(GLenum type, const char* source, std::string& log) {
  const std::string text = adapt(source);
  const char* p = text.c_str();
  GLuint sh = glCreateShader(type);
  glShaderSource(sh, 1, &p, nullptr);
  glCompileShader(sh);
  GLint ok = 0;
  glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    log += std::string(type == GL_VERTEX_SHADER ? "vertex shader: " : "fragment shader: ") +
           infoLog(sh, glGetShaderiv, glGetShaderInfoLog);
    glDeleteShader(sh);
    return 0;
  }
  return sh;
}
}  // namespace

GLuint buildProgram(const char* vs, const char* fs, std::string& log) {
  GLuint v = compile(GL_VERTEX_SHADER, vs, log);
  GLuint f = compile(GL_FRAGMENT_SHADER, fs, log);
  if (!v || !f) {
    if (v) glDeleteShader(v);
    if (f) glDeleteShader(f);
    return 0;
  }
  GLuint prog = glCreateProgram();
  glAttachShader(prog, v);
  glAttachShader(prog, f);
  glLinkProgram(prog);
  glDeleteShader(v);
  glDeleteShader(f);
  GLint ok = 0;
  glGetProgramiv(prog, GL_LINK_STATUS, &ok);
  if (!ok) {
    log += "link: " + infoLog(prog, glGetProgramiv, glGetProgramInfoLog);
    glDeleteProgram(prog);
    return 0;
  }
  return prog;
}

}  // namespace nhsx
