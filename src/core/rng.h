// SplitMix64: a small, fast random generator that gives the same sequence on every platform (integer
// only), so generated corpora, graphs and benchmark inputs are identical natively and in wasm.
#pragma once
#include <cstdint>

namespace nhsx {

struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
  float uniform(float lo, float hi) { return lo + (hi - lo) * static_cast<float>(next() >> 40) / 16777216.f; }
};

}  // namespace nhsx
