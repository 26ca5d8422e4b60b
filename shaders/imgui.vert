#version 300 es
// Dear ImGui's vertices: position in display pixels, texture coordinate, colour.
precision highp float;
layout(location = 0) in vec2 aPos;
layout(location = 1) in vec2 aUv;
layout(location = 2) in vec4 aColour;
uniform mat4 uProjection;
out vec2 vUv;
out vec4 vColour;
void main() {
  vUv = aUv;
  vColour = aColour;
  gl_Position = uProjection * vec4(aPos, 0.0, 1.0);
}
