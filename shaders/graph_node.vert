#version 300 es
// Per node: a screen-aligned quad around the node, shaped in the fragment shader.
precision highp float;
precision highp int;
layout(location = 0) in vec2 aCorner;      // this corner of the quad, -1 or 1 on each axis
layout(location = 1) in vec3 aNode;        // x, y (world), radius (world)
layout(location = 2) in vec4 aColour;      // rgba (normalised bytes)
layout(location = 3) in vec2 aStyle;       // shape id, outline (0 none, 1 selected, 2 neighbour, 3 new)
uniform vec2 uCentre;        // world point at the viewport centre
uniform float uScale;        // pixels per world unit
uniform vec2 uViewport;      // viewport size in pixels
uniform float uMinRadiusPx;  // nodes never shrink below this
out vec2 vLocal;
out vec4 vColour;
out vec2 vStyle;
out float vRadiusPx;
void main() {
  float rPx = max(aNode.z * uScale, uMinRadiusPx);
  // The quad just covers the shape (the triangle reaches 1.45 r, the diamond 1.25 r), its outline ring and
  // a pixel of anti-aliasing: every pixel of it is shaded and blended, so it is kept tight.
  float extent = aStyle.x < 1.5 ? 1.0 : aStyle.x < 2.5 ? 1.25 : aStyle.x < 3.5 ? 1.45 : 1.05;
  float pad = rPx * extent + (aStyle.y > 2.5 ? 2.5 : 1.5);
  vec2 px = (aNode.xy - uCentre) * uScale + aCorner * pad;
  gl_Position = vec4(px / (uViewport * 0.5) * vec2(1.0, -1.0), 0.0, 1.0);
  vLocal = aCorner * pad;
  vColour = aColour;
  vStyle = aStyle;
  vRadiusPx = rPx;
}
