#version 300 es
precision mediump float;
uniform sampler2D uTexture;
in vec2 vUv;
in vec4 vColour;
out vec4 fragColour;
// The font atlas is one channel of coverage (ImGuiRenderer::uploadFonts): white, with that alpha.
void main() { fragColour = vec4(vColour.rgb, vColour.a * texture(uTexture, vUv).r); }
