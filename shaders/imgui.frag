#version 300 es
precision mediump float;
uniform sampler2D uTexture;
in vec2 vUv;
in vec4 vColour;
out vec4 fragColour;
void main() { fragColour = vColour * texture(uTexture, vUv); }
