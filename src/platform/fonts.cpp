#include "platform/fonts.h"

#include <imgui.h>

namespace nhsx {

bool Fonts::update(float basePixels, float pixelRatio) {
  const float px = basePixels * pixelRatio;
  if (!dirty_ && px == builtFor_) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  if (ttf_.empty()) {
    io.Fonts->AddFontDefault();
  } else {
    // Latin, Latin Extended-A, general punctuation (curly quotes, dashes, ellipsis), currency, then the
    // arrows and shapes and the Font Awesome toolbar icons the web build's font adds (tools/ui-font.py);
    // glyphs a font lacks are skipped.
    static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x20A0, 0x20CF,
                                      0x2122, 0x2122, 0x2190, 0x21FF, 0x2300, 0x23FF, 0x25A0, 0x25FF,
                                      0x2600, 0x263F, 0x2700, 0x271F, 0xF000, 0xF2FF, 0};
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in ttf_
    cfg.OversampleH = 2;
    cfg.PixelSnapH = false;
    io.Fonts->AddFontFromMemoryTTF(ttf_.data(), static_cast<int>(ttf_.size()), px, &cfg, kRanges);
  }
  io.FontGlobalScale = 1.0f / pixelRatio;
  builtFor_ = px;
  dirty_ = false;
  return true;
}

}  // namespace nhsx
