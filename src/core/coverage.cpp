#include "core/coverage.h"

namespace nhsx {
namespace {

// Adds one item to `row` and its citations to the per-source counts.
void count(const Corpus& c, CoverageRow& row, std::vector<SourceUse>& uses, bool dated,
           const std::vector<const std::vector<Citation>*>& lists) {
  ++row.items;
  if (dated) ++row.dated;
  bool seed = false, any = false, internal = false;
  for (const auto* list : lists) {
    for (const Citation& cit : *list) {
      any = true;
      ++uses[cit.source].citations;
      const Source& s = c.sources[cit.source];
      if (!s.seed.empty()) seed = true;
      if (!s.external) internal = true;
    }
  }
  if (seed) ++row.citeSeed;
  if (any && !internal) ++row.externalOnly;
}

}  // namespace

Coverage coverageOf(const Corpus& c) {
  Coverage out;
  for (const Source& s : c.sources) out.sources.push_back({s.id, s.title, !s.seed.empty(), 0});
  out.rows.resize(kKindCount + 2);
  for (int k = 0; k < kKindCount; ++k) out.rows[k].label = std::string(kindPlural(static_cast<Kind>(k)));
  CoverageRow& rels = out.rows[kKindCount];
  CoverageRow& events = out.rows[kKindCount + 1];
  rels.label = "Relations";
  events.label = "Events";
  for (const Entity& e : c.entities) {
    std::vector<const std::vector<Citation>*> lists{&e.citations};
    for (const Figure& f : e.figures) lists.push_back(&f.citations);
    count(c, out.rows[static_cast<int>(e.kind)], out.sources, e.date.present(), lists);
  }
  for (const Relation& r : c.relations) count(c, rels, out.sources, r.date.present(), {&r.citations});
  for (const Event& e : c.events) count(c, events, out.sources, e.date.present(), {&e.citations});
  for (const Story& s : c.stories) {
    for (const StoryStep& step : s.steps) {
      for (const Citation& cit : step.citations) ++out.sources[cit.source].citations;
    }
  }
  return out;
}

std::string formatCoverage(const Coverage& cov) {
  std::string out = "| what | items | dated | cite a seed | only external sources |\n|---|---|---|---|---|\n";
  for (const CoverageRow& r : cov.rows) {
    out += "| " + r.label + " | " + std::to_string(r.items) + " | " + std::to_string(r.dated) + " | " +
           std::to_string(r.citeSeed) + " | " + std::to_string(r.externalOnly) + " |\n";
  }
  out += "\n| source | kind | citations |\n|---|---|---|\n";
  for (const SourceUse& s : cov.sources) {
    out += "| " + s.title + " (`" + s.id + "`) | " + (s.seed ? "seed document" : "external") + " | " +
           std::to_string(s.citations) + " |\n";
  }
  return out;
}

}  // namespace nhsx
