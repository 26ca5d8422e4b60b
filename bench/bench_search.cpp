// bench-search: search index build, per-keystroke query time and shortest-path time on a generated
// corpus (100k entities, 500k relations by default). Built natively and as wasm for Node.
//   bench-search [ENTITIES RELATIONS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "core/corpus_gen.h"
#include "core/corpus_loader.h"
#include "core/paths.h"
#include "core/rng.h"
#include "core/search.h"

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }
// CPU time as well as wall time: on a shared machine wall time also counts waiting for a core.
// (Emscripten's clock() is wall time, so the wasm build prints wall time only.)
double cpuMsSince(std::clock_t t0) { return 1000.0 * static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC; }
#ifdef __EMSCRIPTEN__
constexpr bool kHasCpuTime = false;
#else
constexpr bool kHasCpuTime = true;
#endif
std::string timing(double wallMs, double cpuMs) {
  char buf[64];
  if (kHasCpuTime) std::snprintf(buf, sizeof buf, "%.1f ms wall, %.1f ms CPU", wallMs, cpuMs);
  else std::snprintf(buf, sizeof buf, "%.1f ms wall", wallMs);
  return buf;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// What people type, typos included; the generated corpus's names are words of a small vocabulary
// ("Mental Health Trust 4711"), aliases "E4711".
const char* const kQueries[] = {
    "mental health trust",  "helth",           "cancer suport",      "priamry care",     "hospitl",
    "foundation trust 4711", "e4711",          "digital prevention", "comunity network", "regional charity",
    "partnersihp",          "mental helth 42", "support network 9",  "cnacer charity",   "prevention",
    "care",                 "trust 99999",     "macmillan",          "hospital care trust regional", "nhs england",
};
}  // namespace

int main(int argc, char** argv) {
  nhsx::GenOptions o;
  o.entities = argc > 1 ? static_cast<uint32_t>(std::strtoul(argv[1], nullptr, 10)) : 100000;
  o.relations = argc > 2 ? static_cast<uint32_t>(std::strtoul(argv[2], nullptr, 10)) : 500000;
  o.events = o.entities / 10;
#ifdef __EMSCRIPTEN__
  const char* where = "wasm (node)";
#else
  const char* where = "native";
#endif
  nhsx::LoadResult r = nhsx::loadCorpus(nhsx::generateCorpus(o));
  if (!r.ok()) {
    std::fprintf(stderr, "generated corpus did not validate: %s\n",
                 nhsx::formatDiagnostic("generated", r.errors.front()).c_str());
    return 1;
  }
  const nhsx::Corpus& c = r.corpus;
  std::printf("search bench [%s]: %u entities, %u relations, %u events\n", where, o.entities, o.relations, o.events);

  auto t0 = Clock::now();
  std::clock_t c0 = std::clock();
  nhsx::SearchIndex ix;
  ix.build(c);
  std::printf("  index build: %s (%zu words, %zu postings)\n", timing(msSince(t0), cpuMsSince(c0)).c_str(),
              ix.tokenCount(), ix.postingCount());

  {
    const auto t1 = Clock::now();
    const std::clock_t c1 = std::clock();
    nhsx::SearchIndex own;
    own.build(c, false);
    std::printf("  index build without relation and event quotes: %s\n", timing(msSince(t1), cpuMsSince(c1)).c_str());
  }

  // Every prefix of every query, as if typed one key at a time.
  std::vector<double> ms, cpu;
  size_t hits = 0;
  std::string slowest;
  for (const char* q : kQueries) {
    const std::string full(q);
    for (size_t n = 1; n <= full.size(); ++n) {
      t0 = Clock::now();
      c0 = std::clock();
      hits += ix.query(std::string_view(full).substr(0, n)).size();
      cpu.push_back(cpuMsSince(c0));
      ms.push_back(msSince(t0));
      if (ms.back() >= percentile(ms, 1.0)) slowest = full.substr(0, n);
      if (std::getenv("BENCH_VERBOSE")) std::printf("    %-32s %7.3f ms CPU\n", full.substr(0, n).c_str(), cpu.back());
    }
  }
  std::printf("  query per keystroke, wall: median %.3f ms, p95 %.3f ms, max %.3f ms (\"%s\"; %zu keystrokes, %zu hits)\n",
              percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 1.0), slowest.c_str(), ms.size(), hits);
  if (kHasCpuTime)
    std::printf("  query per keystroke, CPU: median %.3f ms, p95 %.3f ms, max %.3f ms\n", percentile(cpu, 0.5),
                percentile(cpu, 0.95), percentile(cpu, 1.0));

  nhsx::Rng rng{42};
  std::vector<double> pathMs;
  size_t found = 0, steps = 0;
  for (int i = 0; i < 200; ++i) {
    const uint32_t a = rng.below(o.entities), b = rng.below(o.entities);
    t0 = Clock::now();
    const auto ps = nhsx::shortestPaths(c, a, b, 5);
    pathMs.push_back(msSince(t0));
    found += ps.size();
    if (!ps.empty()) steps += ps[0].steps.size();
  }
  std::printf("  shortest paths (random pairs, up to 5): median %.3f ms, p95 %.3f ms (200 pairs, %zu paths, %.1f hops on average)\n",
              percentile(pathMs, 0.5), percentile(pathMs, 0.95), found, static_cast<double>(steps) / 200.0);
  return 0;
}
