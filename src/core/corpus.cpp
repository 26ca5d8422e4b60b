#include "core/corpus.h"

#include <algorithm>

namespace nhsx {

namespace {
// Counting sort of relation indices into compressed rows keyed by one endpoint.
void buildCsr(size_t n, const std::vector<Relation>& rels, bool byFrom, std::vector<uint32_t>& start,
              std::vector<uint32_t>& items) {
  start.assign(n + 1, 0);
  for (const Relation& r : rels) ++start[(byFrom ? r.from : r.to) + 1];
  for (size_t i = 0; i < n; ++i) start[i + 1] += start[i];
  items.resize(rels.size());
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (uint32_t i = 0; i < rels.size(); ++i) items[fill[byFrom ? rels[i].from : rels[i].to]++] = i;
}
}  // namespace

void Corpus::buildIndex() {
  entityById.clear();
  entityById.reserve(entities.size());
  countByKind.fill(0);
  for (uint32_t i = 0; i < entities.size(); ++i) {
    entityById.emplace(entities[i].id, i);
    ++countByKind[static_cast<int>(entities[i].kind)];
  }
  buildCsr(entities.size(), relations, true, outStart, outRel);
  buildCsr(entities.size(), relations, false, inStart, inRel);

  bool any = false;
  auto widen = [&](const Date& d) {
    const int32_t a = d.startBound == Bound::Date ? d.start.firstDay() : d.end.firstDay();
    const int32_t b = d.endBound == Bound::Date ? d.end.lastDay() : d.start.lastDay();
    if (!any) { firstDay = a; lastDay = b; any = true; }
    firstDay = std::min(firstDay, a);
    lastDay = std::max(lastDay, b);
  };
  // Sort by first day with the day computed once per item (not in every comparison); ties keep file order.
  auto sortedByDay = [](const auto& items, std::vector<uint32_t>& out, auto&& include) {
    std::vector<std::pair<int32_t, uint32_t>> keyed;
    keyed.reserve(items.size());
    for (uint32_t i = 0; i < items.size(); ++i) {
      if (include(items[i])) keyed.emplace_back(items[i].date.value.firstDay(), i);
    }
    std::sort(keyed.begin(), keyed.end());
    out.resize(keyed.size());
    for (size_t k = 0; k < keyed.size(); ++k) out[k] = keyed[k].second;
  };
  for (const Entity& e : entities) if (e.date.present()) widen(e.date.value);
  for (const Event& e : events) widen(e.date.value);
  sortedByDay(entities, datedEntities, [](const Entity& e) { return e.date.present(); });
  sortedByDay(events, eventsByDate, [](const Event&) { return true; });
  for (const Relation& r : relations) if (r.date.present()) widen(r.date.value);
  if (!any) firstDay = lastDay = 0;
}

int Corpus::findEntity(std::string_view id) const {
  auto it = entityById.find(id);
  return it == entityById.end() ? -1 : static_cast<int>(it->second);
}

}  // namespace nhsx
