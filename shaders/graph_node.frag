#version 300 es
// Signed distance shapes by kind, anti-aliased over one pixel, with an optional outline ring.
precision highp float;
precision highp int;
in vec2 vLocal;
in vec4 vColour;
in vec2 vStyle;
in float vRadiusPx;
out vec4 outColour;

float sdShape(vec2 p, float r, float shape) {
  if (shape < 0.5) return length(p) - r;                               // circle
  if (shape < 1.5) { vec2 d = abs(p) - vec2(r * 0.86); return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0) - r * 0.1; }  // rounded square
  if (shape < 2.5) { vec2 q = abs(p); return (q.x + q.y - r * 1.25) * 0.7071; }  // diamond
  if (shape < 3.5) {                                                   // triangle (pointing up)
    vec2 q = vec2(abs(p.x), p.y + r * 0.25);
    return max(q.x * 0.866 - q.y * 0.5, q.y) - r * 0.6;
  }
  vec2 q = abs(p);                                                     // hexagon
  return max(q.x * 0.866 + q.y * 0.5, q.y) - r * 0.9;
}

void main() {
  vec2 p = vec2(vLocal.x, -vLocal.y);
  float d = sdShape(p, vRadiusPx, vStyle.x);
  float fill = clamp(0.5 - d, 0.0, 1.0);
  vec4 c = vec4(vColour.rgb, vColour.a * fill);
  if (vStyle.y > 0.5) {
    // Outline: dark ring for the selection, accent ring for neighbours, a wider bluish green ring for
    // what is new at the second of two dates compared.
    float wide = vStyle.y > 2.5 ? 1.6 : 1.0;
    float ring = clamp(1.0 - abs(d + 1.0 * wide) / (1.6 * wide), 0.0, 1.0);
    vec3 rc = vStyle.y < 1.5 ? vec3(0.05, 0.05, 0.08) : vStyle.y < 2.5 ? vec3(0.0, 0.37, 0.72) : vec3(0.0, 0.55, 0.40);
    c.rgb = mix(c.rgb, rc, ring);
    c.a = max(c.a, ring * vColour.a);
  }
  if (c.a <= 0.003) discard;
  outColour = vec4(c.rgb * c.a, c.a);  // premultiplied
}
