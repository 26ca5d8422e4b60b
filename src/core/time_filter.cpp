#include "core/time_filter.h"

#include <algorithm>

namespace nhsx {

Existence existenceAt(const DateField& date, int32_t day, int32_t publishedDay) {
  if (!date.present()) return Existence::Undated;
  const Date& d = date.value;
  if (d.startBound == Bound::Date && day < d.start.firstDay() && day < publishedDay) return Existence::NotYet;
  if (d.interval && d.endBound == Bound::Date && day > d.end.lastDay()) return Existence::Ended;
  return Existence::Exists;
}

std::vector<int32_t> publicationDays(const Corpus& c) {
  std::vector<int32_t> out(c.entities.size(), INT32_MAX);
  for (const Event& v : c.events) {
    if (v.type != "publication" || v.date.value.startBound != Bound::Date) continue;
    const int32_t day = v.date.value.start.firstDay();
    for (uint32_t e : v.entities) {
      if (e < out.size() && c.entities[e].kind == Kind::Document) out[e] = std::min(out[e], day);
    }
  }
  return out;
}

}  // namespace nhsx
