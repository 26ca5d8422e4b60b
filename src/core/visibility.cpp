#include "core/visibility.h"

#include "core/time_filter.h"

namespace nhsx {

namespace {
bool existsAt(const DateField& d, int32_t day, int32_t publishedDay = INT32_MAX) {
  const Existence e = existenceAt(d, day, publishedDay);
  return e == Existence::Undated || e == Existence::Exists;
}
}  // namespace

bool updateVisibility(const Corpus& c, const AppState& s, Visibility& v) {
  const bool corpusChanged = v.corpusVersion != s.corpusVersion || v.filtered.entityVisible.size() != c.entities.size();
  const bool filterChanged = corpusChanged || v.spec != s.filter;
  const bool compareChanged = corpusChanged || v.compareFirst != s.compareFirst || v.compareSecond != s.compareSecond;
  if (!filterChanged && !compareChanged && v.asOf == s.asOf) return false;
  if (compareChanged) {
    v.comparison = s.comparing() ? std::make_shared<const Comparison>(compareDates(c, s.compareFirst, s.compareSecond)) : nullptr;
    v.compareFirst = s.compareFirst;
    v.compareSecond = s.compareSecond;
  }
  if (corpusChanged || !v.index) {
    v.index = std::make_shared<const FilterIndex>(c);
    v.publishedDay = publicationDays(c);
  }
  if (filterChanged) {
    v.filtered = applyFilter(*v.index, s.filter);
    v.spec = s.filter;
    ++v.filterVersion;
  }
  v.corpusVersion = s.corpusVersion;
  v.asOf = s.asOf;
  v.entityAt = v.filtered.entityVisible;
  v.relationAt = v.filtered.relationVisible;
  v.entitiesAt = v.filtered.entities;
  v.relationsAt = v.filtered.relations;
  if (v.comparison) {
    // What existed at either date, less the old name of a renaming between them.
    const Comparison& cmp = *v.comparison;
    std::vector<uint8_t> renamedAway(c.entities.size(), 0);
    for (const EntityChange& ch : cmp.entities)
      if (ch.kind == ChangeKind::Renamed) renamedAway[ch.entity] = 1;
    for (size_t i = 0; i < c.entities.size(); ++i) {
      if (v.entityAt[i] && ((!cmp.stateFirst[i] && !cmp.stateSecond[i]) || renamedAway[i])) { v.entityAt[i] = 0; --v.entitiesAt; }
    }
    for (size_t i = 0; i < c.relations.size(); ++i) {
      if (!v.relationAt[i]) continue;
      const Relation& r = c.relations[i];
      if (!v.entityAt[r.from] || !v.entityAt[r.to] ||
          (!existsAt(r.date, cmp.first) && !existsAt(r.date, cmp.second))) { v.relationAt[i] = 0; --v.relationsAt; }
    }
  } else if (s.asOf != kNoDay) {
    for (size_t i = 0; i < c.entities.size(); ++i) {
      if (v.entityAt[i] && !existsAt(c.entities[i].date, s.asOf, v.publishedDay[i])) { v.entityAt[i] = 0; --v.entitiesAt; }
    }
    for (size_t i = 0; i < c.relations.size(); ++i) {
      if (!v.relationAt[i]) continue;
      const Relation& r = c.relations[i];
      if (!v.entityAt[r.from] || !v.entityAt[r.to] || !existsAt(r.date, s.asOf)) { v.relationAt[i] = 0; --v.relationsAt; }
    }
  }
  ++v.version;
  return true;
}

}  // namespace nhsx
