// The embedded UI font: kept as TTF bytes and rasterised at the pixel size the screen needs, so text
// stays crisp at any devicePixelRatio (rebuilt, never scaled up).
#pragma once
#include <cstdint>
#include <vector>

namespace nhsx {

class Fonts {
 public:
  void setTtf(std::vector<uint8_t> bytes) { ttf_ = std::move(bytes); dirty_ = true; }
  bool hasTtf() const { return !ttf_.empty(); }
  void invalidate() { dirty_ = true; }  // rebuild and re-upload (after a lost GL context)
  // Rebuilds the atlas when the font or the pixel ratio changed; true when it did (then upload the
  // texture again). Call before NewFrame.
  bool update(float basePixels, float pixelRatio);

 private:
  std::vector<uint8_t> ttf_;
  float builtFor_ = 0;
  bool dirty_ = true;
};

}  // namespace nhsx
