#version 300 es
// Per edge: a quad along the segment (mode 0) or an arrowhead at its target (mode 1).
precision highp float;
precision highp int;
layout(location = 0) in vec2 aCorner;     // this corner of the edge's quad, -1 or 1 on each axis
layout(location = 1) in vec4 aEnds;       // x0, y0, x1, y1 (world)
layout(location = 2) in vec4 aColour;
layout(location = 3) in vec2 aStyle;      // width px, target radius (world) for the arrowhead
uniform vec2 uCentre;
uniform float uScale;
uniform vec2 uViewport;
uniform float uMinRadiusPx;
uniform int uMode;
out vec4 vColour;
out float vAcross;
out float vWidth;
void main() {
  vec2 a = (aEnds.xy - uCentre) * uScale;
  vec2 b = (aEnds.zw - uCentre) * uScale;
  vec2 dir = b - a;
  float len = max(length(dir), 1e-4);
  dir /= len;
  vec2 nrm = vec2(-dir.y, dir.x);
  float targetPx = max(aStyle.y * uScale, uMinRadiusPx) + 1.5;
  float width = aStyle.x;
  float along = aCorner.x * 0.5 + 0.5;  // 0 at the source end, 1 at the target end
  vec2 px;
  if (uMode == 0) {
    float halfWidth = width * 0.5 + 0.6;  // feathered over the outer 0.6 px: every covered pixel is blended
    px = mix(a, b - dir * targetPx, along) + nrm * aCorner.y * halfWidth;
    vAcross = aCorner.y * halfWidth;
  } else {
    // Arrowhead: a triangle whose tip touches the target's edge; hidden when the edge is too short.
    float size = 4.0 + width * 2.5;
    vec2 tip = b - dir * targetPx;
    px = tip - dir * size * along + nrm * aCorner.y * size * 0.55 * along;
    vAcross = 0.0;
    if (len < targetPx + size * 2.0) px = tip;
  }
  gl_Position = vec4(px / (uViewport * 0.5) * vec2(1.0, -1.0), 0.0, 1.0);
  vColour = aColour;
  vWidth = width;
}
