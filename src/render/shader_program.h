// Compiles and links a GLSL program from the embedded sources, adapting the version line for desktop GL.
#pragma once
#include <string>

#include "render/gl.h"

namespace nhsx {

// Returns 0 and fills `log` on failure.
GLuint buildProgram(const char* vertexSource, const char* fragmentSource, std::string& log);

}  // namespace nhsx
