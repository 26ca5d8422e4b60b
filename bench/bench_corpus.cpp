// bench-corpus: load + validate + index a generated corpus (100k entities, 500k relations by default)
// and print size, median time and throughput. Built natively and as wasm for Node (same source).
//   bench-corpus [ENTITIES RELATIONS RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/corpus_gen.h"
#include "core/corpus_loader.h"

int main(int argc, char** argv) {
  nhsx::GenOptions o;
  o.entities = argc > 1 ? static_cast<uint32_t>(std::strtoul(argv[1], nullptr, 10)) : 100000;
  o.relations = argc > 2 ? static_cast<uint32_t>(std::strtoul(argv[2], nullptr, 10)) : 500000;
  o.events = o.entities / 10;
  const int runs = argc > 3 ? std::atoi(argv[3]) : 5;
  const std::string text = nhsx::generateCorpus(o);
  const double mb = static_cast<double>(text.size()) / 1e6;
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    nhsx::LoadResult r = nhsx::loadCorpus(text);
    const auto t1 = std::chrono::steady_clock::now();
    if (!r.ok()) {
      std::fprintf(stderr, "generated corpus did not validate: %s\n",
                   nhsx::formatDiagnostic("generated", r.errors.front()).c_str());
      return 1;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  const double median = ms[ms.size() / 2];
#ifdef __EMSCRIPTEN__
  const char* where = "wasm (node)";
#else
  const char* where = "native";
#endif
  std::printf("corpus load+validate+index [%s]: %u entities, %u relations, %u events, %.1f MB\n", where,
              o.entities, o.relations, o.events, mb);
  std::printf("  runs %d  median %.1f ms  min %.1f ms  max %.1f ms  throughput %.1f MB/s (median)\n", runs, median,
              ms.front(), ms.back(), mb / (median / 1000.0));
  return 0;
}
