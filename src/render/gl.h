// The OpenGL headers for each platform: WebGL2 (GLES 3.0) in the browser, GL 3.3 core on the desktop.
#pragma once
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif
