#include "core/names_at.h"

#include <algorithm>
#include <vector>

namespace nhsx {

namespace {

struct SuccessionTypes {
  int renamed = relationTypeIndex("renamed-to");
  int merged = relationTypeIndex("merged-into");
  int succeeded = relationTypeIndex("succeeded-by");
  bool any(int t) const { return t == renamed || t == merged || t == succeeded; }
};

const SuccessionTypes& types() {
  static const SuccessionTypes t;
  return t;
}
}  // namespace

int32_t successionDay(const Corpus& c, uint32_t relation) {
  const Relation& r = c.relations.at(relation);
  if (r.date.present() && r.date.value.startBound == Bound::Date) return r.date.value.firstDay();
  const DateField& later = c.entities.at(r.to).date;
  if (later.present() && later.value.startBound == Bound::Date) return later.value.firstDay();
  const DateField& earlier = c.entities.at(r.from).date;
  if (earlier.present() && earlier.value.interval && earlier.value.endBound == Bound::Date)
    return earlier.value.lastDay() + 1;
  return Date::kOpenEnd;
}

int successorAt(const Corpus& c, uint32_t entity, int32_t day) {
  if (entity >= c.entities.size()) return -1;
  if (c.outStart.size() != c.entities.size() + 1) return static_cast<int>(entity);
  const SuccessionTypes& st = types();
  std::vector<uint32_t> seen{entity};
  auto unseen = [&](uint32_t e) { return std::find(seen.begin(), seen.end(), e) == seen.end(); };

  // Forwards: the earliest succession that has taken effect by `day`, repeatedly.
  uint32_t cur = entity;
  for (;;) {
    int best = -1;
    int32_t bestDay = 0;
    for (uint32_t i = c.outStart[cur]; i < c.outStart[cur + 1]; ++i) {
      const uint32_t r = c.outRel[i];
      if (!st.any(c.relations[r].type) || !unseen(c.relations[r].to)) continue;
      const int32_t d = successionDay(c, r);
      if (d <= day && (best < 0 || d < bestDay)) best = static_cast<int>(r), bestDay = d;
    }
    if (best < 0) break;
    cur = c.relations[static_cast<uint32_t>(best)].to;
    seen.push_back(cur);
  }
  if (cur != entity) return static_cast<int>(cur);

  // Backwards: the latest renaming into `cur` not yet in effect on `day`, repeatedly.
  for (;;) {
    int best = -1;
    int32_t bestDay = 0;
    for (uint32_t i = c.inStart[cur]; i < c.inStart[cur + 1]; ++i) {
      const uint32_t r = c.inRel[i];
      if (c.relations[r].type != st.renamed || !unseen(c.relations[r].from)) continue;
      const int32_t d = successionDay(c, r);
      if (d != Date::kOpenEnd && d > day && (best < 0 || d > bestDay)) best = static_cast<int>(r), bestDay = d;
    }
    if (best < 0) break;
    cur = c.relations[static_cast<uint32_t>(best)].from;
    seen.push_back(cur);
  }
  return static_cast<int>(cur);
}

std::string_view nameAt(const Corpus& c, uint32_t entity, int32_t day) {
  const int e = successorAt(c, entity, day);
  return e < 0 ? std::string_view() : std::string_view(c.entities[static_cast<uint32_t>(e)].name);
}

}  // namespace nhsx
