// Adaptive calendar ticks for the timeline axis: the finest calendar unit whose labels do not collide at
// the current zoom, with UK labels, and a finer unit for minor ticks that nests inside it.
#pragma once
#include <string>
#include <vector>

#include "core/time_scale.h"

namespace nhsx {

// From finest to coarsest. Multi-year units fall on years divisible by their step (2010, 2015, 2000...).
enum class TickUnit : unsigned char {
  Day, Week, Month, Quarter, Year, Year2, Year5, Decade, Year20, Year50, Century, Year200, Year500,
  Millennium, Count
};

// Shortest length of one step of the unit in days (a 28-day month, a 365-day year): spacing by this
// bound keeps every pair of ticks at least that far apart, whatever the calendar does.
double tickUnitMinDays(TickUnit u);
const char* tickUnitName(TickUnit u);  // "month", "decade" ... for tests and tooltips
// Whether every tick of `coarse` is also a tick of `fine` (months nest in years; weeks nest in nothing).
bool tickUnitNests(TickUnit fine, TickUnit coarse);
// Whether day `d` (days since 1970-01-01) starts a step of the unit.
bool onTickBoundary(TickUnit u, int d);

struct Tick {
  double t = 0;       // days since 1970-01-01 (whole days: ticks are on midnight boundaries)
  float x = 0;        // scale.toX(t)
  std::string label;  // majors only: "1990s", "2014", "Nov 2012", "Nov", "13 Nov 2012", "13 Nov"
};

struct TickSet {
  TickUnit major = TickUnit::Year, minor = TickUnit::Year;
  bool hasMinor = false;
  std::vector<Tick> majors;  // sorted by t, inside [t0, t1], at least minLabelSpacingPx apart
  std::vector<Tick> minors;  // sorted, inside [t0, t1], never on a major tick; no labels
};

// Majors use the finest unit whose steps are at least minLabelSpacingPx wide (pass the widest label,
// e.g. the width of "13 Nov 2012", plus padding). Minors use the finest unit nesting in the major unit
// whose steps are at least minMinorSpacingPx wide, if any. Labels are drawn left-aligned at their tick:
// a tick names the period it opens. The first major tick in view, and any whose year differs from the
// tick before, carries the year ("Jan 2013", "2 Jan 2013"); the others do not ("Feb", "9 Jan").
void computeTicks(const TimeScale& scale, float minLabelSpacingPx, TickSet& out, float minMinorSpacingPx = 8.f);
TickUnit majorUnitFor(double pxPerDay, float minLabelSpacingPx);

// Clears the label of every major tick whose text (left-aligned at its tick, `width` of it plus `pad`)
// would reach into [xMin, xMax): the view's floating controls sit over the axis there, and a year half
// under them reads as another year. The ticks stay; returns how many labels were cleared.
template <class Width>
int clearLabelsUnder(TickSet& ticks, float xMin, float xMax, float pad, Width&& width) {
  int cleared = 0;
  if (xMax <= xMin) return 0;
  for (Tick& t : ticks.majors) {
    if (t.label.empty()) continue;
    const float a = t.x, b = t.x + pad + width(t.label);
    if (b > xMin && a < xMax) { t.label.clear(); ++cleared; }
  }
  return cleared;
}

}  // namespace nhsx
