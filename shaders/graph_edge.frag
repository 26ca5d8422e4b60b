#version 300 es
// Anti-aliased line body (feathered across its width) and solid arrowheads.
precision highp float;
precision highp int;
in vec4 vColour;
in float vAcross;
in float vWidth;
uniform int uMode;
uniform float uEdgeOpacity;  // level of detail: dense graphs draw their edges fainter
out vec4 outColour;
void main() {
  float a = vColour.a * uEdgeOpacity;
  if (uMode == 0) a *= clamp(vWidth * 0.5 + 0.5 - abs(vAcross), 0.0, 1.0);
  if (a <= 0.003) discard;
  outColour = vec4(vColour.rgb * a, a);
}
