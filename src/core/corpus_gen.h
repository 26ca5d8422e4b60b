// Generates large synthetic corpora (valid format 1.0) for benchmarks and scale tests.
#pragma once
#include <cstdint>
#include <string>

namespace nhsx {

struct GenOptions {
  uint32_t entities = 1000;
  uint32_t relations = 5000;
  uint32_t events = 0;
  uint32_t seed = 1;
};

// Deterministic for a given seed: the same options give byte-identical text.
std::string generateCorpus(const GenOptions& o);

}  // namespace nhsx
