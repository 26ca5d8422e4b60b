#include "core/view_cache.h"

namespace nhsx {

CacheUse decideCacheUse(const CacheInputs& in) {
  if (in.sceneChanged) return CacheUse::Direct;
  if (!in.cacheValid) return CacheUse::Rerender;
  if (in.sameCamera) return CacheUse::Reuse;
  const bool closeScale = in.scaleRatio >= kCacheMinScaleRatio && in.scaleRatio <= kCacheMaxScaleRatio;
  if ((in.held || in.sinceCameraMoved < kCacheSettleSeconds) && closeScale) return CacheUse::Reuse;
  return CacheUse::Rerender;
}

bool cacheNeedsFrame(CacheUse use, const CacheInputs& in) {
  return use == CacheUse::Reuse && !in.sameCamera;
}

}  // namespace nhsx
