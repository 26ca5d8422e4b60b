// bench-filter: FilterIndex, applyFilter and countOptions on a large generated corpus (100k entities, 500k relations
// by default), for an empty filter and for one using every facet. Prints the median wall and CPU time
// of RUNS calls each (CPU time stays meaningful on a busy shared machine, where wall time is not). Built natively and as wasm for Node (same source; no filesystem).
//   bench-filter [ENTITIES RELATIONS RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include "core/corpus_gen.h"
#include "core/corpus_loader.h"
#include "core/filter.h"

namespace {

using Clock = std::chrono::steady_clock;

template <class F>
void measure(const char* what, int runs, F&& f) {
  std::vector<double> wall, cpu;
  size_t sink = 0;  // keeps the work observable
  for (int i = 0; i < runs; ++i) {
    const auto t = Clock::now();
    const std::clock_t c = std::clock();
    sink += f();
    cpu.push_back(1000.0 * static_cast<double>(std::clock() - c) / CLOCKS_PER_SEC);
    wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("%-28s median %7.2f ms wall, %7.2f ms CPU  (shown: %zu)\n", what, wall[wall.size() / 2],
              cpu[cpu.size() / 2], sink / static_cast<size_t>(runs));
}

}  // namespace

int main(int argc, char** argv) {
  nhsx::GenOptions o;
  o.entities = argc > 1 ? static_cast<uint32_t>(std::strtoul(argv[1], nullptr, 10)) : 100000;
  o.relations = argc > 2 ? static_cast<uint32_t>(std::strtoul(argv[2], nullptr, 10)) : 500000;
  const int runs = std::max(1, argc > 3 ? std::atoi(argv[3]) : 21);

  nhsx::LoadResult r = nhsx::loadCorpus(nhsx::generateCorpus(o));
  if (!r.ok()) {
    std::fprintf(stderr, "generated corpus did not validate: %s\n",
                 nhsx::formatDiagnostic("generated", r.errors.front()).c_str());
    return 1;
  }
  const nhsx::Corpus& c = r.corpus;
  std::printf("corpus: %zu entities, %zu relations, %u themes\n", c.entities.size(), c.relations.size(),
              c.countByKind[static_cast<int>(nhsx::Kind::Theme)]);

  nhsx::FilterSpec busy;  // every facet restricted
  busy.kinds = {nhsx::Kind::Organisation, nhsx::Kind::Document, nhsx::Kind::Programme};
  busy.orgTypes = {"charity", "nhs-trust", "regulator"};
  busy.relationTypes = {nhsx::relationTypeIndex("funds"), nhsx::relationTypeIndex("works-with")};
  for (const nhsx::Entity& e : c.entities) {
    if (e.kind == nhsx::Kind::Theme && busy.themes.size() < 20) busy.themes.insert(e.id);
  }
  busy.fromDay = nhsx::daysFromCivil(1990, 1, 1);
  busy.toDay = nhsx::daysFromCivil(2010, 12, 31);

  const nhsx::FilterSpec none;
  measure("FilterIndex (once a corpus)", runs, [&] { return nhsx::FilterIndex(c).themes.size(); });
  const nhsx::FilterIndex index(c);
  measure("applyFilter, no filter", runs, [&] { return nhsx::applyFilter(index, none).entities; });
  measure("applyFilter, every facet", runs, [&] { return nhsx::applyFilter(index, busy).entities; });
  measure("countOptions, no filter", runs, [&] { return nhsx::countOptions(index, none).kinds[0]; });
  measure("countOptions, every facet", runs, [&] { return nhsx::countOptions(index, busy).kinds[0]; });
  return 0;
}
