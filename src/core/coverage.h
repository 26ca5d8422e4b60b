// How well a corpus is dated and sourced: the figures `explorer-validate --report` prints, so that the
// coverage of the bundled corpus (and of a charity's own) can be seen and compared over time.
#pragma once
#include <string>
#include <vector>

#include "core/corpus.h"

namespace nhsx {

struct CoverageRow {
  std::string label;          // a kind's plural ("Organisations"), "Relations" or "Events"
  size_t items = 0;
  size_t dated = 0;           // with a date of their own
  size_t citeSeed = 0;        // at least one citation of a seed document
  size_t externalOnly = 0;    // every citation from an external source
};

struct SourceUse {
  std::string id, title;
  bool seed = false;
  size_t citations = 0;       // citations of this source across entities, figures, relations, events and stories
};

struct Coverage {
  std::vector<CoverageRow> rows;   // one per kind, then relations, then events
  std::vector<SourceUse> sources;  // in the corpus's order
};

Coverage coverageOf(const Corpus& corpus);

// The report as two Markdown tables (per kind, per source).
std::string formatCoverage(const Coverage& coverage);

}  // namespace nhsx
