#include "core/time_filter.h"

namespace nhsx {

Existence existenceAt(const DateField& date, int32_t day) {
  if (!date.present()) return Existence::Undated;
  const Date& d = date.value;
  if (d.startBound == Bound::Date && day < d.start.firstDay()) return Existence::NotYet;
  if (d.interval && d.endBound == Bound::Date && day > d.end.lastDay()) return Existence::Ended;
  return Existence::Exists;
}

}  // namespace nhsx
