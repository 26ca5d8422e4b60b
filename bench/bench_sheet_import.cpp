// bench-sheet-import: the forgiving importer and the merge on large generated sheets shaped as people
// keep them (core/sheet_gen.h): time, MB/s and peak memory, at a few sizes up to a 50 MB pair of
// sheets, so that the growth is seen to be linear. Built natively and as wasm for Node.
//   bench-sheet-import [MEGABYTES ...]     default 5 20 50 (the organisations and relations sheets together)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#ifndef __EMSCRIPTEN__
#include <sys/resource.h>
#endif

#include "core/corpus_loader.h"
#include "core/corpus_merge.h"
#include "core/sheet_gen.h"
#include "core/sheet_import.h"

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }
double cpuMsSince(std::clock_t t0) { return 1000.0 * static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC; }

// Peak resident memory of the process so far, in MB (0 where unknown).
double peakMb() {
#ifdef __EMSCRIPTEN__
  return 0;
#else
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
#endif
}

// A small map to merge onto: NHS England and ACEVO, which the generated relations name.
const char* const kMap = R"({"format": "1.0", "title": "map",
  "sources": [{"id": "src-map", "title": "Map", "publisher": "P", "external": true}],
  "entities": [
    {"id": "org-nhs-england", "kind": "organisation", "type": "arms-length-body", "name": "NHS England",
     "citations": [{"source": "src-map", "note": "n"}]},
    {"id": "org-acevo", "kind": "organisation", "type": "membership-body", "name": "ACEVO",
     "citations": [{"source": "src-map", "note": "n"}]}]})";

}  // namespace

int main(int argc, char** argv) {
  std::vector<double> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::strtod(argv[i], nullptr));
  if (sizes.empty()) sizes = {5, 20, 50};
#ifdef __EMSCRIPTEN__
  const char* where = "wasm (node)";
#else
  const char* where = "native";
#endif
  nhsx::LoadResult map = nhsx::loadCorpus(kMap);
  if (!map.ok()) return 1;
  std::printf("bench-sheet-import, %s: organisations and relations sheets together, imported with the map, then merged\n", where);
  std::printf("%8s %9s %9s %10s %9s %9s %10s %9s\n", "MB", "rows", "import", "import CPU", "MB/s", "merge", "warnings", "peak MB");
  for (double mb : sizes) {
    // About 300 bytes for an organisation row and its two relation rows.
    nhsx::SheetGenOptions g;
    g.organisations = static_cast<uint32_t>(mb * 1e6 / 300);
    g.relations = 2 * g.organisations;
    const std::string ents = nhsx::generateOrganisationsSheet(g), rels = nhsx::generateRelationsSheet(g);
    const double bytes = static_cast<double>(ents.size() + rels.size());
    nhsx::SheetImportOptions o;
    o.base = &map.corpus;
    const auto t0 = Clock::now();
    const std::clock_t c0 = std::clock();
    nhsx::SheetImportResult r = nhsx::importSheets({ents, "organisations.csv"}, {rels, "relations.csv"}, o);
    const double importMs = msSince(t0), importCpu = cpuMsSince(c0);
    if (std::getenv("BENCH_SHEET_VERBOSE")) std::printf("  peak after the import: %.0f MB (the text: %.0f MB)\n", peakMb(), bytes / 1e6);
    if (!r.ok()) {
      std::printf("import failed: %s\n", nhsx::formatImportDiagnostic(r.errors[0]).c_str());
      return 1;
    }
    const auto t1 = Clock::now();
    const size_t warnings = r.warnings.size(), rows = r.counts.rows;
    nhsx::MergeResult m = nhsx::mergeImport(map.corpus, std::move(r));  // as "Add to the map" does
    const double mergeMs = msSince(t1);
    if (!m.ok()) {
      std::printf("merge failed: %s\n", m.errors[0].message.c_str());
      return 1;
    }
    std::printf("%8.1f %9zu %7.0fms %8.0fms %9.1f %7.0fms %10zu %9.0f\n", bytes / 1e6, rows, importMs, importCpu,
                bytes / 1e6 / (importMs / 1000.0), mergeMs, warnings, peakMb());
  }
  return 0;
}
